package dev.wit4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * Everything generated for one world.
 *
 * @param packageName the Java package (the annotated one)
 * @param world the WIT world, e.g. {@code wasi:cli/command@0.2.0}
 * @param worldClass the world class (UpperCamel of the world name)
 * @param holders the top-level Java interfaces, one per imported or exported interface (plus the
 *     world's own imported and exported functions and types)
 */
public record Bindings(String packageName, String world, ClassName worldClass, List<Holder> holders) {
    public Bindings {
        holders = List.copyOf(holders);
    }
}
