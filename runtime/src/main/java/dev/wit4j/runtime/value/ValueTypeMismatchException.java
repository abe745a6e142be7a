package dev.wit4j.runtime.value;

/**
 * A {@link Value} does not have the type it was checked against. The message names where in the
 * value the mismatch is, for example {@code field `name`: expected string, found u32}.
 */
public final class ValueTypeMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    ValueTypeMismatchException(String path, String reason) {
        super(path.isEmpty() ? reason : path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /**
     * Where the mismatch is, for example {@code field `items`, element 2}; empty when it is the
     * checked value itself.
     */
    public String path() {
        return path;
    }

    /** What is wrong, without the path, for example {@code expected string, found u32}. */
    public String reason() {
        return reason;
    }
}
