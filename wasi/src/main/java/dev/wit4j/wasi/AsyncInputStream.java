package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import java.io.IOException;

/**
 * A {@code wasi:io/streams} input-stream over an {@link AsyncInput}: {@code read} never blocks
 * (it may return no bytes), {@code blocking-read} waits for at least one byte, and
 * {@code subscribe} gives a pollable that is ready when a read would not be empty.
 */
final class AsyncInputStream implements Streams.InputStream {
    private final AsyncInput input;
    private boolean closed;

    AsyncInputStream(AsyncInput input) {
        this.input = input;
    }

    @Override
    public Result<byte[], Streams.StreamError> read(long len) {
        return take(len, false);
    }

    @Override
    public Result<byte[], Streams.StreamError> blockingRead(long len) {
        return take(len, true);
    }

    private Result<byte[], Streams.StreamError> take(long len, boolean block) {
        if (closed) {
            return Result.err(new Streams.StreamError.Closed());
        }
        if (len == 0) {
            return Result.ok(new byte[0]);
        }
        try {
            byte[] bytes = input.take(len, block);
            if (bytes == null) {
                closed = true;
                return Result.err(new Streams.StreamError.Closed());
            }
            return Result.ok(bytes);
        } catch (IOException e) {
            closed = true;
            return Result.err(new Streams.StreamError.LastOperationFailed(IoFailure.of(e)));
        }
    }

    @Override
    public Result<Long, Streams.StreamError> skip(long len) {
        return count(take(len, false));
    }

    @Override
    public Result<Long, Streams.StreamError> blockingSkip(long len) {
        return count(take(len, true));
    }

    private static Result<Long, Streams.StreamError> count(Result<byte[], Streams.StreamError> r) {
        return r.isOk()
                ? Result.ok((long) r.okValue().get().length)
                : Result.err(r.errValue().get());
    }

    @Override
    public Poll.Pollable subscribe() {
        return new Poll.Pollable() {
            @Override
            public boolean ready() {
                return closed || input.ready();
            }

            @Override
            public void block() {
                if (!closed) {
                    input.awaitReady();
                }
            }
        };
    }
}
