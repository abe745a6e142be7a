package dev.wit4j.runtime.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.fuzz.Wat;
import dev.wit4j.witx.print.WitPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Our decoder against the pinned {@code jco wit} (wasm-tools' decoder and printer) on every
 * committed component: jco prints only the root package and world, which must equal the first part
 * of our output character for character; a component WIT cannot describe must fail in both.
 * Skipped (never passed) when node or jco is missing.
 */
class JcoWitComparisonTest {
    private static final Path JCO =
            Paths.get("..", "tools", "wasm", "node_modules", "@bytecodealliance", "jco", "dist", "jco.js");

    /** jco's exit code and standard output. */
    record Run(int exitCode, String out) {}

    @TestFactory
    Stream<DynamicTest> rootWorldMatchesJco() {
        Assumptions.assumeTrue(
                Files.isRegularFile(JCO), "jco is not installed: " + JCO + " (run npm ci in tools/wasm)");
        Assumptions.assumeTrue(Wat.nodeAvailable(), "node is not on the PATH");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path component : WitFixtures.components()) {
            tests.add(DynamicTest.dynamicTest(component.getFileName().toString(), () -> {
                Run jco = jcoWit(component);
                assertEquals(0, jco.exitCode(), "jco wit failed on " + component);
                String ours = WitPrinter.print(
                        ComponentWit.decode(WitFixtures.bytes(component)).resolve());
                assertEquals(jco.out().strip(), rootPart(ours).strip());
            }));
        }
        tests.add(DynamicTest.dynamicTest("bad-type-export.wasm fails in both", () -> {
            Path bad = WitFixtures.DIR.resolve("bad-type-export.wasm");
            assertNotEquals(0, jcoWit(bad).exitCode());
            assertThrows(WitDecodingException.class, () -> ComponentWit.decode(WitFixtures.bytes(bad)));
        }));
        return tests.stream();
    }

    /** The root package: everything before the first nested {@code package ... {} block. */
    static String rootPart(String printed) {
        int nested = printed.indexOf("\npackage ");
        return nested < 0 ? printed : printed.substring(0, nested + 1);
    }

    private static Run jcoWit(Path component) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", JCO.toString(), "wit", component.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jco wit timed out on " + component);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
