package dev.wit4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @WitWorld(component = …)}: the component is checked against the world, compiled at javac
 * time and written beside the world class, whose {@code instantiate()} runs it from there.
 */
class PrecompiledComponentTest {

    private static final Path CALC = Path.of("..", "examples", "calc-host", "src", "main");

    private static JavaFileObject packageInfo(String pkg, String world, Path wit, String component) {
        String src =
                "@dev.wit4j.annotations.WitWorld(world = \"" + world + "\", wit = \"" + escape(wit.toAbsolutePath())
                        + "\", component = \"" + escape(component) + "\")\npackage " + pkg + ";\n";
        return JavaFileObjects.forSourceString(pkg + ".package-info", src);
    }

    private static String escape(Object path) {
        return path.toString().replace("\\", "\\\\");
    }

    @Test
    void theComponentIsCompiledIntoTheApplicationAndRunsFromThere() throws Exception {
        Path wasm = CALC.resolve("resources/calc.wasm").toAbsolutePath();
        Compilation c =
                Harness.compile(packageInfo("aot.calc", "example:calc/calc", CALC.resolve("wit"), wasm.toString()));
        assertThat(c).succeededWithoutWarnings();
        JavaFileObject resource = c.generatedFile(StandardLocation.CLASS_OUTPUT, "aot.calc", "Calc.wit4jc")
                .orElseThrow();
        byte[] serialized;
        try (InputStream in = resource.openInputStream()) {
            serialized = in.readAllBytes();
        }
        assertTrue(serialized.length > 0);

        ClassLoader loader = new GeneratedClasses(c, getClass().getClassLoader());
        Class<?> calc = loader.loadClass("aot.calc.Calc");
        Object instance = calc.getMethod("instantiate").invoke(null);
        assertEquals("HI!", calc.getMethod("shout", String.class).invoke(instance, "hi"));
        Object math = calc.getMethod("math").invoke(instance);
        Method add = math.getClass().getMethod("add", int.class, int.class);
        add.setAccessible(true);
        assertEquals(42, add.invoke(math, 40, 2));
    }

    /**
     * With no WIT, the world is read from the component's own types: the generated sources are
     * those generated from the WIT the component was built from, docs aside (a component does not
     * carry them, so the WIT is compared without its comment lines, which WIT takes as docs).
     */
    @ParameterizedTest
    @CsvSource({
        "example:calc/calc, ../examples/calc-host/src/main/wit, ../examples/calc-host/src/main/resources/calc.wasm",
        "test:kitchen/kitchen, ../runtime/src/test/resources/wit/kitchen.wit, ../runtime/src/test/resources/wit/kitchen.wasm",
        "test:io/io-world, ../runtime/src/test/resources/wit/io.wit, ../runtime/src/test/resources/wit/io.wasm",
    })
    void bindingsFromTheComponentAloneEqualThoseFromItsWit(String world, Path wit, Path wasm, @TempDir Path tmp)
            throws IOException {
        Path undocumented = tmp.resolve(wit.getFileName());
        try (var files = Files.walk(wit)) {
            for (Path f : files.toList()) {
                Path to = undocumented.resolve(wit.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.write(
                            to,
                            Files.readAllLines(f).stream()
                                    .filter(l -> !l.strip().startsWith("//"))
                                    .toList());
                }
            }
        }
        Compilation fromWit = Harness.compile(packageInfo(
                "aot.same", world, undocumented, wasm.toAbsolutePath().toString()));
        assertThat(fromWit).succeededWithoutWarnings();
        String src = "@dev.wit4j.annotations.WitWorld(world = \"" + world + "\", wit = \"\", component = \""
                + escape(wasm.toAbsolutePath()) + "\")\npackage aot.same;\n";
        Compilation alone = Harness.compile(JavaFileObjects.forSourceString("aot.same.package-info", src));
        assertThat(alone).succeededWithoutWarnings();
        Map<String, String> expected = sources(fromWit);
        Map<String, String> actual = sources(alone);
        assertTrue(expected.size() > 1, expected.keySet().toString());
        assertEquals(expected.keySet(), actual.keySet());
        for (String file : expected.keySet()) {
            assertEquals(expected.get(file), actual.get(file), file);
        }
    }

    @Test
    void aComponentAloneNeedsAWorldName() {
        Path wasm = CALC.resolve("resources/calc.wasm").toAbsolutePath();
        String src = "@dev.wit4j.annotations.WitWorld(world = \"Calc World\", wit = \"\", component = \"" + escape(wasm)
                + "\")\npackage aot.named;\n";
        Compilation c = Harness.compile(JavaFileObjects.forSourceString("aot.named.package-info", src));
        assertThat(c).failed();
        assertThat(c)
                .hadErrorContaining("`Calc World` is not a world name; with bindings read from the component alone");
    }

    /** The generated Java sources by file name. */
    private static Map<String, String> sources(Compilation c) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (JavaFileObject f : c.generatedSourceFiles()) {
            out.put(f.getName(), f.getCharContent(true).toString());
        }
        return out;
    }

    @Test
    void aComponentNotFoundListsThePlacesLooked() {
        Compilation c = Harness.compile(
                packageInfo("aot.missing", "example:calc/calc", CALC.resolve("wit"), "no/such.wasm"),
                "-Awit4j.projectDir=" + Path.of("").toAbsolutePath());
        assertThat(c).failed();
        String msg = Harness.messages(c, Diagnostic.Kind.ERROR).get(0);
        assertTrue(
                msg.startsWith("cannot find the component `no/such.wasm` of world `example:calc/calc`; looked in:"),
                msg);
        assertTrue(
                msg.contains(Path.of("").toAbsolutePath().resolve("no/such.wasm") + " (option -Awit4j.projectDir="),
                msg);
    }

    @Test
    void aComponentOfAnotherWorldIsACompileError(@TempDir Path tmp) throws IOException {
        Files.writeString(
                tmp.resolve("w.wit"),
                "package t:w;\n"
                        + "interface api { ping: func(n: u32) -> u32; }\n"
                        + "interface math { record point { x: s32, z: s32 } add: func(a: u32, b: s32) -> s32;"
                        + " translate: func(p: point, d: s32) -> point; }\n"
                        + "world w { export api; export shout: func(a: string, b: string) -> string; export missing: func(); }\n"
                        + "world m { export math; }\n");
        Path wasm = CALC.resolve("resources/calc.wasm").toAbsolutePath();
        Compilation c = Harness.compile(packageInfo("aot.other", "t:w/w", tmp.resolve("w.wit"), wasm.toString()));
        assertThat(c).failed();
        List<String> errors = Harness.messages(c, Diagnostic.Kind.ERROR);
        String all = String.join("\n", errors);
        assertTrue(
                all.contains(
                        "does not fit world `t:w/w`: the world exports interface `t:w/api`; the component does not export it"
                                + " (it exports: example:calc/math, shout)"),
                all);
        assertTrue(all.contains("the world exports function `shout` with 2 parameters; the component's has 1"), all);
        assertTrue(all.contains("the world exports function `missing`; the component does not export it"), all);
        assertEquals(3, errors.size(), all);

        // same names, other types: example:calc/math has add(s32, s32) and point { x, y }
        Path math = tmp.resolve("m");
        Files.createDirectories(math);
        Files.writeString(
                math.resolve("m.wit"),
                "package example:calc;\n"
                        + "interface math { record point { x: s32, z: s32 } add: func(a: u32, b: s32) -> s32;"
                        + " translate: func(p: point, d: s32) -> point; }\n"
                        + "world m { export math; }\n");
        Compilation typed = Harness.compile(packageInfo("aot.typed", "example:calc/m", math, wasm.toString()));
        assertThat(typed).failed();
        String typeErrors = String.join("\n", Harness.messages(typed, Diagnostic.Kind.ERROR));
        assertTrue(
                typeErrors.contains(
                        "interface `example:calc/math` has function `add`: parameter `a` is u32 in the world,"
                                + " s32 in the component"),
                typeErrors);
        assertTrue(
                typeErrors.contains("has function `translate`: parameter `p` is point in the world,"
                        + " record { x: s32, y: s32 } in the component"),
                typeErrors);
        assertTrue(
                typeErrors.contains("has function `translate`: the result is point in the world,"
                        + " record { x: s32, y: s32 } in the component"),
                typeErrors);
        assertTrue(Harness.messages(c, Diagnostic.Kind.NOTE).stream()
                .anyMatch(n -> n.contains("no bindings were generated")));
    }

    /**
     * A component that imports WASI besides its world (as toolchain-built ones do) fits when the
     * {@code wasi} module's {@code WasiContext} is on the class path, which then defines those
     * imports through the world class's factories; without it, each import is a mismatch.
     */
    @Test
    void wasiImportsOutsideTheWorldFitWhenTheWasiHostIsThere(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("w.wit"), "package t:cmd;\nworld w { export wasi:cli/run@0.2.12; }\n");
        Files.createDirectories(tmp.resolve("deps/cli"));
        Files.writeString(
                tmp.resolve("deps/cli/run.wit"),
                "package wasi:cli@0.2.12;\ninterface run { run: func() -> result; }\n");
        String wasm = Path.of("..", "examples", "components", "hello-command.wasm")
                .toAbsolutePath()
                .toString();

        Compilation without = Harness.compile(packageInfo("aot.nowasi", "t:cmd/w", tmp, wasm));
        assertThat(without).failed();
        String errors = String.join("\n", Harness.messages(without, Diagnostic.Kind.ERROR));
        assertTrue(
                errors.contains("the component imports `wasi:cli/stdout@0.2.12`, which the world does not import"),
                errors);

        Compilation with =
                Harness.compileWithWasiContext(tmp.resolve("host"), packageInfo("aot.wasi", "t:cmd/w", tmp, wasm));
        assertThat(with).succeeded();
        String world = with.generatedSourceFile("aot.wasi.W")
                .orElseThrow()
                .getCharContent(true)
                .toString();
        assertTrue(world.contains("public static W instantiate(WasiContext wasi)"), world);
        assertTrue(
                world.contains("public static W instantiate(Engine engine, Component component, WasiContext wasi)"),
                world);
    }

    @Test
    void anInvalidComponentIsACompileError(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'm', 0x0d, 0, 1, 0, 7});
        Compilation c =
                Harness.compile(packageInfo("aot.bad", "example:calc/calc", CALC.resolve("wit"), bad.toString()));
        assertThat(c).failed();
        String msg = Harness.messages(c, Diagnostic.Kind.ERROR).get(0);
        assertTrue(msg.startsWith("the component `" + bad + "` is not valid: "), msg);
    }
}
