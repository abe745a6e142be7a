package dev.wit4j.cli;

import static dev.wit4j.cli.ValidateCommandTest.wit4j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wit4j compose}: a WASI command (built by {@code jco new --wasi-command}, the preview1
 * adapter nested inside) plugged into a component that forwards {@code wasi:cli/run}; the
 * composition imports the command's WASI interfaces again, resources across interfaces included,
 * and runs as the command does.
 */
class ComposeCommandTest {

    private static final Path COMPONENTS = Paths.get("..", "examples", "components");

    @TempDir
    Path dir;

    @Test
    void aComposedCommandRunsAsTheCommand() {
        Path out = dir.resolve("composed.wasm");
        ValidateCommandTest.Outcome composed = wit4j(
                "compose",
                COMPONENTS.resolve("run-forwarder.wasm").toString(),
                "--plug",
                COMPONENTS.resolve("hello-command.wasm").toString(),
                "-o",
                out.toString());
        assertEquals(0, composed.exitCode(), composed.err());
        assertEquals(out.toString(), composed.out().strip());

        assertEquals("valid", wit4j("validate", out.toString()).out().strip());
        ValidateCommandTest.Outcome original =
                wit4j("run", COMPONENTS.resolve("hello-command.wasm").toString());
        ValidateCommandTest.Outcome run = wit4j("run", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(original.out(), run.out());
        assertEquals("hello from a wasi command", run.out().strip());

        // the command's imports, declared again, read the same
        String before = wit4j(
                        "inspect", COMPONENTS.resolve("hello-command.wasm").toString())
                .out();
        String after = wit4j("inspect", out.toString()).out();
        assertEquals(
                before.substring(0, before.indexOf("exports (")).replaceAll("reaches: .*", ""),
                after.substring(0, after.indexOf("exports (")).replaceAll("reaches: .*", ""));
    }

    @Test
    void aPlugThatFillsNothingIsOneLine() {
        ValidateCommandTest.Outcome outcome = wit4j(
                "compose",
                COMPONENTS.resolve("calc.wasm").toString(),
                "--plug",
                COMPONENTS.resolve("calc.wasm").toString(),
                "-o",
                dir.resolve("x.wasm").toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("error: no plug exports anything the socket imports"), outcome.err());
    }
}
