package dev.wit4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The canonical ABI and what is built on it — {@code abi}, {@code bindings}, {@code value},
 * {@code types}, {@code wave} — use nothing of the core engine, the validator or the linker: only
 * the JDK, the WIT model ({@code witx}) and {@link Trap}. They are what generated code and the
 * dynamic API stand on, so a change that would tie them to Endive or to instantiation fails here.
 * (They share the {@code wit4j-runtime} artifact with the engine: the annotation processor needs
 * the runtime anyway, to compile components at build time and to read WIT from binaries, and a
 * separate artifact would move {@code Trap} out of the API package.)
 *
 * <p>The check reads the compiled classes: every class a class names (in its constant pool,
 * signatures and annotations), comments and Javadoc aside.
 */
class LayeringTest {

    private static final List<String> ABI_PACKAGES = List.of("abi", "bindings", "value", "types", "wave");

    private static final List<String> ALLOWED = List.of(
            "java/",
            "dev/wit4j/witx/",
            "dev/wit4j/runtime/Trap",
            "dev/wit4j/runtime/abi/",
            "dev/wit4j/runtime/bindings/",
            "dev/wit4j/runtime/value/",
            "dev/wit4j/runtime/types/",
            "dev/wit4j/runtime/wave/");

    @Test
    void theAbiLayerNamesNothingOfTheEngineValidatorOrLinker() throws Exception {
        Path classes = Path.of(
                Trap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> offending = new TreeSet<>();
        int read = 0;
        for (String pkg : ABI_PACKAGES) {
            Path dir = classes.resolve("dev/wit4j/runtime").resolve(pkg);
            assertTrue(Files.isDirectory(dir), "no compiled classes in " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    read++;
                    String user = classes.relativize(file).toString();
                    for (String named : namedBy(file)) {
                        if (ALLOWED.stream().noneMatch(named::startsWith)) {
                            offending.add(user + " names " + named);
                        }
                    }
                }
            }
        }
        assertTrue(read > 50, "read only " + read + " classes");
        assertEquals(Set.of(), offending);
    }

    /** Every class {@code file} refers to, as internal names. */
    private static Set<String> namedBy(Path file) {
        Set<String> named = new TreeSet<>();
        Remapper recorder = new Remapper() {
            @Override
            public String map(String internalName) {
                named.add(internalName);
                return internalName;
            }
        };
        try {
            new ClassReader(Files.readAllBytes(file))
                    .accept(new ClassRemapper(new ClassVisitor(Opcodes.ASM9) {}, recorder), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return named;
    }
}
