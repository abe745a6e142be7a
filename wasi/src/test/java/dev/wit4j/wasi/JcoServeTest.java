package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.Component;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same requests to the HTTP handler of examples/wasi-apps served by wit4j and by {@code jco
 * serve} (an instance per request, as wit4j serves): the same status, headers (but those that frame
 * the message or name the server) and body.
 */
class JcoServeTest {

    private static final Path TOOLS =
            Path.of("..", "tools", "wasm").toAbsolutePath().normalize();

    private static WasiHttpServer wit4j;
    private static Process jco;
    private static String ours;
    private static String theirs;

    @BeforeAll
    static void start() throws Exception {
        Component component = WasiHttpHandlerTest.component();
        wit4j = WasiHttpServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                WasiHttpHandler.builder(component.engine(), component).build(),
                2);
        ours = "http://127.0.0.1:" + wit4j.address().getPort();
        Path bin = TOOLS.resolve("node_modules/.bin/jco");
        Assumptions.assumeTrue(Files.isExecutable(bin), "jco not installed at " + bin + " (tools/wasm/install.sh)");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(
                        bin.toString(),
                        "serve",
                        WasiApps.build("http").toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(port),
                        "--isolate-requests",
                        "instance")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "jco-serve.log").toFile());
        // jco's WASI shim starts without file access; transpiling the component needs it
        pb.environment().put("NODE_OPTIONS", "--import " + TOOLS.resolve("preopen-root.mjs"));
        jco = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(Path.of("target", "jco-serve.log"), StandardCharsets.UTF_8)
                .contains("Server listening")) {
            Assumptions.assumeTrue(
                    jco.isAlive() && System.nanoTime() < deadline, () -> "jco serve did not start: " + log());
            Thread.sleep(200);
        }
        theirs = "http://127.0.0.1:" + port;
    }

    private static String log() {
        try {
            return Files.readString(Path.of("target", "jco-serve.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (wit4j != null) wit4j.close(Duration.ofSeconds(5));
        if (jco != null) {
            jco.destroy();
            jco.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void same(HttpResponse<String> a, HttpResponse<String> b) {
        assertEquals(b.statusCode(), a.statusCode(), "status");
        assertEquals(WasiHttpHandlerTest.headers(b), WasiHttpHandlerTest.headers(a), "headers");
        assertEquals(b.body(), a.body(), "body");
    }

    @Test
    void aGetWithRepeatedHeaders() throws Exception {
        String[] headers = {"x-a", "1", "x-a", "2", "accept", "text/plain"};
        same(
                WasiHttpHandlerTest.get(ours + "/echo/path?q=1&r=%20two", headers),
                WasiHttpHandlerTest.get(theirs + "/echo/path?q=1&r=%20two", headers));
    }

    @Test
    void aPostOfAMebibyte() throws Exception {
        same(
                WasiHttpHandlerTest.post(ours + "/upload", WasiHttpHandlerTest.MEBIBYTE),
                WasiHttpHandlerTest.post(theirs + "/upload", WasiHttpHandlerTest.MEBIBYTE));
    }

    @Test
    void aBodyInChunks() throws Exception {
        for (String path : List.of("/chunks?n=7", "/slow?n=3")) {
            same(WasiHttpHandlerTest.get(ours + path), WasiHttpHandlerTest.get(theirs + path));
        }
    }

    @Test
    void aTrappingRoute() throws Exception {
        HttpResponse<String> r = WasiHttpHandlerTest.get(ours + "/trap");
        same(r, WasiHttpHandlerTest.get(theirs + "/trap"));
        assertEquals(Map.of(), WasiHttpHandlerTest.headers(r));
    }
}
