package dev.wit4j.runtime.value;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@code error-context} (CanonicalABI.md, {@code ErrorContext}): an immutable debug message that
 * components and the host pass around by handle. A component makes one with
 * {@code error-context.new} and reads its message back with {@code error-context.debug-message};
 * the host makes one with {@link #of} and finds it in a {@link Value.ErrorContextValue} it
 * receives. Every component instance that holds it has its own handle index to the same object,
 * so the message is the same wherever it is read.
 */
public final class ErrorContext implements ResourceHandle {

    private static final AtomicLong NEXT = new AtomicLong();

    private final String debugMessage;
    private final long serial;

    private ErrorContext(String debugMessage) {
        this.debugMessage = Objects.requireNonNull(debugMessage, "debugMessage");
        this.serial = NEXT.incrementAndGet();
    }

    /** A new error context with {@code debugMessage}. */
    public static ErrorContext of(String debugMessage) {
        return new ErrorContext(debugMessage);
    }

    /** The debug message (for people: components must not depend on its contents). */
    public String debugMessage() {
        return debugMessage;
    }

    @Override
    public String resourceType() {
        return "error-context";
    }

    /** A number telling error contexts apart in messages; not a handle index. */
    @Override
    public long rep() {
        return serial;
    }

    @Override
    public String toString() {
        return "error-context#" + serial + " \"" + debugMessage + "\"";
    }
}
