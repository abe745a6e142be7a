package dev.wit4j.runtime.internal.engine.validation;

/**
 * What stops the validation of a function body: the body is malformed or invalid (with the byte
 * where it was found), or it uses something this validator leaves to the core engine's.
 */
final class CodeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    enum Kind {
        MALFORMED,
        INVALID,
        UNSUPPORTED
    }

    final Kind kind;
    final String reason;
    /** Offset in the module's bytes, or -1 if there is none. */
    final int offset;

    private CodeError(Kind kind, String reason, int offset) {
        super(reason, null, false, false);
        this.kind = kind;
        this.reason = reason;
        this.offset = offset;
    }

    static CodeError malformed(String reason, int offset) {
        return new CodeError(Kind.MALFORMED, reason, offset);
    }

    static CodeError invalid(String reason, int offset) {
        return new CodeError(Kind.INVALID, reason, offset);
    }

    static CodeError unsupported(String what) {
        return new CodeError(Kind.UNSUPPORTED, what, -1);
    }
}
