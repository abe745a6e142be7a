package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code wit4j serve}: what it refuses before listening, and the JavaScript HTTP handler of
 * examples/wasi-apps served by the command in its own process, stopped by SIGTERM (as Ctrl-C stops
 * it) while a request is in flight, which is answered whole.
 */
class ServeCommandTest {

    private static final Path COMPONENTS =
            Path.of("..", "examples", "components").toAbsolutePath().normalize();

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {
            String.valueOf(code), out.toString(), err.toString().strip()
        };
    }

    @Test
    void aComponentWithoutHandlerIsRefused() {
        String[] r = run("serve", COMPONENTS.resolve("hello-command.wasm").toString(), "--no-cache");
        assertEquals("1", r[0]);
        assertTrue(
                r[2].startsWith(
                        "error: not an HTTP handler: the component exports no wasi:http/incoming-handler@0.2.x"),
                r[2]);
    }

    @Test
    void aBadAddressOrFileIsNamed() {
        String wasm = COMPONENTS.resolve("hello-command.wasm").toString();
        assertEquals(
                "error: --addr localhost: expected HOST:PORT, e.g. 127.0.0.1:8080",
                run("serve", wasm, "--addr", "localhost")[2]);
        assertEquals(
                "error: --addr 127.0.0.1:70000: the port must be a number from 0 to 65535",
                run("serve", wasm, "--addr", "127.0.0.1:70000")[2]);
        assertEquals("error: no such file: missing.wasm", run("serve", "missing.wasm")[2]);
    }

    @Test
    void servesUntilStoppedAndFinishesTheRequestInFlight() throws Exception {
        Path wasm = RunRealCommandsTest.build("http");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.wit4j.cli.Main",
                        "serve",
                        wasm.toString(),
                        "--addr",
                        "127.0.0.1:0",
                        "--cache-dir",
                        Path.of("target", "wit4j-cache").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            // compiling the component first takes a while; a server that never says where it listens fails
            String first = CompletableFuture.supplyAsync(() -> {
                        try {
                            return lines.readLine();
                        } catch (java.io.IOException e) {
                            return e.toString();
                        }
                    })
                    .get(10, TimeUnit.MINUTES);
            Matcher m = Pattern.compile("Serving HTTP on (http://127\\.0\\.0\\.1:\\d+/)")
                    .matcher(String.valueOf(first));
            assertTrue(m.matches(), first);
            URI base = URI.create(m.group(1));
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> echo = client.send(
                    HttpRequest.newBuilder(base.resolve("/hello?x=1"))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, echo.statusCode());
            assertTrue(
                    echo.body().startsWith("{\"method\":\"GET\",\"path\":\"/hello\",\"query\":\"?x=1\""), echo.body());
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                    HttpRequest.newBuilder(base.resolve("/slow?n=20")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200);
            server.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook stops the server
            HttpResponse<String> finished = slow.get(60, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode());
            assertEquals(20, finished.body().lines().count(), finished.body());
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server did not stop");
        } finally {
            server.destroyForcibly();
        }
    }
}
