package dev.wit4j.runtime.bindings;

import dev.wit4j.runtime.abi.ResourceType;

/**
 * A function exported by a component instance, called with flat core values (the typed face of
 * {@code canon lift}, CanonicalABI.md {@code canon_lift}, synchronous). Obtain it once per
 * instance with {@link dev.wit4j.runtime.Func#typed()}; implemented by the runtime only.
 *
 * <p>A call follows this protocol, which keeps every rule of the spec:
 *
 * <pre>{@code
 * GuestContext cx = f.enter();              // may_enter; traps CANNOT_ENTER (instance unchanged)
 * try {
 *     long[] results = f.call(lowered args); // lower into cx first (realloc may run)
 *     T value = lift from results / cx;      // read results before post-return frees them
 *     f.finish(results);                     // Task.return_: borrows dropped; post-return once
 *     return value;
 * } catch (RuntimeException | StackOverflowError e) {
 *     throw f.fail(e);                       // poisons the instance; Trap names component + function
 * } finally {
 *     f.exit();                              // leave: may_enter set again
 * }
 * }</pre>
 *
 * <p>An instance is never entered twice at once (a second {@link #enter()} on the same thread
 * traps, from another thread it is refused), so the context of a call may be reused by the next
 * one.
 */
public interface ExportFunction {

    /** The export name used in traps, e.g. {@code add} or {@code example:calc/api#add}. */
    String name();

    /**
     * Enters the instance for a call from the host ({@code may_enter} cleared) and returns the
     * context to lower arguments into and lift results from.
     *
     * @throws dev.wit4j.runtime.Trap with {@code CANNOT_ENTER} if the instance is poisoned or
     *     this thread is already running in it; nothing is changed then, and {@link #exit()} must
     *     not be called
     * @throws IllegalStateException if another thread is running a call in the instance (nothing
     *     is changed either)
     */
    GuestContext enter();

    /** Runs the core function with the flat arguments and returns its flat results. */
    long[] call(long... flatArgs);

    /**
     * Ends a successful call after its results have been read: traps if borrows lent to the callee
     * are still outstanding, then calls {@code post-return} (if any) with the flat results, with
     * {@code may_leave} cleared.
     */
    void finish(long[] flatResults);

    /**
     * A call failed: poisons the instance (the spec's lockdown) and returns what to throw: a core
     * trap as a {@link dev.wit4j.runtime.Trap} naming the component, the function and the reason;
     * a stack overflow as a core trap; other exceptions (from host code) unchanged. A
     * {@link NullPointerException} or {@link IllegalArgumentException} raised while lowering the
     * arguments, before {@link #call} (the host passed a bad argument), does not poison: the core
     * function never ran. Memory that {@code realloc} allocated for earlier arguments stays allocated.
     */
    RuntimeException fail(Throwable e);

    /** Leaves the instance ({@code may_enter} set again); call in {@code finally} after {@link #enter()}. */
    void exit();

    /**
     * The run-time resource type of handle number {@code handleIndex} of this function's type: the
     * {@code own} and {@code borrow} types met in a depth-first walk of the parameters in order and
     * then the result (record fields, tuple elements, variant cases, option and result payloads and
     * list elements in their order), counted from 0.
     *
     * @throws IllegalArgumentException if the type has fewer handles
     */
    ResourceType resource(int handleIndex);
}
