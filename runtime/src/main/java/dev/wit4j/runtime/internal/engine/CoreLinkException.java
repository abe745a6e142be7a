package dev.wit4j.runtime.internal.engine;

/** A core instance could not be created: an import is missing or does not match its declaration. */
public final class CoreLinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CoreLinkException(String message) {
        super(message);
    }
}
