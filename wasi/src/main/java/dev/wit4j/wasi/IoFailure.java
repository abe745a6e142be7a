package dev.wit4j.wasi;

import java.util.Optional;

/**
 * A {@code wasi:io/error} resource: why a stream operation failed, optionally as a filesystem or
 * HTTP error code (what {@code filesystem-error-code} and {@code http-error-code} return).
 */
record IoFailure(String message, Optional<FilesystemTypes.ErrorCode> code, Optional<HttpTypes.ErrorCode> httpCode)
        implements Error.Error_ {

    IoFailure(String message, Optional<FilesystemTypes.ErrorCode> code) {
        this(message, code, Optional.empty());
    }

    static IoFailure of(Exception e) {
        return new IoFailure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), Optional.empty());
    }

    @Override
    public String toDebugString() {
        return message;
    }
}
