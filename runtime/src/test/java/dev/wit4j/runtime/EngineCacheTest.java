package dev.wit4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Engine.Builder#cacheDirectory}: compiled core code kept between engines (and processes). */
class EngineCacheTest {

    private static final Path CALC = Paths.get("../examples/components/calc.wasm");

    @TempDir
    Path dir;

    private long entries() throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".classes")).count();
        }
    }

    private static void assertAdds(Component calc) {
        Instance instance = calc.engine().linker().instantiate(calc);
        assertEquals(Optional.of(Value.u32(42)), instance.func("add").call(Value.u32(40), Value.u32(2)));
    }

    @Test
    void aCompiledEngineFillsTheCacheAndALaterEngineFindsIt() throws IOException {
        Engine first = Engine.builder().cacheDirectory(dir).build();
        assertEquals(Optional.of(dir.toAbsolutePath()), first.cacheDirectory());
        Component calc = first.load(CALC);
        assertFalse(first.hasCachedCode(calc));
        assertAdds(calc);
        assertEquals(1, entries());

        Engine second = Engine.builder().cacheDirectory(dir).build();
        Component again = second.load(CALC);
        assertTrue(second.hasCachedCode(again));
        assertAdds(again);
        assertEquals(1, entries());
    }

    @Test
    void theCacheIsOffByDefault() throws IOException {
        Engine engine = Engine.create();
        assertEquals(Optional.empty(), engine.cacheDirectory());
        Component calc = engine.load(CALC);
        assertFalse(engine.hasCachedCode(calc));
        assertAdds(calc);
        assertEquals(0, entries());
    }

    @Test
    void anInterpretingEngineWritesOnlyWhenAskedToPrecompile() throws IOException {
        Engine engine = Engine.builder()
                .executionMode(ExecutionMode.INTERPRETED)
                .cacheDirectory(dir)
                .build();
        Component calc = engine.load(CALC);
        assertAdds(calc);
        assertEquals(0, entries());
        engine.precompile(calc);
        assertEquals(1, entries());
        assertTrue(engine.hasCachedCode(calc));
    }

    @Test
    void interpretUntilCachedInterpretsUntilPrecompiled() throws Exception {
        Engine engine =
                Engine.builder().cacheDirectory(dir).interpretUntilCached(true).build();
        Component calc = engine.load(CALC);
        assertAdds(calc); // interpreted: the cache has no entry
        assertEquals(0, entries());
        engine.precompile(calc);
        assertTrue(engine.hasCachedCode(calc));
        assertAdds(calc);
        Engine later =
                Engine.builder().cacheDirectory(dir).interpretUntilCached(true).build();
        Component cached = later.load(CALC);
        assertTrue(later.hasCachedCode(cached));
        assertAdds(cached);
        assertEquals(1, entries());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(), files.filter(f -> f.toString().endsWith(".tmp")).toList());
        }
    }
}
