package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.ComponentEncoder;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.fuzz.Fuzz;
import dev.wit4j.runtime.fuzz.Mutator;
import dev.wit4j.runtime.inspect.ComponentDiff;
import dev.wit4j.runtime.inspect.Inspection;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.wit.ComponentWit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated component and core module binaries, seeded from the components of the conformance
 * suites and the test fixtures: decoding, validating ({@code Engine.load}) and recovering WIT
 * ({@code wit4j wit}) may only refuse them with a {@link WasmFormatException}, within 2 s; a binary
 * that decodes re-encodes to bytes that decode and re-encode to themselves.
 */
class BinaryFuzzTest {

    private static final Engine ENGINE =
            Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();

    @Test
    void mutatedBinariesAreRefusedWithATypedError() throws IOException {
        List<byte[]> seeds = seeds();
        assumeTrue(!seeds.isEmpty(), "no seed binaries");
        Mutator mutator = new Mutator(seeds, List.of("\0asm", "component", "\u0001", "\u007f"), Fuzz.SEED);
        Fuzz.Result result =
                Fuzz.run("binary", mutator, Fuzz.iterations(3_000), BinaryFuzzTest::target, WasmFormatException.class);
        System.out.println("binary fuzzing: " + result + " (" + seeds.size() + " seeds)");
    }

    private static void target(byte[] bytes) {
        boolean core = bytes.length >= 8 && bytes[4] == 1 && bytes[5] == 0 && bytes[6] == 0 && bytes[7] == 0;
        if (core) {
            CoreModule.parse(bytes, 0); // what `validate` and an embedding component do with a core module
            return;
        }
        try {
            WasmBinary decoded = ComponentDecoder.decode(bytes);
            byte[] again = ComponentEncoder.encode(decoded);
            assertArrayEquals(
                    again, ComponentEncoder.encode(ComponentDecoder.decode(again)), "re-encoding is not stable");
        } catch (WasmFormatException e) {
            // validation below must refuse it too
        }
        ENGINE.load(bytes);
        ComponentWit.decode(bytes);
        // a valid component is inspected, and a version compared with itself has no changes
        Inspection.of(bytes).toHtml("fuzz");
        ComponentDiff self = ComponentDiff.of(bytes, bytes);
        if (!self.changes().isEmpty()) throw new AssertionError("a component differs from itself: " + self.toText());
    }

    /** The valid components of the conformance suites, and the small binaries among the test fixtures. */
    static List<byte[]> seeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        WastCorpus.Loaded corpus = WastCorpus.load();
        for (WastCorpus.WastFile f : corpus.files()) {
            for (WastCorpus.Command c : f.commands()) {
                if (c.type().equals("component") && c.binary() != null && c.binary().length < 16_384) {
                    seeds.add(c.binary());
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".wasm")).toList()) {
                if (Files.size(p) < 16_384) {
                    seeds.add(Files.readAllBytes(p));
                }
            }
        }
        return seeds;
    }
}
