package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.Section;
import dev.wit4j.runtime.CompileReport;
import dev.wit4j.runtime.ExecutionMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledCodeCacheTest {

    /** {@code (module (func (export "boom") unreachable))} */
    private static final byte[] BOOM = {
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
        0x07, 0x08, 0x01, 0x04, 'b', 'o', 'o', 'm', 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b
    };

    /** The core module of examples/components/calc.wasm, which exports {@code add}. */
    private static byte[] calc;

    @TempDir
    Path dir;

    @BeforeAll
    static void readCalc() throws IOException {
        var component =
                ComponentDecoder.decodeComponent(Files.readAllBytes(Paths.get("../examples/components/calc.wasm")));
        calc = component
                .sections(Section.ModuleSection.class)
                .get(0)
                .module()
                .bytes()
                .toByteArray();
    }

    /** A freshly parsed module using {@code cache}: nothing compiled yet, as in a new process. */
    private static CoreModule fresh(byte[] bytes, CompiledCodeCache cache) {
        CoreModule module = CoreModule.parse(bytes, 0);
        module.useCompiledCodeCache(cache);
        return module;
    }

    /** Instantiates compiled and checks that {@code add} adds. */
    private static void assertAdds(CoreModule module) {
        CoreModuleInstance instance =
                CoreModuleInstance.instantiate(module, (m, n) -> Optional.empty(), ExecutionMode.COMPILED);
        CoreFunction add = (CoreFunction) instance.export("add").orElseThrow();
        assertArrayEquals(new long[] {42}, add.call(40, 2));
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private Path onlyEntry() throws IOException {
        List<Path> entries = entries();
        assertEquals(1, entries.size(), entries.toString());
        assertTrue(entries.get(0).getFileName().toString().endsWith(".classes"), entries.toString());
        return entries.get(0);
    }

    @Test
    void aMissCompilesAndWritesAnEntryThatALaterLoadDefinesWithoutCompiling() throws IOException {
        CompiledCodeCache cache = CompiledCodeCache.in(dir);
        CoreModule first = fresh(calc, cache);
        assertFalse(cache.contains(first));
        assertAdds(first);
        Path entry = onlyEntry();
        assertTrue(cache.contains(first));

        // a hit neither rewrites nor removes the entry: its classes are defined as they are
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(entry, old);
        CoreModule second = fresh(calc, CompiledCodeCache.in(dir));
        assertAdds(second);
        assertEquals(List.of(entry), entries());
        assertEquals(old, Files.getLastModifiedTime(entry));
    }

    /**
     * A module whose compiled code is cached is prepared from the entry: not validated nor read
     * again (the entry was made of these very bytes), its compiled code ready before any instance.
     */
    @Test
    void aCachedModuleIsPreparedFromItsEntry() {
        CompiledCodeCache cache = CompiledCodeCache.in(dir);
        CompileReport compiled = fresh(calc, cache).compile();
        CoreModule again = CoreModule.parse(calc, 0, cache);
        assertEquals(Optional.of(compiled), again.compileReport());
        assertAdds(again);
        // other bytes are another key: never taken from this entry, validated (and here rejected)
        byte[] changed = BOOM.clone();
        changed[changed.length - 2] = 0x6A; // unreachable → i32.add of nothing: a type error
        assertThrows(CoreModuleException.class, () -> CoreModule.parse(changed, 0, cache));
        CoreModule boom = fresh(BOOM, cache);
        boom.compile();
        assertThrows(CoreModuleException.class, () -> CoreModule.parse(changed, 0, cache));
    }

    @Test
    void differentModulesHaveDifferentEntries() throws IOException {
        CompiledCodeCache cache = CompiledCodeCache.in(dir);
        assertNotEquals(CompiledCodeCache.key(fresh(calc, cache)), CompiledCodeCache.key(fresh(BOOM, cache)));
        fresh(calc, cache).compile();
        fresh(BOOM, cache).compile();
        assertEquals(2, entries().size());
    }

    @Test
    void aCorruptedEntryIsDetectedAndCompiledAgain() throws IOException {
        CompiledCodeCache cache = CompiledCodeCache.in(dir);
        fresh(calc, cache).compile();
        Path entry = onlyEntry();
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 100] ^= 0x55;
        Files.write(entry, bytes);

        CoreModule module = fresh(calc, cache);
        assertFalse(cache.contains(module), "a flipped byte must fail the checksum");
        assertAdds(module);
        assertTrue(cache.contains(module), "the entry is written again");
    }

    @Test
    void aTruncatedEntryIsDetectedAndCompiledAgain() throws IOException {
        CompiledCodeCache cache = CompiledCodeCache.in(dir);
        fresh(calc, cache).compile();
        Path entry = onlyEntry();
        for (int length : new int[] {0, 10, Files.readAllBytes(entry).length / 2}) {
            byte[] bytes = Files.readAllBytes(entry);
            Files.write(entry, java.util.Arrays.copyOf(bytes, Math.min(length, bytes.length)));
            CoreModule module = fresh(calc, cache);
            assertAdds(module);
            assertTrue(cache.contains(module), "rewritten after truncation to " + length + " bytes");
        }
    }

    @Test
    void anotherModulesEntryUnderThisName() throws IOException {
        CompiledCodeCache cache = CompiledCodeCache.in(dir);
        CoreModule boom = fresh(BOOM, cache);
        boom.compile();
        CoreModule module = fresh(calc, cache);
        // the entry of another module copied to this module's name: its header names another key
        Files.copy(cache.file(CompiledCodeCache.key(boom)), cache.file(CompiledCodeCache.key(module)));
        assertFalse(cache.contains(module));
        assertAdds(module);
        assertTrue(cache.contains(module));
    }

    @Test
    void anIntactEntryWhoseClassesCannotBeDefinedIsReplaced() throws IOException {
        CompiledCodeCache cache = CompiledCodeCache.in(dir);
        CoreModule module = fresh(calc, cache);
        String key = CompiledCodeCache.key(module);
        // a well-formed entry (checksum matches) holding no classes at all
        cache.write(key, "not a jar of classes".getBytes(StandardCharsets.UTF_8), true);
        assertTrue(cache.contains(module));
        assertAdds(module);
        assertTrue(cache.read(key).length > 100, "replaced by the compiled classes");
        assertAdds(fresh(calc, cache));
    }

    @Test
    void concurrentWritersLeaveOneIntactEntry() throws Exception {
        int writers = 4;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<CoreModule>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<CoreModule> task = () -> {
                    CoreModule module = fresh(calc, CompiledCodeCache.in(dir));
                    start.await();
                    module.compile();
                    return module;
                };
                results.add(pool.submit(task));
            }
            for (Future<CoreModule> result : results) {
                assertAdds(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        onlyEntry(); // no temporary file left behind
        assertTrue(CompiledCodeCache.in(dir).contains(fresh(calc, null)));
        assertAdds(fresh(calc, CompiledCodeCache.in(dir)));
    }

    @Test
    void withoutACacheNothingIsWritten() throws IOException {
        assertAdds(fresh(calc, null));
        CoreModule interpreted = fresh(calc, CompiledCodeCache.in(dir));
        CoreModuleInstance.instantiate(interpreted, (m, n) -> Optional.empty(), ExecutionMode.INTERPRETED);
        assertEquals(List.of(), entries(), "interpreting compiles nothing");
    }

    @Test
    void anUnwritableDirectoryOnlyCostsTheCache() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        CompiledCodeCache cache = CompiledCodeCache.in(file.resolve("cache"));
        CoreModule module = fresh(calc, cache);
        assertAdds(module);
        assertFalse(cache.contains(module));
        assertThrows(NullPointerException.class, () -> CompiledCodeCache.in(null));
    }
}
