package dev.wit4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compares the generated sources with the files in {@code src/test/resources/golden/<case>/}.
 * Run with {@code -Dwit4j.updateGolden=true} to rewrite them after an intended change (and review
 * the diff).
 */
class GoldenTest {
    static final Path RESOURCES = Path.of("src", "test", "resources").toAbsolutePath();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "types, types, wit/types",
        "resources, test:resources/resources, wit/resources",
    })
    void generatedSourcesMatchGolden(String name, String world, String wit) throws IOException {
        // Not "golden.*": the golden files are on the test class path, where javac would find them as sources.
        String pkg = "example." + name;
        Compilation c = Harness.compile(Harness.packageInfo(pkg, world, wit), "-Awit4j.projectDir=" + RESOURCES);
        assertEquals(
                Compilation.Status.SUCCESS, c.status(), () -> c.diagnostics().toString());
        assertEquals(List.of(), Harness.messages(c, Diagnostic.Kind.WARNING), "warnings under -Xlint:all");

        Map<String, String> generated = new TreeMap<>();
        for (JavaFileObject f : c.generatedSourceFiles()) {
            String simple = Path.of(f.toUri().getPath()).getFileName().toString();
            generated.put(simple, read(f));
        }
        Path dir = RESOURCES.resolve("golden").resolve(name);
        if (Boolean.getBoolean("wit4j.updateGolden")) {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            for (Map.Entry<String, String> e : generated.entrySet()) {
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
        }
        assertTrue(Files.isDirectory(dir), "no golden files in " + dir + "; run with -Dwit4j.updateGolden=true");
        Map<String, String> golden;
        try (Stream<Path> s = Files.list(dir)) {
            golden = s.collect(
                    Collectors.toMap(p -> p.getFileName().toString(), GoldenTest::readPath, (a, b) -> a, TreeMap::new));
        }
        assertEquals(golden.keySet(), generated.keySet(), "generated files");
        for (String f : golden.keySet()) {
            assertEquals(golden.get(f), generated.get(f), "contents of " + f);
        }
    }

    private static String read(JavaFileObject f) {
        try {
            return f.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readPath(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
