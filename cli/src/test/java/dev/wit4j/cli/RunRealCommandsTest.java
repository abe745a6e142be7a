package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JavaScript (jco componentize) and C (clang + wasi-libc + jco's preview1 adapter) commands of
 * examples/wasi-apps, built in the test preparation, run by {@code wit4j run} and by {@code jco run}
 * (node) with the same grants: both hosts must print the same lines and exit with the same code.
 */
class RunRealCommandsTest {
    private static final Path APPS =
            Path.of("..", "examples", "wasi-apps").toAbsolutePath().normalize();
    private static final Path TOOLS =
            Path.of("..", "tools", "wasm").toAbsolutePath().normalize();

    @TempDir
    static Path box;

    private static Path data;

    private record Outcome(int code, List<String> out) {}

    @BeforeAll
    static void files() throws IOException {
        data = Files.createDirectories(box.resolve("data"));
        Files.createDirectories(data.resolve("sub"));
        Files.writeString(data.resolve("input.txt"), "the contents\n");
        Files.writeString(box.resolve("outside.txt"), "SECRET OUTSIDE\n");
        Files.createSymbolicLink(data.resolve("link-out"), Path.of("..", "outside.txt"));
        Files.createSymbolicLink(data.resolve("dir-out"), Path.of(".."));
    }

    /** Builds examples/wasi-apps' {@code target} component, or skips with the reason. */
    static Path build(String target) throws IOException, InterruptedException {
        Path out = APPS.resolve("target");
        Process p = new ProcessBuilder("bash", APPS.resolve("build.sh").toString(), out.toString(), target)
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "build timed out");
        // build.sh exits 3 when a toolchain is missing (a skip, with its reason); any other failure is a
        // broken build and fails the test.
        Assumptions.assumeTrue(p.exitValue() != 3, () -> "cannot build the " + target + " component: " + log.strip());
        if (p.exitValue() != 0) {
            throw new AssertionError(
                    "building the " + target + " component failed (exit " + p.exitValue() + "):\n" + log.strip());
        }
        return out.resolve("app-" + target + ".wasm");
    }

    private static Outcome wit4j(Path component, String dirOption, Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of("run", dirOption, data + "::/data"));
        env.forEach((k, v) -> argv.addAll(List.of("--env", k + "=" + v)));
        argv.add(component.toString());
        argv.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(argv.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals("", err.toString(), "stderr of wit4j run");
        return new Outcome(code, out.toString().lines().toList());
    }

    /** The same run under {@code jco run}: the environment holds only PATH and {@code env}, /data preopened. */
    private static Outcome jco(Path component, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path jco = TOOLS.resolve("node_modules/.bin/jco");
        Assumptions.assumeTrue(Files.isExecutable(jco), "jco not installed at " + jco + " (tools/wasm/install.sh)");
        List<String> command = new ArrayList<>(List.of(
                jco.toString(),
                "run",
                "--jco-import",
                TOOLS.resolve("jco-run-preopens.mjs").toString(),
                component.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", ""));
        pb.environment().put("WIT4J_JCO_PREOPENS", data + "::/data");
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("cannot start jco (is node on PATH?): " + e.getMessage());
            return null;
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jco run timed out");
        return new Outcome(p.exitValue(), out.lines().toList());
    }

    /** Every path under {@code dir} with its contents (directories and links as markers). */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String key = dir.relativize(p).toString();
                files.put(
                        key,
                        Files.isSymbolicLink(p)
                                ? "-> " + Files.readSymbolicLink(p)
                                : Files.isDirectory(p)
                                        ? "dir"
                                        : Files.readString(p) + " @" + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    /**
     * A long step says what it does and how long it took, on a terminal only: under {@code script}
     * (a pseudo-terminal) {@code wit} of the 13.9 MB command prints its phase lines (announced at
     * once here: reading it takes less than the usual delay), with {@code
     * --quiet} or with its output piped it prints only the WIT.
     */
    @Test
    void longStepsShowProgressOnATerminalOnly() throws IOException, InterruptedException {
        Path js = build("js");
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "no `script` (util-linux) to give the command a terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = java + " -Dwit4j.progress.delayMillis=0 -cp " + System.getProperty("java.class.path")
                + " dev.wit4j.cli.Main wit " + js;
        String onTerminal = output(script.toString(), "-qec", command, "/dev/null");
        assertTrue(
                onTerminal.contains("wit4j: reading " + js + " (13.") && onTerminal.contains("MB): done in "),
                onTerminal);
        assertTrue(onTerminal.contains("world root {"), onTerminal);
        String quiet = output(script.toString(), "-qec", command + " --quiet", "/dev/null");
        assertTrue(!quiet.contains("wit4j:") && quiet.contains("world root {"), quiet);
        String piped = output("bash", "-c", command + " 2>&1 | cat");
        assertTrue(!piped.contains("wit4j:") && piped.contains("world root {"), piped);
    }

    private static String output(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return out;
    }

    @Test
    void theJavaScriptCommandRunsAndMatchesJcoRun() throws IOException, InterruptedException {
        Path js = build("js");
        Map<String, String> env = Map.of("GREETING", "hi", "EXIT_CODE", "5");
        Outcome ours = wit4j(js, "--dir-ro", env, "x", "y");
        assertEquals(
                new Outcome(
                        5,
                        List.of(
                                "hello from javascript",
                                "GREETING=hi",
                                "args: x y",
                                "preopens: /data",
                                "input.txt: the contents",
                                "../outside.txt: not-permitted")),
                ours);
        assertEquals(jco(js, env, "x", "y"), ours);
    }

    @Test
    void theJavaScriptCommandsFetchMatchesJcoRun() throws IOException, InterruptedException {
        Path js = build("js");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "served over http".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Map<String, String> env = Map.of(
                    "FETCH_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/");
            List<String> argv = new ArrayList<>(List.of(
                    "run",
                    "--allow-http",
                    "--dir-ro",
                    data + "::/data",
                    "--env",
                    "FETCH_URL=" + env.get("FETCH_URL"),
                    js.toString()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(argv.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
            Outcome ours = new Outcome(code, out.toString().lines().toList());
            assertEquals(
                    "fetch: 200 served over http", ours.out().get(ours.out().size() - 1), ours + " " + err);
            assertEquals(jco(js, env), ours);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theCCommandRunsAndMatchesJcoRun() throws IOException, InterruptedException {
        Path c = build("c");
        Map<String, String> env = Map.of("GREETING", "hi");
        // Read-write, so that the attempts to write outside meet the confinement, not the read-only grant.
        Map<String, String> before = snapshot(box);
        Outcome ours = wit4j(c, "--dir", env, "a");
        assertEquals(0, ours.code());
        assertEquals(
                List.of(
                        "hello from c",
                        "GREETING=hi",
                        "args: a",
                        "input.txt: the contents",
                        "read ../outside.txt: errno 63 (Operation not permitted)"),
                ours.out().subList(0, 5));
        assertTrue(
                ours.out().stream()
                        .allMatch(l -> !l.contains("outside") && !l.contains("created") || l.contains("errno 63")),
                ours.out().toString());
        assertEquals(
                "mkdir ../made-dir: errno 63 (Operation not permitted)",
                ours.out().get(ours.out().size() - 1));
        assertEquals(before, snapshot(box), "something outside /data changed");
        assertEquals(jco(c, env, "a"), ours);
        // A non-zero status: jco's preview1 adapter reports every one as exit(err), 1 in both hosts.
        Outcome failing = wit4j(c, "--dir", Map.of("EXIT_CODE", "4"));
        assertEquals(1, failing.code());
        assertEquals(jco(c, Map.of("EXIT_CODE", "4")), failing);
    }
}
