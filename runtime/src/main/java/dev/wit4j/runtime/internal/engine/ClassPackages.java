package dev.wit4j.runtime.internal.engine;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Moves the classes compiled from one core module into a package of their own. The core compiler
 * names every module's classes alike ({@code run.endive.$gen.CompiledMachine…}), which is fine in
 * a class loader per module; as class files of an application, each module's classes need a
 * package no other module's use. Uses ASM: only a build that writes classes apart loads this.
 */
final class ClassPackages {

    private ClassPackages() {}

    /** The classes (by binary or internal name) with every class of theirs renamed into {@code pkg}. */
    static Map<String, byte[]> move(Map<String, byte[]> classes, String pkg) {
        Map<String, String> names = new HashMap<>();
        for (String name : classes.keySet()) {
            String internal = name.replace('.', '/');
            names.put(internal, moved(internal.replace('/', '.'), pkg).replace('.', '/'));
        }
        Remapper remapper = new Remapper() {
            @Override
            public String map(String internalName) {
                return names.getOrDefault(internalName, internalName);
            }
        };
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            ClassReader reader = new ClassReader(c.getValue());
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, remapper), 0);
            out.put(moved(c.getKey().replace('/', '.'), pkg), writer.toByteArray());
        }
        return out;
    }

    /** The binary name {@code name} (of a class of the core compiler's) gets in {@code pkg}. */
    static String moved(String name, String pkg) {
        String binary = name.replace('/', '.');
        return pkg + "." + binary.substring(binary.lastIndexOf('.') + 1);
    }
}
