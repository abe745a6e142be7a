package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class RunCommandTest {
    private static final Path HELLO = Paths.get("..", "examples", "components", "hello-command.wasm");
    private static final Path CALC = Paths.get("..", "examples", "components", "calc.wasm");

    private record Outcome(int code, String out, String err) {
    }

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
    void aMissingFileIsOneLine() {
        assertOneLineError(run("run", "no-such.wasm"), "error: no such file");
    }

    @Test
    void aComponentWithoutRunIsOneLine() {
        assertOneLineError(run("run", CALC.toString()), "error: not a WASI command");
    }

    @Test
    void badGrantsAreOneLine() {
        assertOneLineError(run("run", "--env", "NOEQUALS", HELLO.toString()), "error: --env wants KEY=VALUE");
        assertOneLineError(run("run", "--dir", "no-such-dir", HELLO.toString()), "error: not a directory");
    }
}
