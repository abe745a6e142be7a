package dev.wit4j.runtime.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.fuzz.Wat;
import dev.wit4j.runtime.inspect.Inspection;
import dev.wit4j.runtime.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A socket plugged with two components, one of which lifts its strings in UTF-16 and imports an
 * interface the socket imports too: the composition runs to the same result as the parts linked
 * in Java, and as the composition transpiled by jco and run in node; imports are declared again
 * from the parts' types (a WASI command's resources across interfaces among them); a plug that
 * does not fit is named with both types.
 */
class CompositionTest {

    static final String SOCKET = """
            (component
              (import "acme:log/sink" (instance $log (export "log" (func (param "msg" string)))))
              (import "acme:math/calc" (instance $calc (export "add" (func (param "a" u32) (param "b" u32) (result u32)))))
              (import "acme:text/measure" (instance $measure (export "len" (func (param "s" string) (result u32)))))
              (core module $mem (memory (export "mem") 1) (data (i32.const 16) "h\\c3\\a9llo"))
              (core instance $mi (instantiate $mem))
              (alias core export $mi "mem" (core memory $m))
              (core func $add (canon lower (func $calc "add")))
              (core func $len (canon lower (func $measure "len") (memory $m)))
              (core module $main
                (import "h" "add" (func $add (param i32 i32) (result i32)))
                (import "h" "len" (func $len (param i32 i32) (result i32)))
                (func (export "run") (result i32) (call $add (call $len (i32.const 16) (i32.const 6)) (i32.const 3))))
              (core instance $hi (export "add" (func $add)) (export "len" (func $len)))
              (core instance $i (instantiate $main (with "h" (instance $hi))))
              (func (export "run") (result u32) (canon lift (core func $i "run"))))
            """;

    static final String CALC = """
            (component
              (core module $m (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
              (core instance $i (instantiate $m))
              (func $add (param "a" u32) (param "b" u32) (result u32) (canon lift (core func $i "add")))
              (instance $calc (export "add" (func $add)))
              (export "acme:math/calc" (instance $calc)))
            """;

    /** Counts the UTF-16 code units of a string: "héllo" is 5 (6 bytes in UTF-8). */
    static final String MEASURE = """
            (component
              (import "acme:log/sink" (instance $log (export "log" (func (param "msg" string)))))
              (core module $m (memory (export "mem") 1)
                (func (export "realloc") (param i32 i32 i32 i32) (result i32) i32.const 1024)
                (func (export "len") (param i32 i32) (result i32) local.get 1))
              (core instance $i (instantiate $m))
              (alias core export $i "mem" (core memory $mem))
              (alias core export $i "realloc" (core func $realloc))
              (func $len (param "s" string) (result u32)
                (canon lift (core func $i "len") string-encoding=utf16 (memory $mem) (realloc $realloc)))
              (instance $measure (export "len" (func $len)))
              (export "acme:text/measure" (instance $measure)))
            """;

    private static final List<byte[]> parts = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void assemble() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test components");
        String wide = CALC.replace("(result u32) (canon lift", "(result u64) (canon lift")
                .replace(
                        "(func (export \"add\") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))",
                        "(func (export \"add\") (param i32 i32) (result i64) (i64.const 0))");
        for (Wat.Assembled a : Wat.assemble(List.of(SOCKET, CALC, MEASURE, wide))) {
            assertNull(a.error(), a.error());
            parts.add(a.wasm());
        }
    }

    private static Linker withLog(Engine engine) {
        Linker linker = engine.linker();
        linker.instance("acme:log/sink").func("log", args -> Optional.empty());
        return linker;
    }

    @Test
    void runsAsThePartsLinkedInJava() {
        byte[] composed = Composition.plug(parts.get(0), List.of(parts.get(1), parts.get(2)));
        Engine engine = Engine.create();
        Instance whole = withLog(engine).instantiate(engine.load(composed));
        assertEquals(Optional.of(Value.u32(8)), whole.func("run").call());

        Instance calc = engine.linker().instantiate(engine.load(parts.get(1)));
        Instance measure = withLog(engine).instantiate(engine.load(parts.get(2)));
        Linker linker = withLog(engine);
        linker.instance("acme:math/calc", calc.exportedInstance("acme:math/calc"));
        linker.instance("acme:text/measure", measure.exportedInstance("acme:text/measure"));
        assertEquals(
                whole.func("run").call(),
                linker.instantiate(engine.load(parts.get(0))).func("run").call());

        Inspection inspection = Inspection.of(composed);
        assertEquals(
                List.of("acme:log/sink"),
                inspection.imports().stream().map(Inspection.Import::name).toList(),
                "the import both parts have is imported once");
        assertEquals("{ log: func(msg: string) }", inspection.imports().get(0).type());
        assertEquals(
                List.of("run"),
                inspection.exports().stream().map(Inspection.Export::name).toList());
    }

    @Test
    void jcoTranspilesItAndNodeRunsItToTheSameResult() throws Exception {
        byte[] composed = Composition.plug(parts.get(0), List.of(parts.get(1), parts.get(2)));
        Path wasm = Files.write(dir.resolve("composed.wasm"), composed);
        Path tools = Path.of(System.getProperty(
                        "wit4j.tools", Path.of("..", "tools", "wasm").toString()))
                .toAbsolutePath();
        Path out = dir.resolve("js");
        run(
                dir,
                tools.resolve("node_modules/.bin/jco").toString(),
                "transpile",
                wasm.toString(),
                "-o",
                out.toString(),
                "--instantiation",
                "async");
        Files.writeString(out.resolve("package.json"), "{\"type\":\"module\"}");
        Files.writeString(out.resolve("run.mjs"), """
                import { instantiate } from './composed.js';
                import { readFile } from 'node:fs/promises';
                const compile = async (p) => WebAssembly.compile(await readFile(new URL(p, import.meta.url)));
                const r = await instantiate(compile, { 'acme:log/sink': { log() {} } });
                console.log(r.run());
                """);
        assertEquals("8", run(out, "node", "run.mjs").strip());
    }

    @Test
    void aPlugThatDoesNotFitIsNamedWithBothTypes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Composition.plug(parts.get(0), List.of(parts.get(3), parts.get(2))));
        assertTrue(
                e.getMessage()
                        .startsWith("plug 1's export `acme:math/calc` does not fit the socket's import of that name: "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("the socket imports { add: func(a: u32, b: u32) -> u32 }, the plug exports"
                                + " { add: func(a: u32, b: u32) -> u64 }"),
                e.getMessage());
    }

    @Test
    void nothingToPlugIsAnError() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Composition.plug(parts.get(0), List.of(parts.get(0))));
        assertTrue(e.getMessage().startsWith("no plug exports anything the socket imports"), e.getMessage());
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        return output;
    }
}
