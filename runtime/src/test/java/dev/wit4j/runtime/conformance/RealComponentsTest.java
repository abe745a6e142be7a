package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentEncoder;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.runtime.WasmFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Binaries made by real toolchains, not written for these tests: the example components, the WASI
 * preview1 adapters jco ships (core modules), a command component made by {@code jco new}, and a
 * JavaScript component built by componentize-js (SpiderMonkey inside: 12 MB, one large core
 * module, many canonical functions). Each must decode, validate and re-encode byte for byte.
 */
class RealComponentsTest {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();
    private static final Path TOOLS = Paths.get(System.getProperty("wit4j.tools", "../tools/wasm"))
            .toAbsolutePath()
            .normalize();

    @TestFactory
    Stream<DynamicTest> committedFixtures() {
        return Stream.of("examples/components/calc.wasm", "examples/components/hello-command.wasm")
                .map(name -> DynamicTest.dynamicTest(name, () -> roundTrip(ROOT.resolve(name), true)));
    }

    @TestFactory
    Stream<DynamicTest> wasiAdapters() {
        Path lib = TOOLS.resolve("node_modules/@bytecodealliance/jco/lib");
        return Stream.of("wasi_snapshot_preview1.command.wasm", "wasi_snapshot_preview1.reactor.wasm")
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    Assumptions.assumeTrue(Files.isRegularFile(lib.resolve(name)), "jco is not installed in " + TOOLS);
                    roundTrip(lib.resolve(name), false);
                }));
    }

    @TestFactory
    Stream<DynamicTest> javascriptComponent() {
        return Stream.of(DynamicTest.dynamicTest("componentize-js hello", () -> {
            Path out = Paths.get("target", "real", "hello-js.wasm").toAbsolutePath();
            if (!Files.isRegularFile(out)) {
                Files.createDirectories(out.getParent());
                Path source = ROOT.resolve("examples/js-hello");
                String failure = WastCorpus.run(
                        TOOLS,
                        "bash",
                        TOOLS.resolve("componentize.sh").toString(),
                        source.resolve("hello.js").toString(),
                        source.resolve("hello.wit").toString(),
                        "hello",
                        out.toString());
                Assumptions.assumeTrue(failure == null, () -> "cannot build the JavaScript component: " + failure);
            }
            roundTrip(out, true);
        }));
    }

    private static void roundTrip(Path file, boolean component) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        WasmBinary binary = WasmFile.validate(bytes);
        assertTrue(
                component ? binary instanceof Component : binary.isCoreModule(), file + " decoded as the wrong kind");
        assertArrayEquals(bytes, ComponentEncoder.encode(binary), file + " does not re-encode to the same bytes");
    }
}
