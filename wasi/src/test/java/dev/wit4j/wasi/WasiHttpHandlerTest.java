package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP handler of examples/wasi-apps ({@code http.js}, built by {@code jco componentize} in
 * the test preparation) served by {@link WasiHttpServer} on 127.0.0.1: what it reads of requests,
 * how its responses go out (whole or streamed), traps, deadlines and outgoing requests, and that
 * other requests are served meanwhile. {@link JcoServeTest} compares the answers with {@code jco
 * serve}'s.
 */
class WasiHttpHandlerTest {

    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Engine engine;
    private static Component component;
    private static WasiHttpServer server;
    private static String base;

    /** The component, loaded and compiled once per test class (the code is cached in target/). */
    static Component component() {
        if (component == null) {
            Path wasm = WasiApps.build("http");
            engine = Engine.builder()
                    .executionMode(ExecutionMode.COMPILED)
                    .cacheDirectory(Path.of("target", "wit4j-cache").toAbsolutePath())
                    .build();
            component = engine.load(wasm);
            engine.precompile(component);
        }
        return component;
    }

    @BeforeAll
    static void start() throws IOException {
        Component c = component();
        WasiHttpHandler handler = WasiHttpHandler.builder(c.engine(), c).build();
        server = WasiHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler, 4);
        base = "http://127.0.0.1:" + server.address().getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close(Duration.ofSeconds(5));
    }

    static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The response's headers (lower-case names) but those that frame the message or name the server. */
    static Map<String, List<String>> headers(HttpResponse<?> r) {
        Map<String, List<String>> out = new TreeMap<>();
        r.headers().map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!List.of("date", "server", "connection", "keep-alive", "transfer-encoding", "content-length")
                    .contains(n)) {
                out.put(n, values);
            }
        });
        return out;
    }

    /** A megabyte of varied bytes, and their sum as the handler computes it. */
    static final byte[] MEBIBYTE = new byte[1 << 20];

    static final long MEBIBYTE_SUM;

    static {
        new Random(7).nextBytes(MEBIBYTE);
        long sum = 0;
        for (byte b : MEBIBYTE) sum = (sum + (b & 0xFF)) & 0xFFFF_FFFFL;
        MEBIBYTE_SUM = sum;
    }

    @Test
    void theRequestIsReadAsSentRepeatedHeadersIncluded() throws Exception {
        HttpResponse<String> r = get(base + "/echo/path?q=1&r=two", "x-a", "1", "x-a", "2", "x-b", "b");
        assertEquals(200, r.statusCode());
        assertEquals(
                "{\"method\":\"GET\",\"path\":\"/echo/path\",\"query\":\"?q=1&r=two\",\"headers\":{"
                        + "\"content-length\":\"0\",\"user-agent\":\"Java-http-client/"
                        + System.getProperty("java.version")
                        + "\",\"x-a\":\"1, 2\",\"x-b\":\"b\"},\"bodyLength\":0,\"bodySum\":0}",
                r.body());
        assertEquals(
                Map.of(
                        "content-type",
                        List.of("application/json"),
                        "set-cookie",
                        List.of("a=1"),
                        "x-echo",
                        List.of("yes")),
                headers(r));
        assertEquals(List.of(String.valueOf(r.body().length())), r.headers().allValues("content-length"));
    }

    @Test
    void aMebibyteBodyIsReadWhole() throws Exception {
        HttpResponse<String> r = post(base + "/upload", MEBIBYTE);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"bodyLength\":1048576,\"bodySum\":" + MEBIBYTE_SUM), r.body());
    }

    @Test
    void aBodyWrittenAtOnceGoesOutWithItsLengthAndASlowOneInChunks() throws Exception {
        // "at once" is within 20 ms: the first run of this path in the JVM may take longer on a busy
        // machine, and its body then goes out in chunks (as it should), so the path is run once first
        assertEquals(200, get(base + "/chunks?n=4").statusCode());
        HttpResponse<String> whole = get(base + "/chunks?n=4");
        assertEquals("chunk 0\nchunk 1\nchunk 2\nchunk 3\n", whole.body());
        assertEquals(List.of("32"), whole.headers().allValues("content-length"));
        assertEquals(List.of("4"), whole.headers().allValues("x-chunks"));
        // a line every 30 ms: the status line and the first lines arrive before the last is written
        try (Socket s =
                new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /slow?n=10 HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked"), response);
            for (int i = 0; i < 10; i++) assertTrue(response.contains("chunk " + i + "\n"), response);
        }
    }

    @Test
    void aTrapAnswers500AndTheNextRequestIsServed() throws Exception {
        HttpResponse<String> trapped = get(base + "/trap");
        assertEquals(500, trapped.statusCode());
        assertEquals("", trapped.body());
        assertEquals(200, get(base + "/after-trap").statusCode());
    }

    @Test
    void aRequestPastTheDeadlineIsStoppedWith503WhileOthersAreServed() throws Exception {
        WasiHttpHandler handler = WasiHttpHandler.builder(engine, component)
                .deadline(Duration.ofSeconds(1))
                .build();
        try (WasiHttpServer limited =
                WasiHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler, 4)) {
            String url = "http://127.0.0.1:" + limited.address().getPort();
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> spin = CLIENT.sendAsync(
                    HttpRequest.newBuilder(URI.create(url + "/spin")).build(), HttpResponse.BodyHandlers.ofString());
            for (int i = 0; i < 5; i++) {
                assertEquals(200, get(url + "/meanwhile-" + i).statusCode());
            }
            HttpResponse<String> stopped = spin.get();
            assertEquals(503, stopped.statusCode());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 1000 && millis < 30_000, "answered after " + millis + " ms");
            assertEquals(1, handler.failed());
            assertEquals(6, handler.served());
        }
    }

    @Test
    void aReusedInstanceServesTheNextRequestOfItsThreadAndAFailedOneIsDiscarded() throws Exception {
        WasiHttpHandler handler =
                WasiHttpHandler.builder(engine, component).reuseInstances(true).build();
        try (WasiHttpServer one =
                WasiHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler, 1)) {
            String url = "http://127.0.0.1:" + one.address().getPort();
            assertEquals(200, get(url + "/first").statusCode());
            // StarlingMonkey answers its fetch event once per instance: the kept instance fails
            assertEquals(500, get(url + "/second").statusCode());
            // and is discarded: the next request has a fresh one
            assertEquals(200, get(url + "/third").statusCode());
            assertEquals(1, handler.failed());
        }
    }

    @Test
    void anOutgoingRequestGoesOutOnlyWhenGranted() throws Exception {
        HttpServer pong = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pong.createContext("/", exchange -> {
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        pong.start();
        String target = "http://127.0.0.1:" + pong.getAddress().getPort() + "/ping";
        try {
            HttpResponse<String> denied = get(base + "/fetch?url=" + target);
            assertEquals(502, denied.statusCode(), denied.body());
            WasiHttpHandler granted = WasiHttpHandler.builder(engine, component)
                    .wasi(WasiContext.builder()
                            .allowHttp(uri -> uri.getHost().equals("127.0.0.1"))
                            .build())
                    .build();
            try (WasiHttpServer other =
                    WasiHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), granted, 2)) {
                HttpResponse<String> fetched =
                        get("http://127.0.0.1:" + other.address().getPort() + "/fetch?url=" + target);
                assertEquals(200, fetched.statusCode(), fetched.body());
                assertEquals("{\"status\":200,\"body\":\"pong\"}", fetched.body());
            }
        } finally {
            pong.stop(0);
        }
    }

    @Test
    void closingLetsTheRequestsInFlightFinish() throws Exception {
        WasiHttpHandler handler = WasiHttpHandler.builder(engine, component).build();
        WasiHttpServer other =
                WasiHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), handler, 2);
        CompletableFuture<HttpResponse<String>> slow = CLIENT.sendAsync(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + other.address().getPort() + "/slow?n=20"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200); // the request is in flight: its instance is writing lines
        other.close(Duration.ofSeconds(20));
        HttpResponse<String> r = slow.get();
        assertEquals(200, r.statusCode());
        List<String> lines = new ArrayList<>(r.body().lines().toList());
        assertEquals(20, lines.size(), r.body());
        assertEquals(1, handler.served());
        assertEquals(0, handler.failed());
    }
}
