package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jar ships the WIT of the WASI packages it implements under {@code META-INF/wit/wasi}, with an
 * index the processor reads (the test world of {@code envcount} has no {@code deps/} and resolves
 * through it): the index lists exactly the files there are.
 */
class ShippedWitTest {

    @Test
    void theIndexListsEveryShippedFile() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.walk(Path.of("src/main/wit/deps"))) {
            files = s.filter(p -> p.toString().endsWith(".wit"))
                    .map(p -> Path.of("src/main/wit/deps")
                            .relativize(p)
                            .toString()
                            .replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        String index;
        try (InputStream in = ShippedWitTest.class.getResourceAsStream("/META-INF/wit/wasi/INDEX")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> listed = index.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertEquals(files, listed, "src/main/wit/INDEX");
        for (String f : listed) {
            try (InputStream in = ShippedWitTest.class.getResourceAsStream("/META-INF/wit/wasi/" + f)) {
                assertEquals(
                        Files.readString(Path.of("src/main/wit/deps", f)),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        f);
            }
        }
    }
}
