package dev.wit4j.runtime.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import run.endive.runtime.WasmInterruptedException;

/**
 * How compiled guest code notices, at its loop back edges, that it is to stop.
 *
 * <p>A guest is stopped by interrupting the thread running it. Reading the thread's interrupt flag
 * (a volatile field) on every back edge costs a tight loop more than its own work: the JIT may then
 * keep nothing loaded across iterations (measured on a C sieve: 2.6–3.0 ms with the read, 1.25–1.5
 * ms without, node 1.1–1.2 ms). So a back edge is an {@code invokedynamic} bound to a {@link
 * MutableCallSite} whose target does nothing while no stop is pending: HotSpot compiles the call
 * away, recording that the code depends on the target. While a stop is pending the polls are
 * {@linkplain #arm() armed}: the target reads the flag, and HotSpot deoptimises the code that had
 * compiled the old one, the running loop included, which then sees the interrupt. Once no stop is
 * pending, they are {@linkplain #disarm() disarmed} again.
 *
 * <p>The runtime's watchdog arms them for a call it finds still running on an interrupted thread,
 * whoever interrupted it ({@code Instance.interrupt()}, a call timeout, a bare {@link
 * Thread#interrupt()}, a cancelled {@code Future}), and disarms them when the call is over. Code
 * that calls indirectly or calls the host reads the flag there itself, so it has usually stopped
 * before: only a loop that does neither waits for the watchdog (at most about 20 ms) and costs a
 * deoptimisation.
 */
public final class LoopPolls {

    private static final MethodHandle NOTHING = MethodHandles.empty(MethodType.methodType(void.class));
    private static final MethodHandle CHECK;
    private static final MutableCallSite SITE;
    /** Stops pending; guarded by the class. */
    private static int armed;
    /** How many times the polls were armed from disarmed; guarded by the class. */
    private static long armings;

    static {
        try {
            CHECK = MethodHandles.lookup()
                    .findStatic(LoopPolls.class, "checkInterrupted", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        SITE = new MutableCallSite(NOTHING);
    }

    private LoopPolls() {}

    /** The call site of every back edge's poll: nothing, or, while a stop is pending, the interrupt check. */
    static MutableCallSite site() {
        return SITE;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new WasmInterruptedException("Thread interrupted");
        }
    }

    /** A stop is pending: loops read their thread's interrupt flag until it is {@linkplain #disarm() disarmed}. */
    public static synchronized void arm() {
        if (armed++ == 0) {
            armings++;
            switchTo(CHECK);
        }
    }

    /** One stop fewer pending: with none left, loops stop reading the flag. */
    public static synchronized void disarm() {
        if (armed == 0) {
            throw new IllegalStateException("loop polls disarmed more often than armed");
        }
        if (--armed == 0) {
            switchTo(NOTHING);
        }
    }

    /** How many times the polls were armed from disarmed (for tests: each time compiled code was thrown away). */
    public static synchronized long armings() {
        return armings;
    }

    /** Whether loops read the interrupt flag now (for tests). */
    public static synchronized boolean armed() {
        return armed > 0;
    }

    private static void switchTo(MethodHandle target) {
        SITE.setTarget(target);
        MutableCallSite.syncAll(new MutableCallSite[] {SITE});
    }
}
