package dev.wit4j.wasi;

import com.sun.net.httpserver.HttpExchange;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One request served to a component's {@code wasi:http/incoming-handler}: the {@code
 * incoming-request} it reads, the {@code response-outparam} it answers through, and the body of
 * its {@code outgoing-response}, which goes to the client as the component writes it.
 */
final class HttpServed {
    private HttpServed() {}

    /**
     * Headers that describe the connection rather than the message (RFC 9110 section 7.6.1), and
     * {@code host}, which the request's authority carries: not passed on either way, as jco's and
     * wasmtime's servers do not.
     */
    private static final Set<String> CONNECTION_HEADERS = Set.of(
            "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "upgrade", "trailer", "host");

    /** {@code incoming-request}: the exchange's method, target and headers, and its body once. */
    static final class Request implements HttpTypes.IncomingRequest {
        private final HttpTypes.Method method;
        private final String pathWithQuery;
        private final HttpTypes.Scheme scheme;
        private final String authority;
        private final HttpFields headers;
        private final InputStream body;
        private boolean consumed;

        Request(HttpExchange exchange, boolean https) {
            this.method = methodOf(exchange.getRequestMethod());
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            this.pathWithQuery = (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
            this.scheme = https ? new HttpTypes.Scheme.Https() : new HttpTypes.Scheme.Http();
            String host = exchange.getRequestHeaders().getFirst("Host");
            this.authority = host != null
                    ? host
                    : exchange.getLocalAddress().getHostString() + ":"
                            + exchange.getLocalAddress().getPort();
            List<Tuple2<String, byte[]>> fields = new ArrayList<>();
            for (Map.Entry<String, List<String>> e :
                    exchange.getRequestHeaders().entrySet()) {
                String name = e.getKey().toLowerCase(Locale.ROOT);
                if (CONNECTION_HEADERS.contains(name)) continue;
                for (String v : e.getValue()) fields.add(new Tuple2<>(name, v.getBytes(StandardCharsets.ISO_8859_1)));
            }
            this.headers = HttpFields.immutableOf(fields);
            this.body = exchange.getRequestBody();
        }

        @Override
        public HttpTypes.Method method() {
            return method;
        }

        @Override
        public Optional<String> pathWithQuery() {
            return Optional.of(pathWithQuery);
        }

        @Override
        public Optional<HttpTypes.Scheme> scheme() {
            return Optional.of(scheme);
        }

        @Override
        public Optional<String> authority() {
            return Optional.of(authority);
        }

        @Override
        public HttpTypes.Fields headers() {
            return headers.frozen();
        }

        @Override
        public Result<HttpTypes.IncomingBody, Void> consume() {
            if (consumed) return Result.err();
            consumed = true;
            return Result.ok(new HttpIncoming.Body(body));
        }
    }

    /** The WIT method for an HTTP method name; methods are case-sensitive (RFC 9110 section 9.1). */
    static HttpTypes.Method methodOf(String name) {
        return switch (name) {
            case "GET" -> new HttpTypes.Method.Get();
            case "HEAD" -> new HttpTypes.Method.Head();
            case "POST" -> new HttpTypes.Method.Post();
            case "PUT" -> new HttpTypes.Method.Put();
            case "DELETE" -> new HttpTypes.Method.Delete();
            case "CONNECT" -> new HttpTypes.Method.Connect();
            case "OPTIONS" -> new HttpTypes.Method.Options();
            case "TRACE" -> new HttpTypes.Method.Trace();
            case "PATCH" -> new HttpTypes.Method.Patch();
            default -> new HttpTypes.Method.Other(name);
        };
    }

    /**
     * {@code response-outparam}: set once, with the response or an error code. Setting a response
     * hands its status and headers to its body's {@link Sink}, which sends them with the first
     * bytes that cannot wait; a response without a body goes out at once.
     */
    static final class Outparam implements HttpTypes.ResponseOutparam {
        private final HttpExchange exchange;
        private Result<HttpTypes.OutgoingResponse, HttpTypes.ErrorCode> response;
        private Sink sink;

        Outparam(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void set(Result<HttpTypes.OutgoingResponse, HttpTypes.ErrorCode> response) {
            if (this.response != null) {
                throw new IllegalStateException("response-outparam.set called twice");
            }
            this.response = response;
            if (!response.isOk()) return; // the server answers 500 when the handler returns
            HttpResponseBuilder r = (HttpResponseBuilder) response.okValue().get();
            Body body = r.takenBody();
            sink = body != null ? body.sink() : Sink.empty();
            try {
                sink.respond(
                        exchange,
                        Short.toUnsignedInt(r.statusCode()),
                        r.headerFields().entries());
            } catch (IOException e) {
                // the client went away: the component's writes fail from now on
            }
        }

        /** What the component set, or null if it set nothing. */
        Result<HttpTypes.OutgoingResponse, HttpTypes.ErrorCode> response() {
            return response;
        }

        /** The body of the response set, or null. */
        Sink sink() {
            return sink;
        }
    }

    /**
     * The bytes of a response body on their way to the client. A body the component finishes within
     * {@link #HOLD_MILLIS} of setting its response (and in fewer than {@link #HOLD_BYTES}) goes out
     * whole, with its length; otherwise the status and headers go out then, and the body in chunks
     * as the component writes it. The component's thread writes; a timer may start the streaming.
     */
    static final class Sink extends OutputStream {
        static final int HOLD_BYTES = 64 * 1024;
        static final long HOLD_MILLIS = 20;

        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wit4j-http-body");
            t.setDaemon(true);
            return t;
        });

        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private HttpExchange exchange;
        private int status;
        private List<Tuple2<String, byte[]>> headers;
        private OutputStream out;
        /** Whether the component finished the body (it goes out when its response is set). */
        private boolean finishRequested;
        /** Whether the body went out whole. */
        private boolean finished;

        private IOException failure;

        /** The sink of a response without body: finished before its response is set. */
        static Sink empty() {
            Sink sink = new Sink();
            sink.finishRequested = true;
            return sink;
        }

        /** The response this body belongs to was set: its status and headers are known. */
        synchronized void respond(HttpExchange exchange, int status, List<Tuple2<String, byte[]>> headers)
                throws IOException {
            this.exchange = exchange;
            this.status = status;
            this.headers = headers;
            if (finishRequested) {
                complete();
            } else if (held.size() >= HOLD_BYTES) {
                stream();
            } else {
                TIMER.schedule(this::streamIfUnfinished, HOLD_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private synchronized void streamIfUnfinished() {
            if (finishRequested || out != null || failure != null) return;
            try {
                stream();
            } catch (IOException e) {
                // recorded: the component's next write fails
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (failure != null) throw failure;
            if (out != null) {
                guard(() -> {
                    out.write(b, off, len);
                    out.flush(); // each write of the component is a chunk the client may wait for
                });
                return;
            }
            held.write(b, off, len);
            if (held.size() >= HOLD_BYTES && exchange != null) stream();
        }

        @Override
        public synchronized void flush() throws IOException {
            if (failure != null) throw failure;
        }

        /** Sends the status and headers for a body of unknown length, then what is held. */
        private void stream() throws IOException {
            guard(() -> {
                sendHeaders(0);
                out = exchange.getResponseBody();
                held.writeTo(out);
                out.flush();
            });
            held.reset();
        }

        /** The body is complete: sent whole with its length if nothing went out yet, once the response is set. */
        synchronized void finish() throws IOException {
            if (failure != null) throw failure;
            if (finishRequested) return;
            finishRequested = true;
            if (exchange != null) complete();
        }

        private void complete() throws IOException {
            if (out == null) {
                guard(() -> {
                    sendHeaders(held.size() == 0 ? -1 : held.size());
                    out = exchange.getResponseBody();
                    held.writeTo(out);
                });
            }
            guard(out::close);
            finished = true;
        }

        synchronized boolean finished() {
            return finished;
        }

        synchronized boolean finishRequested() {
            return finishRequested;
        }

        /** Whether the status line went out (after which a failure can only cut the response short). */
        synchronized boolean started() {
            return out != null;
        }

        private void sendHeaders(long length) throws IOException {
            for (Tuple2<String, byte[]> h : headers) {
                String name = h.first().toLowerCase(Locale.ROOT);
                // the server frames the body itself, with a length of its own
                if (CONNECTION_HEADERS.contains(name) || name.equals("content-length")) continue;
                exchange.getResponseHeaders().add(h.first(), new String(h.second(), StandardCharsets.ISO_8859_1));
            }
            exchange.sendResponseHeaders(status, length);
        }

        private interface Io {
            void run() throws IOException;
        }

        /** Runs a write to the client; a failure (the client went away) fails every later write too. */
        private void guard(Io io) throws IOException {
            try {
                io.run();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /**
     * {@code outgoing-body} of a response: its stream writes to the response's {@link Sink}.
     * Dropping it unfinished leaves the response incomplete, which the server reports.
     */
    static final class Body implements HttpTypes.OutgoingBody, AutoCloseable {
        private final Sink sink = new Sink();
        private boolean streamTaken;
        private boolean dropped;

        Sink sink() {
            return sink;
        }

        @Override
        public Result<Streams.OutputStream, Void> write() {
            if (streamTaken || sink.finishRequested()) return Result.err();
            streamTaken = true;
            return Result.ok(new HostOutputStream(sink));
        }

        Result<Void, HttpTypes.ErrorCode> finish(Optional<HttpTypes.Fields> trailers) {
            if (trailers.isPresent() && !trailers.get().entries().isEmpty()) {
                // the JDK's server writes no trailers: the response ends without them
                dropped = true;
                return Result.err(new HttpTypes.ErrorCode.InternalError(
                        Optional.of("response trailers are not supported by this host")));
            }
            try {
                sink.finish();
                return Result.ok();
            } catch (IOException e) {
                return Result.err(new HttpTypes.ErrorCode.ConnectionTerminated());
            }
        }

        /** Whether the component dropped this body without finishing it. */
        boolean dropped() {
            return dropped;
        }

        @Override
        public void close() {
            if (!sink.finishRequested()) dropped = true;
        }
    }
}
