package dev.wit4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * What users may name never names what they may not: no public or protected member of a public
     * class outside {@code internal} has an internal type in its signature, and no such class
     * extends or implements one. (Internal packages hold types public for the other runtime
     * packages; they may change in any release, as Endive's and MapStruct's {@code internal} do.)
     */
    @Test
    void noApiSignatureNamesAnInternalType() throws Exception {
        Path classes = Path.of(
                Trap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("dev/wit4j/runtime");
        Set<String> offending = new TreeSet<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.');
                name = name.substring(0, name.length() - ".class".length());
                if (name.startsWith("dev.wit4j.runtime.internal.")) continue;
                Class<?> c = Class.forName(name, false, Trap.class.getClassLoader());
                if (!isVisible(c)) continue;
                read++;
                List<java.lang.reflect.Type> named = new ArrayList<>();
                named.add(c.getGenericSuperclass());
                named.addAll(List.of(c.getGenericInterfaces()));
                for (Method m : c.getDeclaredMethods()) {
                    if (!isVisible(m.getModifiers()) || m.isSynthetic()) continue;
                    named.add(m.getGenericReturnType());
                    named.addAll(List.of(m.getGenericParameterTypes()));
                    named.addAll(List.of(m.getGenericExceptionTypes()));
                }
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (!isVisible(k.getModifiers()) || k.isSynthetic()) continue;
                    named.addAll(List.of(k.getGenericParameterTypes()));
                }
                for (Field f : c.getDeclaredFields()) {
                    if (isVisible(f.getModifiers())) named.add(f.getGenericType());
                }
                for (java.lang.reflect.Type t : named) {
                    if (t != null && t.getTypeName().contains("dev.wit4j.runtime.internal.")) {
                        offending.add(c.getName() + " names " + t.getTypeName());
                    }
                }
            }
        }
        assertTrue(read > 50, "read only " + read + " classes");
        assertEquals(Set.of(), offending);
    }

    /** A class users can name: public, and every class enclosing it too. */
    private static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isSynthetic()) return false;
        }
        return true;
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
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
