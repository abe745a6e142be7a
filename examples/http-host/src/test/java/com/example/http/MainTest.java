package com.example.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theComponentAndTheJavaHandlerShareTheServer() throws Exception {
        Path apps = Path.of("..", "wasi-apps").toAbsolutePath().normalize();
        Process build = new ProcessBuilder(
                        "bash",
                        apps.resolve("build.sh").toString(),
                        apps.resolve("target").toString(),
                        "http")
                .redirectErrorStream(true)
                .start();
        build.getOutputStream().close();
        String log = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(build.waitFor(10, TimeUnit.MINUTES), "build timed out");
        // build.sh exits 3 when a toolchain is missing: a skip, with its reason
        Assumptions.assumeTrue(build.exitValue() != 3, () -> "cannot build the HTTP component: " + log);
        assertEquals(0, build.exitValue(), log);

        HttpServer server = Main.start(
                apps.resolve("target/app-http.wasm"), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("ok\n", health.body());
            HttpResponse<String> api = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/hello?x=1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, api.statusCode());
            assertTrue(
                    api.body().startsWith("{\"method\":\"GET\",\"path\":\"/api/hello\",\"query\":\"?x=1\""),
                    api.body());
        } finally {
            server.stop(0);
        }
    }
}
