package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RunCommandTest {
    private static final Path HELLO = Paths.get("..", "examples", "components", "hello-command.wasm");
    private static final Path ECHO = Paths.get("..", "examples", "components", "echo-args.wasm");
    private static final Path JCO = Paths.get("..", "tools", "wasm", "node_modules", ".bin", "jco");
    private static final Path CALC = Paths.get("..", "examples", "components", "calc.wasm");

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertOneLineError(Outcome o, String prefix) {
        assertEquals(1, o.code(), o.toString());
        assertTrue(o.err().startsWith(prefix), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    void runsAWasiCommandWithItsOutputOnStdout() {
        Outcome o = run("run", HELLO.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("hello from a wasi command", o.out().strip());
    }

    @Test
    void optionsAfterTheFileBelongToTheComponent() {
        Outcome o = run("run", "--env", "A=1", "--dir-ro", ".::/here", HELLO.toString(), "--not-ours", "x");
        assertEquals(0, o.code(), o.err());
        assertEquals("hello from a wasi command", o.out().strip());
    }

    @Test
    void networkAndHttpGrantsAreOptions() {
        Outcome o = run("run", "--allow-http", "--allow-loopback-network", HELLO.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("hello from a wasi command", o.out().strip());
        assertEquals(0, run("run", "--allow-network", HELLO.toString()).code());
    }

    @Test
    void aMissingFileIsOneLine() {
        assertOneLineError(run("run", "no-such.wasm"), "error: no such file");
    }

    @Test
    void aComponentWithoutRunIsOneLine() {
        assertOneLineError(run("run", CALC.toString()), "error: not a WASI command");
    }

    @Test
    void badGrantsAreOneLine() {
        assertOneLineError(run("run", "--env", "=1", HELLO.toString()), "error: --env wants KEY=VALUE or NAME");
        assertOneLineError(run("run", "--dir", "no-such-dir", HELLO.toString()), "error: not a directory");
    }

    @Test
    void limitOptions() {
        Outcome o = run(
                "run",
                "--max-memory",
                "64MiB",
                "--timeout",
                "30s",
                "--max-handles",
                "100",
                "--max-instances",
                "50",
                "--max-table-elements",
                "1000",
                HELLO.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("hello from a wasi command", o.out().strip());
        assertOneLineError(run("run", "--max-memory", "lots", HELLO.toString()), "error: --max-memory wants a size");
        assertOneLineError(
                run("run", "--timeout", "0s", HELLO.toString()), "error: --timeout wants a positive duration");
        // the command's instances need more than one
        assertOneLineError(run("run", "--max-instances", "1", HELLO.toString()), "trap: resource exhausted: creating");
    }

    @Test
    void argumentsReachTheGuestWithTheFileAsArgumentZeroAndNoEnvironment() {
        Outcome o = run("run", ECHO.toString(), "a", "b");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of(ECHO.toString(), "a", "b"), o.out().lines().toList());
    }

    @Test
    void environmentReachesTheGuestOnlyWhenGiven() {
        Outcome o = run("run", "--env", "K=V", "--env", "E=", ECHO.toString(), "a");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of(ECHO.toString(), "a", "K=V", "E="), o.out().lines().toList());
    }

    @Test
    void anEnvironmentVariableNamedAlonePassesThisProcesssValue() {
        String path = System.getenv("PATH");
        Assumptions.assumeTrue(path != null, "PATH is not set");
        Outcome o = run("run", "--env", "PATH", "--env", "WIT4J_SURELY_NOT_SET_HERE", ECHO.toString(), "a");
        assertEquals(0, o.code(), o.err());
        assertEquals(
                List.of(ECHO.toString(), "a", "PATH=" + path), o.out().lines().toList());
    }

    @Test
    void theGuestsExitCodeBecomesOurs() {
        // The guest calls proc_exit(3); the preview1 adapter jco ships turns any non-zero code into
        // wasi:cli/exit exit(err) (it has no exit-with-code), which is exit code 1 in every host.
        Outcome o = run("run", ECHO.toString(), "--fail");
        assertEquals(1, o.code(), o.toString());
        assertEquals(List.of(ECHO.toString(), "--fail"), o.out().lines().toList());
        assertEquals("", o.err());
    }

    @Test
    void jcoRunPrintsTheSame() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(JCO), "jco not installed at " + JCO + " (tools/wasm/install.sh)");
        String path = System.getenv().getOrDefault("PATH", "");
        ProcessBuilder pb = new ProcessBuilder(JCO.toString(), "run", ECHO.toString(), "a", "--fail")
                .redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().put("PATH", path);
        pb.environment().put("K", "V");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("cannot start jco (is node on PATH?): " + e.getMessage());
            return;
        }
        p.getOutputStream().close();
        String jcoOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jco run timed out");
        Assumptions.assumeTrue(!jcoOut.isEmpty() || p.exitValue() != 127, "node not found for jco");
        Outcome o = run("run", "--env", "PATH=" + path, "--env", "K=V", ECHO.toString(), "a", "--fail");
        List<String> theirs = jcoOut.lines().toList();
        List<String> ours = o.out().lines().toList();
        assertEquals(p.exitValue(), o.code(), jcoOut + " vs " + o);
        assertEquals(ours.size(), theirs.size(), jcoOut + " vs " + o);
        // jco passes the file's base name without .wasm as argument 0; the rest must match, the
        // environment in any order (jco's comes from a process environment map).
        assertEquals("echo-args", theirs.get(0));
        assertEquals(ours.subList(1, 3), theirs.subList(1, 3));
        assertEquals(new HashSet<>(ours.subList(3, ours.size())), new HashSet<>(theirs.subList(3, theirs.size())));
    }
}
