package dev.wit4j.runtime.internal.engine;

import run.endive.runtime.WasmException;

/**
 * Core WebAssembly trapped (an {@code unreachable}, an out-of-bounds access, a division by zero,
 * a stack overflow, …). The component layer wraps it with the component and function that were
 * running.
 */
public final class CoreTrapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The trap message of a core exception that nothing in its component caught. */
    public static final String UNCAUGHT_EXCEPTION = "uncaught exception propagated out of component";

    /** For an uncaught exception: the function whose call threw it, else null. */
    private final transient CoreFunction thrownOutOf;

    CoreTrapException(String reason, Throwable cause) {
        this(reason, cause, null);
    }

    private CoreTrapException(String reason, Throwable cause, CoreFunction thrownOutOf) {
        super(reason, cause);
        this.thrownOutOf = thrownOutOf;
    }

    /**
     * A core exception ({@code throw}) that escaped a call of {@code function}. Exceptions do not
     * cross component boundaries (CanonicalABI.md): leaving core code for the host, or for another
     * component through it, they become this trap. Only a direct core-to-core call of
     * {@code function} (an export imported by another core instance) rethrows the original
     * exception to its caller, see {@link #exceptionThrownOutOf(CoreFunction)}.
     */
    static CoreTrapException uncaughtException(WasmException e, CoreFunction function) {
        return new CoreTrapException(UNCAUGHT_EXCEPTION, e, function);
    }

    /**
     * The original core exception if this trap is an uncaught exception that escaped a call of
     * {@code function} itself (not of some function further down the call stack), else null.
     */
    WasmException exceptionThrownOutOf(CoreFunction function) {
        return thrownOutOf == function && thrownOutOf != null ? (WasmException) getCause() : null;
    }

    /**
     * Turns whatever the engine threw during a call into a trap with a readable reason. An
     * exception thrown by a host function (a component-level trap raised while core code called
     * into the host) is passed through unchanged, even when the engine wrapped it.
     */
    static RuntimeException from(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CoreTrapException trap) {
                return trap;
            }
            if (t instanceof RuntimeException host
                    && !t.getClass().getName().startsWith("run.endive.")
                    && !(t instanceof IllegalStateException
                            || t instanceof IndexOutOfBoundsException
                            || t instanceof ArithmeticException)) {
                return host;
            }
        }
        String message = e.getMessage();
        return new CoreTrapException(
                message == null || message.isBlank() ? e.getClass().getSimpleName() : message, e);
    }

    /** Whether the core code stopped because its thread was interrupted. */
    public boolean interrupted() {
        return getCause() instanceof run.endive.runtime.WasmInterruptedException;
    }

    static CoreTrapException stackOverflow(StackOverflowError e) {
        return new CoreTrapException("call stack exhausted", e);
    }
}
