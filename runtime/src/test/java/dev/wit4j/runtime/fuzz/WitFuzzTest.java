package dev.wit4j.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.print.WitPrinter;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated WIT, seeded from the single-file cases of the wit-parser suite: parsing and resolving
 * refuse it only with a {@link WitException}, within 2 s; what resolves prints to WIT that resolves
 * and prints the same again.
 */
class WitFuzzTest {

    private static final List<String> TOKENS = List.of(
            "{",
            "}",
            "(",
            ")",
            "<",
            ">",
            ",",
            ";",
            ":",
            "->",
            "=",
            "func",
            "interface",
            "world",
            "use",
            "type",
            "record",
            "variant",
            "enum",
            "flags",
            "resource",
            "list<",
            "option<",
            "result<",
            "tuple<",
            "borrow<",
            "own<",
            "@1.0.0",
            "package",
            "import",
            "export",
            "include",
            "with",
            "as",
            "static",
            "constructor",
            "async",
            "%",
            "///",
            "/*",
            "*/",
            "@since(version = 1.0.0)",
            "@unstable(feature = x)",
            " a:b/c.{d}",
            "\n");

    @Test
    void mutatedWitIsRefusedWithATypedErrorOrRoundTrips() throws IOException {
        String shared = System.getProperty("wit4j.shared", System.getenv("WIT4J_SHARED"));
        assumeTrue(shared != null, "the shared data folder is not configured");
        Path dir = Path.of(shared, "conformance", "wit-parser");
        assumeTrue(Files.isDirectory(dir), "conformance data missing: " + dir);
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p :
                    files.filter(p -> p.toString().endsWith(".wit")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        Mutator mutator = new Mutator(seeds, TOKENS, Fuzz.SEED);
        Fuzz.Result r = Fuzz.run(
                "wit",
                mutator,
                Fuzz.iterations(20_000),
                input -> {
                    Resolve resolve = WitResolver.resolveString("fuzz.wit", new String(input, StandardCharsets.UTF_8));
                    String printed = WitPrinter.print(resolve);
                    assertEquals(
                            printed,
                            WitPrinter.print(WitResolver.resolveString("printed.wit", printed)),
                            "printed WIT does not print the same after resolving");
                },
                WitException.class);
        System.out.println("WIT fuzzing: " + r + " (" + seeds.size() + " seeds)");
    }
}
