package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateCommandTest {

    /** The exit code and what the command printed. */
    record Outcome(int exitCode, String out, String err) {}

    static Outcome wit4j(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"calc.wasm", "hello-command.wasm"})
    void exampleComponentsAreValid(String name) {
        Path component = Paths.get("..", "examples", "components", name);
        Outcome outcome = wit4j("validate", component.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("valid", outcome.out().strip());
    }

    @Test
    void aComponentWithATruncatedCoreModuleIsMalformed() throws IOException {
        byte[] good = Files.readAllBytes(Paths.get("..", "examples", "components", "hello-command.wasm"));
        Path bad = dir.resolve("truncated.wasm");
        Files.write(bad, Arrays.copyOf(good, good.length / 2));
        Outcome outcome = wit4j("validate", bad.toString());
        assertEquals(1, outcome.exitCode());
        assertOneLineReason(outcome);
    }

    @Test
    void emptyCoreModuleIsValid() throws IOException {
        Path module = write("empty.wasm", 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
        Outcome outcome = wit4j("validate", module.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("valid", outcome.out().strip());
    }

    @Test
    void truncatedPreambleIsOneLineWithOffset() throws IOException {
        Path bad = write("bad.wasm", 0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00);
        Outcome outcome = wit4j("validate", bad.toString());
        assertEquals(1, outcome.exitCode());
        assertOneLineReason(outcome);
    }

    @Test
    void invalidComponentNamesTheReason() throws IOException {
        // A component whose only section is an export of function index 0, which does not exist.
        Path bad = write(
                "invalid.wasm",
                0x00,
                0x61,
                0x73,
                0x6d,
                0x0d,
                0x00,
                0x01,
                0x00,
                0x0b,
                0x07,
                0x01,
                0x00,
                0x01,
                0x66,
                0x01,
                0x00,
                0x00);
        Outcome outcome = wit4j("validate", bad.toString());
        assertEquals(1, outcome.exitCode(), outcome.out());
        assertOneLineReason(outcome);
    }

    @Test
    void notWasmAtAll() throws IOException {
        Path text = dir.resolve("hello.txt");
        Files.writeString(text, "hello, world\n");
        Outcome outcome = wit4j("validate", text.toString());
        assertEquals(1, outcome.exitCode());
        assertOneLineReason(outcome);
    }

    @Test
    void aCoreModuleDeclaringTwoToTheThirtyOneParametersIsOneLine() throws IOException {
        // (type (func (param × 2^31))) in a 16-byte core module, alone and inside a component
        int[] module = {
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x01, 0x60, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00
        };
        Outcome alone = wit4j("validate", write("params.wasm", module).toString());
        assertEquals(1, alone.exitCode());
        assertOneLineReason(alone);
        assertTrue(alone.err().contains("out of bounds"), alone.err());

        int[] component = new int[10 + module.length];
        int[] header = {0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x01, module.length};
        System.arraycopy(header, 0, component, 0, header.length);
        System.arraycopy(module, 0, component, header.length, module.length);
        for (String command : new String[] {"validate", "wit"}) {
            Outcome inside = wit4j(command, write("component.wasm", component).toString());
            assertEquals(1, inside.exitCode(), command);
            assertOneLineReason(inside);
            assertTrue(inside.err().contains("out of bounds"), inside.err());
        }
    }

    @Test
    void missingFile() {
        Outcome outcome = wit4j("validate", dir.resolve("nope.wasm").toString());
        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.err().contains("no such file"), outcome.err());
    }

    @Test
    void wrongCommandLineIsAUsageError() {
        assertEquals(2, wit4j("validate").exitCode());
        assertEquals(2, wit4j("no-such-command").exitCode());
        assertEquals(2, wit4j().exitCode());
    }

    private static void assertOneLineReason(Outcome outcome) {
        assertEquals("", outcome.out());
        String err = outcome.err().strip();
        assertFalse(err.contains("\n"), "more than one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "a stack trace or exception name: " + err);
        assertTrue(err.contains("offset 0x"), "no byte offset: " + err);
    }

    private Path write(String name, int... bytes) throws IOException {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return Files.write(dir.resolve(name), data);
    }
}
