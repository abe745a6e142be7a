package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTest {
    private HttpServer server;
    private final AtomicReference<String> seen = new AtomicReference<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " x-test="
                    + exchange.getRequestHeaders().getFirst("x-test") + " body="
                    + new String(body, StandardCharsets.UTF_8));
            byte[] reply = ("reply to " + exchange.getRequestMethod()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Answer", "42");
            exchange.sendResponseHeaders(201, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String authority() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private HttpTypes.OutgoingRequest request(Http http, HttpTypes.Method method, String path) {
        HttpTypes.Fields headers = http.newFields();
        assertTrue(
                headers.append("x-test", "yes".getBytes(StandardCharsets.UTF_8)).isOk());
        HttpTypes.OutgoingRequest req = http.newOutgoingRequest(headers);
        assertTrue(req.setMethod(method).isOk());
        assertTrue(req.setScheme(Optional.of(new HttpTypes.Scheme.Http())).isOk());
        assertTrue(req.setAuthority(Optional.of(authority())).isOk());
        assertTrue(req.setPathWithQuery(Optional.of(path)).isOk());
        return req;
    }

    private static HttpTypes.IncomingResponse await(HttpTypes.FutureIncomingResponse future) {
        new Pollables().poll(List.of(future.subscribe()));
        Result<HttpTypes.IncomingResponse, HttpTypes.ErrorCode> r =
                future.get().orElseThrow().okValue().orElseThrow();
        assertFalse(future.get().orElseThrow().isOk(), "a response can be taken once");
        return r.okValue().orElseThrow(() -> new AssertionError(r));
    }

    private static String body(HttpTypes.IncomingResponse response) {
        HttpTypes.IncomingBody body = response.consume().okValue().orElseThrow();
        assertFalse(response.consume().isOk(), "a body can be consumed once");
        Streams.InputStream in = body.stream().okValue().orElseThrow();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (true) {
            Result<byte[], Streams.StreamError> chunk = in.blockingRead(1024);
            if (!chunk.isOk()) {
                assertInstanceOf(
                        Streams.StreamError.Closed.class, chunk.errValue().orElseThrow());
                break;
            }
            bytes.writeBytes(chunk.okValue().orElseThrow());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void requestsAreDeniedUnlessGranted() {
        Http http = new Http(uri -> false, HttpOutgoing.Body.DEFAULT_MAX_BYTES);
        Result<HttpTypes.FutureIncomingResponse, HttpTypes.ErrorCode> r =
                http.handle(request(http, new HttpTypes.Method.Get(), "/"), Optional.empty());
        assertEquals(Result.err(new HttpTypes.ErrorCode.HttpRequestDenied()), r);
        assertEquals(null, seen.get(), "a denied request reached the server");
    }

    @Test
    void aGrantedGetReachesTheServerAndItsResponseComesBack() {
        Http http = new Http(uri -> uri.getHost().equals("127.0.0.1"), HttpOutgoing.Body.DEFAULT_MAX_BYTES);
        HttpTypes.IncomingResponse response =
                await(http.handle(request(http, new HttpTypes.Method.Get(), "/a?b=c"), Optional.empty())
                        .okValue()
                        .orElseThrow());
        assertEquals(201, response.status());
        assertArrayEquals(
                "42".getBytes(StandardCharsets.UTF_8),
                response.headers().get("x-answer").get(0));
        assertEquals(
                HttpTypes.HeaderError.Immutable.class,
                response.headers()
                        .set("x-answer", List.of())
                        .errValue()
                        .orElseThrow()
                        .getClass());
        assertEquals("reply to GET", body(response));
        assertEquals("GET /a?b=c x-test=yes body=", seen.get());
    }

    @Test
    void aPostSendsItsBodyOnceFinished() {
        Http http = new Http(uri -> true, HttpOutgoing.Body.DEFAULT_MAX_BYTES);
        HttpTypes.OutgoingRequest req = request(http, new HttpTypes.Method.Post(), "/post");
        HttpTypes.OutgoingBody body = req.body().okValue().orElseThrow();
        assertFalse(req.body().isOk(), "the body can be taken once");
        HttpTypes.FutureIncomingResponse future =
                http.handle(req, Optional.empty()).okValue().orElseThrow();
        assertTrue(future.get().isEmpty(), "no response before the body is finished");
        Streams.OutputStream out = body.write().okValue().orElseThrow();
        assertTrue(out.blockingWriteAndFlush("payload".getBytes(StandardCharsets.UTF_8))
                .isOk());
        assertTrue(http.outgoingBodyFinish(body, Optional.empty()).isOk());
        assertEquals("reply to POST", body(await(future)));
        assertEquals("POST /post x-test=yes body=payload", seen.get());
    }

    @Test
    void aBodyPastTheLimitFailsItsStreamInsteadOfGrowingTheHost() {
        Http http = new Http(uri -> true, 10);
        HttpTypes.OutgoingRequest req = request(http, new HttpTypes.Method.Post(), "/post");
        HttpTypes.OutgoingBody body = req.body().okValue().orElseThrow();
        Streams.OutputStream out = body.write().okValue().orElseThrow();
        assertTrue(out.write("0123456789".getBytes(StandardCharsets.UTF_8)).isOk(), "up to the limit");
        Streams.StreamError error =
                out.write("x".getBytes(StandardCharsets.UTF_8)).errValue().orElseThrow();
        assertInstanceOf(Streams.StreamError.LastOperationFailed.class, error);
        assertInstanceOf(
                Streams.StreamError.Closed.class,
                out.write(new byte[1]).errValue().orElseThrow());
    }

    @Test
    void failuresBecomeErrorCodes() throws IOException {
        Http http = new Http(uri -> true, HttpOutgoing.Body.DEFAULT_MAX_BYTES);
        HttpTypes.OutgoingRequest noAuthority = http.newOutgoingRequest(http.newFields());
        assertEquals(
                Result.err(new HttpTypes.ErrorCode.HttpRequestUriInvalid()),
                http.handle(noAuthority, Optional.empty()));

        server.stop(0); // nothing listens there any more
        HttpTypes.FutureIncomingResponse refused = http.handle(
                        request(http, new HttpTypes.Method.Get(), "/"), Optional.empty())
                .okValue()
                .orElseThrow();
        new Pollables().poll(List.of(refused.subscribe()));
        assertEquals(
                Result.err(new HttpTypes.ErrorCode.ConnectionRefused()),
                refused.get().orElseThrow().okValue().orElseThrow());

        HttpTypes.OutgoingRequest dropped = request(http, new HttpTypes.Method.Post(), "/");
        HttpOutgoing.Body body = (HttpOutgoing.Body) dropped.body().okValue().orElseThrow();
        HttpTypes.FutureIncomingResponse abandoned =
                http.handle(dropped, Optional.empty()).okValue().orElseThrow();
        body.close(); // the guest drops the body without finishing it
        new Pollables().poll(List.of(abandoned.subscribe()));
        assertInstanceOf(
                HttpTypes.ErrorCode.InternalError.class,
                abandoned.get().orElseThrow().okValue().orElseThrow().errValue().orElseThrow());
    }

    @Test
    void fieldsCheckNamesAndValues() {
        Http http = new Http(uri -> false, HttpOutgoing.Body.DEFAULT_MAX_BYTES);
        HttpTypes.Fields f = http.newFields();
        assertEquals(Result.err(new HttpTypes.HeaderError.InvalidSyntax()), f.append("bad name", new byte[0]));
        assertEquals(
                Result.err(new HttpTypes.HeaderError.InvalidSyntax()),
                f.append("x", "a\r\nb".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                Result.err(new HttpTypes.HeaderError.Forbidden()),
                f.append("Host", "evil".getBytes(StandardCharsets.UTF_8)));
        assertTrue(f.append("Accept", "a".getBytes(StandardCharsets.UTF_8)).isOk());
        assertTrue(f.append("accept", "b".getBytes(StandardCharsets.UTF_8)).isOk());
        assertEquals(2, f.get("ACCEPT").size());
        assertTrue(
                f.set("accept", List.of("c".getBytes(StandardCharsets.UTF_8))).isOk());
        assertEquals(List.of("accept"), f.entries().stream().map(Tuple2::first).toList());
        HttpTypes.Fields copy = f.clone_();
        assertTrue(f.delete("accept").isOk());
        assertFalse(f.has("accept"));
        assertTrue(copy.has("Accept"));
        assertFalse(
                http.fieldsFromList(List.of(new Tuple2<>("te", new byte[0]))).isOk());
        HttpTypes.OutgoingRequest req = http.newOutgoingRequest(copy);
        assertEquals(
                Result.err(new HttpTypes.HeaderError.Immutable()), req.headers().delete("accept"));
        assertFalse(req.setMethod(new HttpTypes.Method.Other("NOT A TOKEN")).isOk());
        assertFalse(
                http.newRequestOptions().setBetweenBytesTimeout(Optional.of(1L)).isOk());
    }
}
