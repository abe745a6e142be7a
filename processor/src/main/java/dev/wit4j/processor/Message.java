package dev.wit4j.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, in one place. Each is printed on the annotated element
 * (the {@code @WitWorld} annotation); the text is a {@link String#format} pattern.
 */
public enum Message {
    /** The {@code wit} folder (or file) was not found; lists every place looked. */
    WIT_NOT_FOUND(Diagnostic.Kind.ERROR,
            "cannot find the WIT folder `%s` for world `%s`; looked in:%s%n"
                    + "Pass -Awit4j.projectDir=<project base directory> to javac, or give `wit` as an absolute path."),
    /** The WIT does not parse or resolve; the detail reads {@code file:line:col: message}. */
    WIT_INVALID(Diagnostic.Kind.ERROR, "invalid WIT: %s"),
    /** The named world does not exist. */
    UNKNOWN_WORLD(Diagnostic.Kind.ERROR, "%s; worlds found in `%s`: %s"),
    /** The {@code world} attribute is empty. */
    EMPTY_WORLD(Diagnostic.Kind.ERROR, "@WitWorld needs a world: `ns:pkg/world[@version]`, or a bare world name of the root package"),
    /** A WIT construct the generator cannot map yet. */
    NOT_SUPPORTED(Diagnostic.Kind.ERROR, "not supported yet: %s in %s"),
    /** Writing a generated file failed. */
    WRITE_FAILED(Diagnostic.Kind.ERROR, "cannot write generated source %s: %s"),
    /** A bug in the processor: reported instead of crashing javac. */
    INTERNAL_ERROR(Diagnostic.Kind.ERROR, "internal error in the wit4j processor (please report it): %s"),
    /** Summary after errors: nothing was generated for the world. */
    NOTHING_GENERATED(Diagnostic.Kind.NOTE, "no bindings were generated for world `%s` because of %d error(s) above");

    private final Diagnostic.Kind kind;
    private final String format;

    Message(Diagnostic.Kind kind, String format) {
        this.kind = kind;
        this.format = format;
    }

    /** The diagnostic kind. */
    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The message text for the given arguments. */
    public String format(Object... args) {
        return String.format(format, args);
    }
}
