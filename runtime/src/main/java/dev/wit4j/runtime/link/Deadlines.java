package dev.wit4j.runtime.link;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The runtime's watchdog: stops calls that run past their instance's {@linkplain
 * dev.wit4j.runtime.Limits#callTimeout() timeout}, and lets compiled loops notice an interrupt. One daemon thread, running only while top-level instances are alive, keeps a millisecond
 * clock ({@link #now()}) and
 * <ul>
 *   <li>every {@value #TICK_MILLIS} ms (while instances with a timeout are alive) looks at those
 *       instances: one whose call started more than its timeout ago is {@linkplain
 *       InstanceState#stop stopped};
 *   <li>every {@value #INTERRUPT_MILLIS} ms looks at every instance's running call for an
 *       interrupted thread (stopped, or interrupted from elsewhere: a bare {@link
 *       Thread#interrupt()}, a cancelled {@code Future}); for a call seen so twice in a row it
 *       {@linkplain InstanceState#watchInterrupt arms the loop polls} until the call is over: compiled loops
 *       read the interrupt flag only while a stop is pending ({@code engine.LoopPolls}).
 * </ul>
 *
 * <p>A call pays only for reading the clock into its instance when it starts (a field read and a
 * store, no system call); the guest is stopped through {@link Thread#interrupt()}, which compiled
 * code then checks at its loop back edges and indirect calls. Instances are held weakly: a dropped
 * instance is forgotten, and the thread ends when none is left.
 */
final class Deadlines {

    /** How often running calls are looked at: a call overruns its timeout by at most about this much. */
    static final int TICK_MILLIS = 2;
    /**
     * How often running calls are looked at for an interrupted thread: a tight loop stops this much
     * later than code that reads the flag itself.
     */
    static final int INTERRUPT_MILLIS = 10;

    private static final long ORIGIN = System.nanoTime();
    /**
     * Milliseconds since {@link #ORIGIN} as of the watchdog's next tick, advanced by the watchdog
     * thread while it runs. A call records it as its start: ahead of the real time until the
     * watchdog is late, so that a call is not stopped before its timeout (a clock that lags would
     * stop it up to a tick early).
     */
    private static volatile long clock;

    /** Top-level instances with a call timeout. */
    private static final Set<InstanceState> TIMED = Collections.newSetFromMap(new WeakHashMap<>());
    /** Every top-level instance. */
    private static final Set<InstanceState> ALL = Collections.newSetFromMap(new WeakHashMap<>());

    /**
     * Instances for whose call the watchdog armed the loop polls, held strongly until it disarms
     * them: an instance dropped as its call ends must not take the disarming with it. Used by the
     * watchdog thread only.
     */
    private static final Set<InstanceState> ARMED = new HashSet<>();

    private static Thread watchdog;

    private Deadlines() {}

    /** The watchdog's clock in milliseconds (only advances while an instance with a timeout lives). */
    static long now() {
        return clock;
    }

    /** Watches {@code root} (a top-level instance; {@code timed} if it has a call timeout) until it is unreachable. */
    static void watch(InstanceState root, boolean timed) {
        synchronized (ALL) {
            clock = elapsedMillis() + TICK_MILLIS;
            ALL.add(root);
            if (timed) {
                TIMED.add(root);
            }
            if (watchdog == null) {
                watchdog = new Thread(Deadlines::run, "wit4j-watchdog");
                watchdog.setDaemon(true);
                watchdog.start();
            }
        }
    }

    /**
     * Stops an overdue call, or looks at a call's thread for an interrupt (returning whether the
     * loop polls are armed for it). A failure here is a wit4j bug: it is logged, and the watchdog
     * goes on watching the other instances.
     */
    private static boolean look(InstanceState s, boolean overdue) {
        try {
            if (overdue) {
                s.stop(InstanceState.STOP_DEADLINE);
                return false;
            }
            return s.watchInterrupt();
        } catch (RuntimeException | Error e) {
            System.getLogger(Deadlines.class.getName())
                    .log(System.Logger.Level.WARNING, "the wit4j watchdog failed on " + s, e);
            return false;
        }
    }

    private static long elapsedMillis() {
        return (System.nanoTime() - ORIGIN) / 1_000_000L;
    }

    private static void run() {
        List<InstanceState> due = new ArrayList<>();
        List<InstanceState> running = new ArrayList<>();
        long lastInterruptLook = 0;
        boolean timed = true;
        while (true) {
            try {
                Thread.sleep(timed ? TICK_MILLIS : INTERRUPT_MILLIS);
            } catch (InterruptedException e) {
                // a daemon nobody interrupts on purpose: keep watching
            }
            long now = elapsedMillis();
            clock = now + TICK_MILLIS;
            boolean lookForInterrupts = now - lastInterruptLook >= INTERRUPT_MILLIS;
            synchronized (ALL) {
                if (ALL.isEmpty()) {
                    watchdog = null;
                    return;
                }
                timed = !TIMED.isEmpty();
                for (InstanceState s : TIMED) {
                    if (s.overdue(now)) {
                        due.add(s);
                    }
                }
                if (lookForInterrupts) {
                    running.addAll(ALL);
                    lastInterruptLook = now;
                }
            }
            for (InstanceState s : due) {
                look(s, true);
            }
            for (InstanceState s : running) {
                if (look(s, false)) {
                    ARMED.add(s);
                } else {
                    ARMED.remove(s);
                }
            }
            // not held while sleeping: the instances are held weakly, a dropped one is collected
            due.clear();
            running.clear();
        }
    }
}
