package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.value.Value;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serialized component runs in a JVM whose class path has neither the core compiler nor ASM,
 * and without its original {@code .wasm} file.
 */
class NoCompilerTest {

    /** Run in the child JVM: deserializes the file named by the first argument and calls it. */
    public static void main(String[] args) throws IOException {
        try {
            Class.forName("run.endive.compiler.MachineFactoryCompiler");
            System.out.println("the core compiler is on the class path");
            return;
        } catch (ClassNotFoundException expected) {
            // as it should be
        }
        try {
            Class.forName("org.objectweb.asm.ClassReader");
            System.out.println("ASM is on the class path");
            return;
        } catch (ClassNotFoundException expected) {
            // as it should be
        }
        Engine engine = Engine.create();
        Instance in = engine.linker()
                .func("pause", a -> Optional.empty())
                .instantiate(engine.deserialize(Files.readAllBytes(Path.of(args[0]))));
        System.out.println(in.func("tag").call(Value.string("no compiler")).orElseThrow());
    }

    @Test
    void aSerializedComponentRunsWithoutTheCompilerOrAsm(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("threads.wit4jc");
        Files.write(
                file,
                Engine.builder()
                        .executionMode(ExecutionMode.COMPILED)
                        .build()
                        .load(Wasm.bytes("threads"))
                        .serialize());
        List<String> classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains(File.separator + "compiler" + File.separator)
                        && !p.contains("org" + File.separator + "ow2"))
                .collect(Collectors.toList());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, classPath),
                NoCompilerTest.class.getName(),
                file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.exitValue(), out);
        assertEquals("Str[value=1:no compiler]", out.lines().reduce((a, b) -> b).orElse(""), out);
    }
}
