package dev.wit4j.runtime.wit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** The committed binaries the WIT-decoding tests read (rebuilt by {@code build.sh}). */
final class WitFixtures {
    static final Path DIR = Paths.get("src", "test", "resources", "wit");
    static final Path EXAMPLES = Paths.get("..", "examples", "components");

    private WitFixtures() {}

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fixture(String name) {
        return bytes(DIR.resolve(name));
    }

    /** Every committed component WIT can describe: the examples and the fixtures (no core modules). */
    static List<Path> components() {
        try (Stream<Path> examples = Files.list(EXAMPLES);
                Stream<Path> fixtures = Files.list(DIR)) {
            return Stream.concat(examples, fixtures)
                    .filter(p -> p.toString().endsWith(".wasm") && !p.toString().endsWith(".core.wasm"))
                    .filter(p -> !p.getFileName().toString().startsWith("bad-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
