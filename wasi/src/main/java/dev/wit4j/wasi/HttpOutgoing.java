package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What a guest builds before sending: {@code outgoing-request}, its {@code outgoing-body} and
 * {@code request-options}. The body is collected in memory and sent when the guest finishes it.
 */
final class HttpOutgoing {
    private HttpOutgoing() {}

    /** {@code outgoing-request}: method, target and headers; the headers handed out are immutable. */
    static final class Request implements HttpTypes.OutgoingRequest {
        private final HttpFields headers;
        private HttpTypes.Method method = new HttpTypes.Method.Get();
        private Optional<String> pathWithQuery = Optional.empty();
        private Optional<HttpTypes.Scheme> scheme = Optional.empty();
        private Optional<String> authority = Optional.empty();
        private Body body;

        private final long maxBodyBytes;

        Request(HttpFields headers, long maxBodyBytes) {
            this.headers = headers;
            this.maxBodyBytes = maxBodyBytes;
        }

        HttpFields headerFields() {
            return headers;
        }

        /** The body the guest took, or an empty finished one if it never asked for it. */
        Body bodyOrEmpty() {
            if (body == null) {
                body = new Body(maxBodyBytes);
                body.finish(Optional.empty());
            }
            return body;
        }

        @Override
        public Result<HttpTypes.OutgoingBody, Void> body() {
            if (body != null) {
                return Result.err();
            }
            body = new Body(maxBodyBytes);
            return Result.ok(body);
        }

        @Override
        public HttpTypes.Method method() {
            return method;
        }

        @Override
        public Result<Void, Void> setMethod(HttpTypes.Method method) {
            if (method instanceof HttpTypes.Method.Other other && !HttpFields.isToken(other.value())) {
                return Result.err();
            }
            this.method = method;
            return Result.ok();
        }

        @Override
        public Optional<String> pathWithQuery() {
            return pathWithQuery;
        }

        @Override
        public Result<Void, Void> setPathWithQuery(Optional<String> pathWithQuery) {
            if (pathWithQuery.isPresent() && !validTarget(pathWithQuery.get())) {
                return Result.err();
            }
            this.pathWithQuery = pathWithQuery;
            return Result.ok();
        }

        @Override
        public Optional<HttpTypes.Scheme> scheme() {
            return scheme;
        }

        @Override
        public Result<Void, Void> setScheme(Optional<HttpTypes.Scheme> scheme) {
            if (scheme.isPresent()
                    && scheme.get() instanceof HttpTypes.Scheme.Other other
                    && !other.value().matches("[A-Za-z][A-Za-z0-9+.-]*")) {
                return Result.err();
            }
            this.scheme = scheme;
            return Result.ok();
        }

        @Override
        public Optional<String> authority() {
            return authority;
        }

        @Override
        public Result<Void, Void> setAuthority(Optional<String> authority) {
            if (authority.isPresent() && !validTarget(authority.get())) {
                return Result.err();
            }
            this.authority = authority;
            return Result.ok();
        }

        @Override
        public HttpTypes.Fields headers() {
            return headers.frozen();
        }

        private static boolean validTarget(String s) {
            return s.chars().noneMatch(c -> c <= ' ' || c == 0x7f);
        }
    }

    /**
     * {@code outgoing-body}: bytes written through its stream, complete once finished. Dropping it
     * unfinished fails the request, as the interface says.
     */
    static final class Body implements HttpTypes.OutgoingBody, AutoCloseable {
        /** What a body may hold unless the host says otherwise: it is kept in memory until sent. */
        static final long DEFAULT_MAX_BYTES = 64L << 20;

        private final BoundedBuffer bytes;

        Body(long maxBytes) {
            this.bytes = new BoundedBuffer(maxBytes);
        }

        private final CompletableFuture<byte[]> complete = new CompletableFuture<>();
        private boolean streamTaken;

        CompletableFuture<byte[]> completion() {
            return complete;
        }

        @Override
        public Result<Streams.OutputStream, Void> write() {
            if (streamTaken || complete.isDone()) {
                return Result.err();
            }
            streamTaken = true;
            return Result.ok(new HostOutputStream(bytes));
        }

        Result<Void, HttpTypes.ErrorCode> finish(Optional<HttpTypes.Fields> trailers) {
            if (trailers.isPresent() && !trailers.get().entries().isEmpty()) {
                HttpTypes.ErrorCode error = new HttpTypes.ErrorCode.InternalError(
                        Optional.of("request trailers are not supported by this host"));
                complete.completeExceptionally(new HttpFailure(error));
                return Result.err(error);
            }
            complete.complete(bytes.toByteArray());
            return Result.ok();
        }

        @Override
        public void close() {
            complete.completeExceptionally(new HttpFailure(new HttpTypes.ErrorCode.InternalError(
                    Optional.of("the outgoing body was dropped without outgoing-body.finish"))));
        }
    }

    /**
     * The bytes of a body, refusing a write past {@code maxBytes}: the guest's stream write fails
     * ({@code last-operation-failed}) instead of the host buffering without end.
     */
    static final class BoundedBuffer extends ByteArrayOutputStream {
        private final long maxBytes;

        BoundedBuffer(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        private void check(int len) {
            if (count + (long) len > maxBytes) {
                throw new java.io.UncheckedIOException(
                        new java.io.IOException("the body exceeds the host's limit of " + maxBytes + " bytes"));
            }
        }
    }

    /** {@code request-options}: connect and first-byte timeouts; between-bytes is not supported. */
    static final class Options implements HttpTypes.RequestOptions {
        private Optional<Long> connectTimeout = Optional.empty();
        private Optional<Long> firstByteTimeout = Optional.empty();

        @Override
        public Optional<Long> connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Result<Void, Void> setConnectTimeout(Optional<Long> duration) {
            connectTimeout = duration;
            return Result.ok();
        }

        @Override
        public Optional<Long> firstByteTimeout() {
            return firstByteTimeout;
        }

        @Override
        public Result<Void, Void> setFirstByteTimeout(Optional<Long> duration) {
            firstByteTimeout = duration;
            return Result.ok();
        }

        @Override
        public Optional<Long> betweenBytesTimeout() {
            return Optional.empty();
        }

        /** java.net.http offers no timeout between body bytes: the interface's "not supported" error. */
        @Override
        public Result<Void, Void> setBetweenBytesTimeout(Optional<Long> duration) {
            return Result.err();
        }
    }

    /** Carries a WASI error code through a failed future. */
    static final class HttpFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpTypes.ErrorCode code;

        HttpFailure(HttpTypes.ErrorCode code) {
            super(code.toString(), null, false, false);
            this.code = code;
        }

        HttpTypes.ErrorCode code() {
            return code;
        }
    }
}
