package dev.wit4j.runtime.internal.engine;

/**
 * An instantiation needed more than its {@link Budget} allows (a memory's or a table's minimum
 * size); the component layer reports it as a trap of reason {@code RESOURCE_EXHAUSTED}.
 */
public final class LimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exceeded limit, described by {@code message}. */
    public LimitExceededException(String message) {
        super(message);
    }
}
