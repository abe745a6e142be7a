package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A {@code wasi:io/streams} input-stream reading a Java {@link InputStream}. A non-blocking read
 * returns what {@link InputStream#available()} promises; when that is nothing it reads as a
 * blocking read would (Java streams cannot be polled), so its pollable is always ready.
 */
final class HostInputStream implements Streams.InputStream {
    private static final int MAX_CHUNK = 64 * 1024;

    private final InputStream in;
    private boolean closed;

    HostInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public Result<byte[], Streams.StreamError> read(long len) {
        if (closed) {
            return Result.err(new Streams.StreamError.Closed());
        }
        try {
            int available = in.available();
            return blockingRead(available > 0 ? Math.min(len, available) : len);
        } catch (IOException e) {
            return failed(e);
        }
    }

    @Override
    public Result<byte[], Streams.StreamError> blockingRead(long len) {
        if (closed) {
            return Result.err(new Streams.StreamError.Closed());
        }
        if (len == 0) {
            return Result.ok(new byte[0]);
        }
        byte[] buffer = new byte[Long.compareUnsigned(len, MAX_CHUNK) < 0 ? (int) len : MAX_CHUNK];
        try {
            int n = in.read(buffer);
            if (n < 0) {
                closed = true;
                return Result.err(new Streams.StreamError.Closed());
            }
            return Result.ok(n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
        } catch (IOException e) {
            return failed(e);
        }
    }

    @Override
    public Result<Long, Streams.StreamError> skip(long len) {
        return blockingSkip(len);
    }

    @Override
    public Result<Long, Streams.StreamError> blockingSkip(long len) {
        Result<byte[], Streams.StreamError> r = blockingRead(len);
        if (r instanceof Result.Ok<byte[], Streams.StreamError> ok) {
            return Result.ok((long) ok.value().length);
        }
        return Result.err(((Result.Err<byte[], Streams.StreamError>) r).error());
    }

    @Override
    public Poll.Pollable subscribe() {
        return new Pollables.Ready();
    }

    private <T> Result<T, Streams.StreamError> failed(IOException e) {
        closed = true;
        return Result.err(new Streams.StreamError.LastOperationFailed(IoFailure.of(e)));
    }
}
