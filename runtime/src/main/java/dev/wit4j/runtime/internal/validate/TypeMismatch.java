package dev.wit4j.runtime.internal.validate;

/** Internal signal of a failed subtype check; the validator turns it into a {@link ValidationException}. */
final class TypeMismatch extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TypeMismatch(String message) {
        super(message, null, false, false);
    }

    /** The same mismatch with a breadcrumb in front, e.g. "type mismatch in import `f`". */
    TypeMismatch within(String context) {
        return new TypeMismatch(context + ": " + getMessage());
    }
}
