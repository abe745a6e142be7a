package dev.wit4j.witx.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.print.WitPrinter;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The WASI WIT folders resolve (each file is one package) and print → re-parse → print is stable;
 * every world of the wit-bindgen codegen corpus resolves (and round-trips through the printer).
 */
class WasiAndCodegenTest {

    private static Path shared() {
        String shared = System.getProperty("wit4j.shared");
        Assumptions.assumeTrue(shared != null && !shared.isBlank(), "system property wit4j.shared is not set");
        Path p = Path.of(shared);
        Assumptions.assumeTrue(Files.isDirectory(p), "shared data folder missing: " + p);
        return p;
    }

    @TestFactory
    Stream<DynamicTest> wasi() {
        Path root = shared().resolve("wit");
        return Stream.of("wasi-0.2", "wasi-0.3-draft")
                .flatMap(name -> Stream.of(
                        DynamicTest.dynamicTest(name, () -> wasiFolder(root.resolve(name), WitResolver.create())),
                        DynamicTest.dynamicTest(
                                name + " (all features)",
                                () -> wasiFolder(
                                        root.resolve(name), WitResolver.create().withAllFeatures()))));
    }

    private static void wasiFolder(Path dir, WitResolver resolver) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir), "missing " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".wit")).sorted().toList();
        }
        Resolve r = resolver.files(files);
        assertEquals(files.size(), r.packages().size());
        for (WitPackage p : r.packages()) {
            assertFalse(p.interfaces().isEmpty() && p.worlds().isEmpty(), p.name() + " is empty");
        }
        assertRoundTrip(resolver, dir.getFileName().toString(), r);
    }

    static void assertRoundTrip(WitResolver resolver, String name, Resolve r) {
        String printed = WitPrinter.print(r);
        Resolve again = resolver.string(name + ".printed.wit", printed);
        String printedAgain = WitPrinter.print(again);
        assertEquals(printed, printedAgain, "print -> parse -> print is not stable for " + name);
        assertEquals(Projection.fromModel(r), Projection.fromModel(again), "printing changed the model of " + name);
    }

    @TestFactory
    Stream<DynamicTest> codegen() throws IOException {
        Path dir = shared().resolve("conformance").resolve("wit-codegen");
        Assumptions.assumeTrue(Files.isDirectory(dir), "missing " + dir);
        List<DynamicTest> tests = new ArrayList<>();
        int[] worlds = new int[1];
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (!(n.endsWith(".wit") || Files.isDirectory(p))) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(n, () -> {
                    WitResolver resolver = WitResolver.create().withAllFeatures();
                    // wit-bindgen keeps directory cases in a `wit/` sub-folder.
                    Path d = Files.isDirectory(p.resolve("wit")) ? p.resolve("wit") : p;
                    Resolve r = Files.isDirectory(p) ? resolver.directory(d) : resolver.file(p);
                    int count = r.rootPackage().worlds().size();
                    assertTrue(count > 0 || r.rootPackage().interfaces().size() > 0, n + " has no worlds");
                    synchronized (worlds) {
                        worlds[0] += count;
                    }
                    assertRoundTrip(resolver, n, r);
                    Files.createDirectories(Path.of("target"));
                    Files.writeString(Path.of("target", "wit-codegen-worlds.txt"), worlds[0] + "\n");
                }));
            }
        }
        return tests.stream();
    }
}
