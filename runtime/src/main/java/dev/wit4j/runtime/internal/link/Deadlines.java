package dev.wit4j.runtime.internal.link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Stops calls that run past their instance's {@linkplain dev.wit4j.runtime.Limits#callTimeout()
 * timeout}. One daemon thread, running only while instances with a timeout are alive, keeps a
 * millisecond clock ({@link #now()}) and every {@value #TICK_MILLIS} ms looks at those instances:
 * one whose call started more than its timeout ago is {@linkplain InstanceState#stop stopped}.
 *
 * <p>A call pays only for reading the clock into its instance when it starts (a field read and a
 * store, no system call); the guest is stopped through {@link Thread#interrupt()}, which the core
 * engine checks at every loop back edge and indirect call, so compiled code carries no check of its own.
 * Instances are held weakly: a dropped instance is forgotten, and the thread ends when none is left.
 */
final class Deadlines {

    /** How often running calls are looked at: a call overruns its timeout by at most about this much. */
    static final int TICK_MILLIS = 2;

    private static final long ORIGIN = System.nanoTime();
    /**
     * Milliseconds since {@link #ORIGIN} as of the watchdog's next tick, advanced by the watchdog
     * thread while it runs. A call records it as its start: ahead of the real time until the
     * watchdog is late, so that a call is not stopped before its timeout (a clock that lags would
     * stop it up to a tick early).
     */
    private static volatile long clock;

    private static final Set<InstanceState> WATCHED = Collections.newSetFromMap(new WeakHashMap<>());
    private static Thread watchdog;

    private Deadlines() {}

    /** The watchdog's clock in milliseconds (only advances while an instance with a timeout lives). */
    static long now() {
        return clock;
    }

    /** Watches {@code root} (a top-level instance with a call timeout) until it is unreachable. */
    static void watch(InstanceState root) {
        synchronized (WATCHED) {
            clock = elapsedMillis() + TICK_MILLIS;
            WATCHED.add(root);
            if (watchdog == null) {
                watchdog = new Thread(Deadlines::run, "wit4j-deadlines");
                watchdog.setDaemon(true);
                watchdog.start();
            }
        }
    }

    private static long elapsedMillis() {
        return (System.nanoTime() - ORIGIN) / 1_000_000L;
    }

    private static void run() {
        List<InstanceState> due = new ArrayList<>();
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                // a daemon nobody interrupts on purpose: keep watching
            }
            long now = elapsedMillis();
            clock = now + TICK_MILLIS;
            due.clear();
            synchronized (WATCHED) {
                if (WATCHED.isEmpty()) {
                    watchdog = null;
                    return;
                }
                for (InstanceState s : WATCHED) {
                    if (s.overdue(now)) {
                        due.add(s);
                    }
                }
            }
            for (InstanceState s : due) {
                s.stop(InstanceState.STOP_DEADLINE);
            }
        }
    }
}
