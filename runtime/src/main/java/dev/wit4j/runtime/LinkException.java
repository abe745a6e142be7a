package dev.wit4j.runtime;

import java.util.Objects;

/**
 * A component could not be linked or instantiated: an import is missing, a provided definition is
 * of the wrong kind or type, or the component uses a feature the runtime does not support yet. The
 * message names the import (or definition) and the mismatch, for example
 * {@code import `wasi:cli/stdout@0.2.0`: expected an instance, found a function}.
 *
 * <p>Link errors are found by {@link Linker#instantiatePre(Component)} (and so by
 * {@link Linker#instantiate(Component)}) before any guest code runs, except for the imports of
 * nested components, which are checked when the enclosing instance instantiates them.
 */
public class LinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String importName;

    /**
     * A link error.
     *
     * @param importName the import (or definition path) concerned, or null if none applies
     * @param reason what is wrong
     */
    public LinkException(String importName, String reason) {
        super(importName == null ? reason : "import `" + importName + "`: " + reason);
        this.importName = importName;
    }

    /** A link error that concerns no single import (for example an unsupported feature). */
    public LinkException(String reason) {
        this(null, reason);
    }

    /** The import (or definition path) the error concerns, or null. */
    public String importName() {
        return importName;
    }

    @Override
    public String toString() {
        return "LinkException: " + Objects.toString(getMessage());
    }
}
