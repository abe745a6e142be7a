package dev.wit4j.runtime.engine;

/**
 * Core WebAssembly trapped (an {@code unreachable}, an out-of-bounds access, a division by zero,
 * a stack overflow, …). The component layer wraps it with the component and function that were
 * running.
 */
public final class CoreTrapException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CoreTrapException(String reason, Throwable cause) {
        super(reason, cause);
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
            if (t instanceof RuntimeException host && !t.getClass().getName().startsWith("run.endive.")
                    && !(t instanceof IllegalStateException || t instanceof IndexOutOfBoundsException
                            || t instanceof ArithmeticException)) {
                return host;
            }
        }
        String message = e.getMessage();
        return new CoreTrapException(message == null || message.isBlank() ? e.getClass().getSimpleName() : message, e);
    }

    static CoreTrapException stackOverflow(StackOverflowError e) {
        return new CoreTrapException("call stack exhausted", e);
    }
}
