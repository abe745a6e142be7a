package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.cli.ValidateCommandTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitCommandTest {

    @TempDir
    Path dir;

    private static Outcome wit4j(String... args) {
        return ValidateCommandTest.wit4j(args);
    }

    @Test
    void printsTheWorldOfAComponent() {
        Outcome outcome = wit4j(
                "wit", Paths.get("..", "examples", "components", "calc.wasm").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("""
                package root:component;

                world root {
                  export add: func(a: u32, b: u32) -> u32;
                  export greet: func(name: string) -> string;
                }
                """, outcome.out());
    }

    @Test
    void printsForeignPackagesWithTheirDefinitions() {
        Outcome outcome = wit4j(
                "wit",
                Paths.get("..", "examples", "components", "hello-command.wasm").toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(
                outcome.out().startsWith("package root:component;\n\nworld root {\n  import wasi:io/error@0.2.12;\n"),
                outcome.out());
        assertTrue(
                outcome.out().contains("}\npackage wasi:io@0.2.12 {\n  interface error {\n    resource error;\n  }\n"),
                outcome.out());
        assertTrue(outcome.out().contains("  interface run {\n    run: func() -> result;\n  }\n"), outcome.out());
    }

    @Test
    void printsAWitFileInTheWasmToolsLayout() throws IOException {
        Path file = write("a.wit", """
                package a:b@1.0.0;
                interface i { record r { x: u32 } f: func(r: r) -> list<r>; }
                world w { export i; }
                """);
        Outcome outcome = wit4j("wit", file.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("""
                package a:b@1.0.0;

                interface i {
                  record r {
                    x: u32,
                  }

                  f: func(r: r) -> list<r>;
                }

                world w {
                  export i;
                }
                """, outcome.out());
    }

    @Test
    void printsADirectoryWithItsDependencies() throws IOException {
        write("main.wit", "package my:app;\nworld app { import wasi:clocks/c@0.2.0; }\n");
        Files.createDirectories(dir.resolve("deps"));
        write("deps/clocks.wit", "package wasi:clocks@0.2.0;\ninterface c { now: func() -> u64; }\n");
        Outcome outcome = wit4j("wit", dir.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("""
                package my:app;

                world app {
                  import wasi:clocks/c@0.2.0;
                }
                package wasi:clocks@0.2.0 {
                  interface c {
                    now: func() -> u64;
                  }
                }
                """, outcome.out());
    }

    @Test
    void invalidWitNamesFileLineAndColumn() throws IOException {
        Path file = write("bad.wit", "package a:b;\ninterface i {\n  f: func() -> nope;\n}\n");
        Outcome outcome = wit4j("wit", file.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals("", outcome.out());
        String first = outcome.err().lines().findFirst().orElseThrow();
        assertEquals(file + ":3:16: name `nope` does not exist", first);
        assertTrue(outcome.err().contains("3 |   f: func() -> nope;"), outcome.err());
        assertNoStackTrace(outcome);
    }

    @Test
    void everyWitErrorIsPrintedInSourceOrderWithTheirCount() throws IOException {
        Path file = write("three.wit", """
                package a:b;
                interface i {
                  record r { a: u32 b: u32 }
                  f: func(x: nope) -> r;
                  g: func()
                }
                """);
        Outcome outcome = wit4j("wit", file.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals("", outcome.out());
        assertEquals(
                java.util.List.of(
                        file + ":3:20: expected ',' or '}' after field `a`, found identifier `b`",
                        file + ":5:12: expected ';', found '}'",
                        "2 errors"),
                messageLines(outcome));
        assertTrue(
                outcome.err().contains("3 |   record r { a: u32 b: u32 }\n  |                    ^\n"), outcome.err());
        assertNoStackTrace(outcome);

        // Once it parses, the resolution errors: each unknown name.
        Files.writeString(
                file, "package a:b;\ninterface i {\n  f: func(x: nope) -> r;\n  g: func(y: list<strng>);\n}\n");
        outcome = wit4j("wit", file.toString());
        assertEquals(
                java.util.List.of(
                        file + ":3:14: name `nope` does not exist",
                        file + ":3:23: name `r` does not exist",
                        file + ":4:19: name `strng` does not exist",
                        "3 errors"),
                messageLines(outcome));
    }

    /** The lines of the error output other than the source excerpts. */
    private static java.util.List<String> messageLines(Outcome outcome) {
        return outcome.err()
                .lines()
                .filter(l -> !l.startsWith(" ") && !l.matches("\\d+ \\|.*"))
                .toList();
    }

    @Test
    void invalidBinaryIsOneLineWithTheOffset() throws IOException {
        byte[] good = Files.readAllBytes(Paths.get("..", "examples", "components", "calc.wasm"));
        Path bad = dir.resolve("truncated.wasm");
        Files.write(bad, Arrays.copyOf(good, good.length / 2));
        Outcome outcome = wit4j("wit", bad.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().startsWith("error: " + bad + ": "), outcome.err());
        assertTrue(outcome.err().contains("offset 0x"), outcome.err());
        assertNoStackTrace(outcome);
    }

    @Test
    void componentThatWitCannotDescribeIsOneLine() {
        Path bad = Paths.get("..", "runtime", "src", "test", "resources", "wit", "bad-type-export.wasm");
        Outcome outcome = wit4j("wit", bad.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.err().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("component export `point` was not a function or instance"), outcome.err());
    }

    @Test
    void missingPathIsBadInput() {
        Outcome outcome = wit4j("wit", dir.resolve("nope.wasm").toString());
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("error: no such file or directory: "), outcome.err());
        assertNoStackTrace(outcome);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertNoStackTrace(Outcome outcome) {
        assertFalse(outcome.err().contains("\tat "), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }
}
