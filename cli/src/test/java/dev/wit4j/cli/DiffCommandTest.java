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

/** {@code wit4j diff}: the exit code is the verdict; the changes are listed, as text or JSON. */
class DiffCommandTest {

    private static final String CALC =
            Paths.get("..", "examples", "components", "calc.wasm").toString();
    private static final String COMMAND =
            Paths.get("..", "examples", "components", "hello-command.wasm").toString();

    @TempDir
    Path dir;

    @Test
    void theSameComponentCanReplaceItself() {
        ValidateCommandTest.Outcome outcome = wit4j("diff", CALC, CALC);
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("no changes\n", outcome.out());
    }

    @Test
    void anotherComponentGainsCapabilitiesAndBreaksItsUsers() {
        ValidateCommandTest.Outcome outcome = wit4j("diff", CALC, COMMAND);
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("gains     import added wasi:cli/stdout@0.2.12: stdio, "), outcome.out());
        assertTrue(outcome.out().contains("breaking  export removed "), outcome.out());
        assertTrue(
                outcome.out().endsWith("the new version cannot replace the old one without review\n"), outcome.out());

        ValidateCommandTest.Outcome json = wit4j("diff", "--json", CALC, COMMAND);
        assertEquals(1, json.exitCode());
        assertTrue(
                json.out().startsWith("{\n  \"canReplace\": false,\n  \"changes\": [\n    {\"kind\": \"import-added\""),
                json.out());
    }

    @Test
    void badInputSaysWhichFile() throws IOException {
        Path module = Files.write(dir.resolve("m.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        ValidateCommandTest.Outcome outcome = wit4j("diff", CALC, module.toString());
        assertEquals(1, outcome.exitCode());
        assertEquals(
                "error: " + module + " is a core module, not a component",
                outcome.err().strip());

        outcome = wit4j("diff", dir.resolve("nope.wasm").toString(), CALC);
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().startsWith("error: no such file: "), outcome.err());
    }
}
