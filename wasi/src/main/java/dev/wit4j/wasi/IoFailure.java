package dev.wit4j.wasi;

import java.util.Optional;

/** A {@code wasi:io/error} resource: why a stream operation failed, optionally as a filesystem error code. */
record IoFailure(String message, Optional<Types.ErrorCode> code) implements Error.Error_ {

    static IoFailure of(Exception e) {
        return new IoFailure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), Optional.empty());
    }

    @Override
    public String toDebugString() {
        return message;
    }
}
