package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What a guest receives: the response future, the response, its body and trailers. */
final class HttpIncoming {
    private HttpIncoming() {}

    /** {@code future-incoming-response}: the response, or the error code, readable once. */
    static final class FutureResponse implements HttpTypes.FutureIncomingResponse {
        private final CompletableFuture<Result<HttpTypes.IncomingResponse, HttpTypes.ErrorCode>> future;
        private boolean taken;

        FutureResponse(CompletableFuture<Result<HttpTypes.IncomingResponse, HttpTypes.ErrorCode>> future) {
            this.future = future;
        }

        @Override
        public Poll.Pollable subscribe() {
            return new Pollables.Future(future);
        }

        @Override
        public Optional<Result<Result<HttpTypes.IncomingResponse, HttpTypes.ErrorCode>, Void>> get() {
            if (!future.isDone()) {
                return Optional.empty();
            }
            if (taken) {
                return Optional.of(Result.err());
            }
            taken = true;
            return Optional.of(Result.ok(future.join()));
        }
    }

    /** {@code incoming-response}: status, immutable headers, and a body consumable once. */
    static final class Response implements HttpTypes.IncomingResponse {
        private final short status;
        private final HttpFields headers;
        private final InputStream body;
        private boolean consumed;

        Response(int status, HttpFields headers, InputStream body) {
            this.status = (short) status;
            this.headers = headers;
            this.body = body;
        }

        @Override
        public short status() {
            return status;
        }

        @Override
        public HttpTypes.Fields headers() {
            return headers.frozen();
        }

        @Override
        public Result<HttpTypes.IncomingBody, Void> consume() {
            if (consumed) {
                return Result.err();
            }
            consumed = true;
            return Result.ok(new Body(body));
        }
    }

    /** {@code incoming-body}: the bytes as an input-stream (pollable: ready when bytes arrive), handed out once. */
    static final class Body implements HttpTypes.IncomingBody, AutoCloseable {
        private final InputStream in;
        private boolean streamTaken;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public Result<Streams.InputStream, Void> stream() {
            if (streamTaken) {
                return Result.err();
            }
            streamTaken = true;
            return Result.ok(new AsyncInputStream(new AsyncInput(in, "http-body")));
        }

        /** Dropping the body releases the connection. */
        @Override
        public void close() throws java.io.IOException {
            in.close();
        }
    }

    /**
     * {@code future-trailers} after the body: java.net.http delivers no trailers, so this is ready
     * at once with "no trailers", readable once.
     */
    static final class NoTrailers implements HttpTypes.FutureTrailers {
        private boolean taken;

        @Override
        public Poll.Pollable subscribe() {
            return new Pollables.Ready();
        }

        @Override
        public Optional<Result<Result<Optional<HttpTypes.Fields>, HttpTypes.ErrorCode>, Void>> get() {
            if (taken) {
                return Optional.of(Result.err());
            }
            taken = true;
            return Optional.of(Result.ok(Result.ok(Optional.empty())));
        }
    }
}
