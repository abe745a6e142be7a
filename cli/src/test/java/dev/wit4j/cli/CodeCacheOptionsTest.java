package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run}/{@code invoke} with the compiled-code cache, {@code --cache-dir} and {@code --no-cache}. */
class CodeCacheOptionsTest {
    private static final Path HELLO = Paths.get("..", "examples", "components", "hello-command.wasm");
    private static final Path CALC = Paths.get("..", "examples", "components", "calc.wasm");

    @TempDir
    Path dir;

    private static String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(expectedCode, code, err.toString());
        assertEquals("", err.toString());
        return out.toString().strip();
    }

    private long entries(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) return 0;
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".classes")).count();
        }
    }

    @Test
    void runAndInvokeOnlyReadTheCache() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals("hello from a wasi command", run(0, "run", "--cache-dir", cache.toString(), HELLO.toString()));
        assertEquals("42", run(0, "invoke", "--cache-dir", cache.toString(), CALC.toString(), "add(40, 2)"));
        assertEquals(0, entries(cache));
        run(0, "compile", "--cache-dir", cache.toString(), CALC.toString());
        assertEquals(1, entries(cache));
        assertEquals("42", run(0, "invoke", "--cache-dir", cache.toString(), CALC.toString(), "add(40, 2)"));
        assertEquals(1, entries(cache));
    }

    @Test
    void compileFillsTheCacheForLaterRuns() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals(
                cache.toAbsolutePath().toString(),
                run(0, "compile", "--cache-dir", cache.toString(), HELLO.toString()));
        Engine engine = Engine.builder().cacheDirectory(cache).build();
        assertTrue(engine.hasCachedCode(engine.load(HELLO)));
        assertEquals("hello from a wasi command", run(0, "run", "--cache-dir", cache.toString(), HELLO.toString()));
    }

    @Test
    void compileOfAMissingFileIsOneLine() {
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"compile", "--cache-dir", dir.toString(), "no-such.wasm"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertEquals(1, code);
        assertEquals("error: no such file: no-such.wasm", err.toString().strip());
    }

    @Test
    void noCacheWritesNothing() throws Exception {
        Path cache = dir.resolve("cache");
        assertEquals(
                "hello from a wasi command",
                run(0, "run", "--no-cache", "--cache-dir", cache.toString(), HELLO.toString()));
        Thread.sleep(200);
        assertFalse(Files.exists(cache));
    }

    @Test
    void theDefaultDirectoryFollowsXdg() {
        Path d = CodeCacheOptions.defaultDirectory();
        assertEquals("wit4j", d.getFileName().toString());
        assertTrue(d.isAbsolute(), d.toString());
    }
}
