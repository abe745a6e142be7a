package dev.wit4j.cli;

import static dev.wit4j.cli.ValidateCommandTest.wit4j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wit4j inspect}: a WASI command's capabilities, as text and as JSON; bad input in one line. */
class InspectCommandTest {

    private static final String COMMAND =
            Paths.get("..", "examples", "components", "hello-command.wasm").toString();

    @TempDir
    Path dir;

    @Test
    void showsImportsByFamilyWhatTheyReachAndTheTree() {
        ValidateCommandTest.Outcome outcome = wit4j("inspect", COMMAND);
        assertEquals(0, outcome.exitCode(), outcome.err());
        String out = outcome.out();
        assertTrue(out.startsWith("imports (8)\n"), out);
        assertTrue(
                out.contains(
                        "\n  stdio\n    wasi:cli/stdin@0.2.12 (instance)\n      type input-stream\n      get-stdin: func() -> own<input-stream>\n"),
                out);
        // imported, handed to nothing
        assertTrue(out.contains("    wasi:clocks/wall-clock@0.2.12 (instance)\n"), out);
        assertTrue(out.contains("      reaches: nothing\n"), out);
        assertTrue(
                out.contains(
                        "exports (1)\n  wasi:cli/run@0.2.12 (instance), from instance 8\n    run: func() -> result\n"),
                out);
        assertTrue(out.contains("\ntree\n  module 0: "), out);
    }

    @Test
    void json() {
        ValidateCommandTest.Outcome outcome = wit4j("inspect", "--json", COMMAND);
        assertEquals(0, outcome.exitCode(), outcome.err());
        String out = outcome.out();
        assertTrue(
                out.startsWith("{\n  \"imports\": [\n    {\"name\": \"wasi:io/error@0.2.12\", \"kind\": \"instance\""),
                out);
        assertTrue(out.contains("\"family\": \"stdio\""), out);
        assertTrue(
                out.contains(
                        "\"exports\": [\n    {\"name\": \"wasi:cli/run@0.2.12\", \"kind\": \"instance\", \"type\": \"{ run: func() -> result }\", \"from\": \"instance 8\"}"),
                out);
        assertTrue(out.strip().endsWith("}"), out);
    }

    @Test
    void htmlPage() throws IOException {
        Path page = dir.resolve("hello.html");
        ValidateCommandTest.Outcome outcome = wit4j("inspect", "--html", page.toString(), COMMAND);
        assertEquals(0, outcome.exitCode(), outcome.err());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<title>hello-command.wasm</title>"), html);
        assertTrue(html.contains("<svg "), html);
        assertTrue(outcome.out().startsWith("imports (8)\n"), outcome.out());
    }

    @Test
    void aCoreModuleOrAMissingFileIsOneLine() throws IOException {
        Path module = Files.write(dir.resolve("m.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        ValidateCommandTest.Outcome outcome = wit4j("inspect", module.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
        assertTrue(outcome.err().contains("not a component"), outcome.err());

        outcome = wit4j("inspect", dir.resolve("nope.wasm").toString());
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("error: no such file: "), outcome.err());
    }
}
