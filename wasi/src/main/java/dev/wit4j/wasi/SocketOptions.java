package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;

/** Socket options read and written with the error codes of {@code wasi:sockets}, for TCP and UDP sockets alike. */
final class SocketOptions {

    private SocketOptions() {}

    static <T> Result<T, Network.ErrorCode> get(NetworkChannel channel, SocketOption<T> option) {
        try {
            return Result.ok(channel.getOption(option));
        } catch (UnsupportedOperationException e) {
            return Result.err(Network.ErrorCode.NOT_SUPPORTED);
        } catch (IOException e) {
            return Result.err(SocketAddresses.code(e));
        }
    }

    static <T> Result<Void, Network.ErrorCode> set(NetworkChannel channel, SocketOption<T> option, T value) {
        try {
            channel.setOption(option, value);
            return Result.ok();
        } catch (UnsupportedOperationException e) {
            return Result.err(Network.ErrorCode.NOT_SUPPORTED);
        } catch (IllegalArgumentException e) {
            return Result.err(Network.ErrorCode.INVALID_ARGUMENT);
        } catch (IOException e) {
            return Result.err(SocketAddresses.code(e));
        }
    }

    /** A buffer size as WASI's {@code u64}. */
    static Result<Long, Network.ErrorCode> size(NetworkChannel channel, SocketOption<Integer> option) {
        Result<Integer, Network.ErrorCode> r = get(channel, option);
        return r.isOk()
                ? Result.ok((long) r.okValue().get())
                : Result.err(r.errValue().get());
    }

    /**
     * Sets a buffer size given as WASI's {@code u64}: zero is {@code invalid-argument}; sizes beyond
     * what the host takes are clamped (WASI lets the host round the size as it must).
     */
    static Result<Void, Network.ErrorCode> setSize(NetworkChannel channel, SocketOption<Integer> option, long value) {
        if (value == 0) {
            return Result.err(Network.ErrorCode.INVALID_ARGUMENT);
        }
        int size = Long.compareUnsigned(value, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : (int) value;
        return set(channel, option, size);
    }
}
