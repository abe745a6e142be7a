package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command answers {@code --help} and {@code -h} with its usage on standard output, as wasmtime's and jco's do. */
class HelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"validate", "wit", "inspect", "diff", "compose", "invoke", "run", "serve", "compile"})
    void everyCommandHasHelp(String command) {
        for (String flag : new String[] {"--help", "-h"}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {command, flag}, new PrintWriter(out, true), new PrintWriter(err, true));
            assertEquals(0, code, command + " " + flag + ": " + err);
            assertTrue(out.toString().startsWith("Usage: wit4j " + command), out.toString());
            assertEquals("", err.toString());
        }
    }
}
