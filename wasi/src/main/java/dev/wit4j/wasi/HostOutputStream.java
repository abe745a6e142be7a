package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A {@code wasi:io/streams} output-stream writing a Java {@link OutputStream}. Writes complete
 * at once (so check-write always grants {@link #BUDGET} bytes and the pollable is always ready);
 * the Java stream is never closed by the component.
 */
final class HostOutputStream implements Streams.OutputStream {
    /** How many bytes check-write permits per write. */
    static final long BUDGET = 1 << 20;

    private final OutputStream out;
    private boolean closed;

    HostOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public Result<Long, Streams.StreamError> checkWrite() {
        return closed ? Result.err(new Streams.StreamError.Closed()) : Result.ok(BUDGET);
    }

    @Override
    public Result<Void, Streams.StreamError> write(byte[] contents) {
        if (closed) {
            return Result.err(new Streams.StreamError.Closed());
        }
        if (contents.length > BUDGET) {
            throw new IllegalStateException("write of " + contents.length + " bytes exceeds check-write's " + BUDGET);
        }
        try {
            out.write(contents);
            return Result.ok();
        } catch (IOException e) {
            return failed(e);
        } catch (java.io.UncheckedIOException e) { // an in-memory sink that refuses more (a bounded body)
            return failed(e.getCause());
        }
    }

    @Override
    public Result<Void, Streams.StreamError> blockingWriteAndFlush(byte[] contents) {
        Result<Void, Streams.StreamError> r = write(contents);
        return r.isOk() ? flush() : r;
    }

    @Override
    public Result<Void, Streams.StreamError> flush() {
        if (closed) {
            return Result.err(new Streams.StreamError.Closed());
        }
        try {
            out.flush();
            return Result.ok();
        } catch (IOException e) {
            return failed(e);
        }
    }

    @Override
    public Result<Void, Streams.StreamError> blockingFlush() {
        return flush();
    }

    @Override
    public Poll.Pollable subscribe() {
        return new Pollables.Ready();
    }

    @Override
    public Result<Void, Streams.StreamError> writeZeroes(long len) {
        return write(new byte[(int) Math.min(len, BUDGET + 1)]);
    }

    @Override
    public Result<Void, Streams.StreamError> blockingWriteZeroesAndFlush(long len) {
        Result<Void, Streams.StreamError> r = writeZeroes(len);
        return r.isOk() ? flush() : r;
    }

    @Override
    public Result<Long, Streams.StreamError> splice(Streams.InputStream src, long len) {
        return blockingSplice(src, len);
    }

    @Override
    public Result<Long, Streams.StreamError> blockingSplice(Streams.InputStream src, long len) {
        Result<byte[], Streams.StreamError> read = src.blockingRead(Math.min(len, BUDGET));
        if (read instanceof Result.Err<byte[], Streams.StreamError> e) {
            return Result.err(e.error());
        }
        byte[] bytes = ((Result.Ok<byte[], Streams.StreamError>) read).value();
        Result<Void, Streams.StreamError> written = write(bytes);
        if (written instanceof Result.Err<Void, Streams.StreamError> e) {
            return Result.err(e.error());
        }
        return Result.ok((long) bytes.length);
    }

    private <T> Result<T, Streams.StreamError> failed(IOException e) {
        closed = true;
        return Result.err(new Streams.StreamError.LastOperationFailed(IoFailure.of(e)));
    }
}
