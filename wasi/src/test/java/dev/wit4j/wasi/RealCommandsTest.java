package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components built by real toolchains in the test preparation (examples/wasi-apps/build.sh), run
 * through the Java API: a JavaScript command from {@code jco componentize} (which also imports
 * wasi:http) and a C command from clang + wasi-libc wrapped by jco's preview1 adapter.
 */
class RealCommandsTest {
    private static final Engine ENGINE =
            Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();

    @TempDir
    static Path box;

    private static Path data;
    private static Path outside;

    private record Run(int code, List<String> out) {}

    @BeforeAll
    static void files() throws IOException {
        data = Files.createDirectories(box.resolve("data"));
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("input.txt"), "the contents\n");
        outside = Files.writeString(box.resolve("outside.txt"), "SECRET OUTSIDE\n");
        Files.setLastModifiedTime(outside, FileTime.fromMillis(1_000_000_000_000L));
        Files.createSymbolicLink(data.resolve("link-out"), Path.of("..", "outside.txt"));
        Files.createSymbolicLink(data.resolve("dir-out"), Path.of(".."));
    }

    private static Run run(Component component, WasiContext.Builder context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = context.stdout(out).build().run(ENGINE, component);
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void theJavaScriptCommandSeesOnlyWhatIsGranted() {
        Component js = ENGINE.load(WasiApps.build("js"));
        Run granted = run(
                js,
                WasiContext.builder()
                        .args("app", "x", "y")
                        .env("GREETING", "hi")
                        .env("EXIT_CODE", "5")
                        .preopenedDir(data, "/data", true));
        assertEquals(
                new Run(
                        5,
                        List.of(
                                "hello from javascript",
                                "GREETING=hi",
                                "args: x y",
                                "preopens: /data",
                                "input.txt: the contents",
                                "../outside.txt: not-permitted")),
                granted);

        Run nothing = run(js, WasiContext.builder());
        assertEquals(
                new Run(2, List.of("hello from javascript", "GREETING=(unset)", "args: ", "preopens: ", "no /data")),
                nothing);
    }

    /**
     * Compiled, the JavaScript engine runs as JIT-compilable JVM code throughout: no function left
     * to the interpreter, no method over HotSpot's huge-method limit; and it behaves as interpreted.
     */
    @Test
    void theJavaScriptCommandRunsFullyCompiled() {
        Engine compiled = Engine.builder().executionMode(ExecutionMode.COMPILED).build();
        Component js = compiled.load(WasiApps.build("js"));
        List<dev.wit4j.runtime.CompileReport> reports = compiled.precompile(js);
        for (var report : reports) {
            assertTrue(report.fullyCompiled(), report.toString());
            assertTrue(report.largestMethodBytes() <= dev.wit4j.runtime.CompileReport.JIT_LIMIT, report.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = WasiContext.builder()
                .args("app", "x")
                .env("GREETING", "hi")
                .preopenedDir(data, "/data", true)
                .stdout(out)
                .build()
                .run(compiled, js);
        assertEquals(
                new Run(
                        0,
                        List.of(
                                "hello from javascript",
                                "GREETING=hi",
                                "args: x",
                                "preopens: /data",
                                "input.txt: the contents",
                                "../outside.txt: not-permitted")),
                new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList()));
        System.out.println("app-js.wasm compiled: " + reports);
    }

    @Test
    void theJavaScriptCommandFetchesOnlyWhenHttpIsGranted() throws IOException {
        Component js = ENGINE.load(WasiApps.build("js"));
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("served " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/page";
            Run denied = run(js, WasiContext.builder().env("FETCH_URL", url).preopenedDir(data, "/data", true));
            assertEquals(0, denied.code());
            assertTrue(denied.out().stream().anyMatch(l -> l.startsWith("fetch failed: ")), denied.toString());
            assertEquals(0, requests.get(), "a request went out without the grant");

            Run granted = run(
                    js,
                    WasiContext.builder()
                            .env("FETCH_URL", url)
                            .preopenedDir(data, "/data", true)
                            .allowHttp(uri -> uri.getHost().equals("127.0.0.1")));
            assertEquals(
                    new Run(
                            0,
                            List.of(
                                    "hello from javascript",
                                    "GREETING=(unset)",
                                    "args: ",
                                    "preopens: /data",
                                    "input.txt: the contents",
                                    "../outside.txt: not-permitted",
                                    "fetch: 200 served /page")),
                    granted);
            assertEquals(1, requests.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theCCommandCannotLeaveItsPreopen() throws IOException {
        Component c = ENGINE.load(WasiApps.build("c"));
        Map<String, String> before = snapshot(box);
        FileTime outsideModified = Files.getLastModifiedTime(outside);
        Run run = run(
                c, WasiContext.builder().args("app", "a").env("GREETING", "hi").preopenedDir(data, "/data", false));
        assertEquals(
                new Run(
                        0,
                        List.of(
                                "hello from c",
                                "GREETING=hi",
                                "args: a",
                                "input.txt: the contents",
                                // wasi-libc maps the host's not-permitted to EPERM (63)
                                "read ../outside.txt: errno 63 (Operation not permitted)",
                                "read sub/../../outside.txt: errno 63 (Operation not permitted)",
                                // an absolute path never reaches the host: wasi-libc refuses it with ENOTCAPABLE (76)
                                "read /etc/passwd: errno 76 (Capabilities insufficient)",
                                "read link-out: errno 63 (Operation not permitted)",
                                "read dir-out/outside.txt: errno 63 (Operation not permitted)",
                                "write link-out: errno 63 (Operation not permitted)",
                                "create ../created.txt: errno 63 (Operation not permitted)",
                                "create dir-out/created.txt: errno 63 (Operation not permitted)",
                                "mkdir ../made-dir: errno 63 (Operation not permitted)")),
                run);
        // Nothing outside was written: the same files with the same contents, the sentinel untouched.
        assertEquals(before, snapshot(box));
        assertEquals(outsideModified, Files.getLastModifiedTime(outside));
        assertFalse(
                run.out().stream().anyMatch(l -> l.contains("SECRET")), "the sentinel's contents reached the guest");
    }

    @Test
    void theCCommandsExitStatusReachesTheCaller() {
        Component c = ENGINE.load(WasiApps.build("c"));
        // exit(4): jco's preview1 adapter turns every non-zero status into wasi:cli/exit exit(err), which is 1.
        assertEquals(
                1,
                run(c, WasiContext.builder().env("EXIT_CODE", "4").preopenedDir(data, "/data", true))
                        .code());
        // Without /data no preopen covers the path: wasi-libc reports ENOTCAPABLE and the program returns 1.
        Run nothing = run(c, WasiContext.builder());
        assertEquals(1, nothing.code());
        assertEquals(
                "input.txt: errno 76 (Capabilities insufficient)",
                nothing.out().get(nothing.out().size() - 1));
    }

    /** Every path under {@code dir} with its contents (directories and links as markers). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    files.put(key, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p)) {
                    files.put(key, "dir");
                } else {
                    files.put(key, Files.readString(p));
                }
            }
        }
        return files;
    }
}
