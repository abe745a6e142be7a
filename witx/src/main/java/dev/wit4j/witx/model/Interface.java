package dev.wit4j.witx.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An interface: named types (including names brought in by {@code use}) and functions, both in
 * declaration order.
 *
 * @param name the name; empty for an interface written inline in a world
 * @param pkg the package declaring the interface (for inline ones, the world's package)
 * @param types named types by name, in declaration order
 * @param functions functions by (desugared) name, in declaration order
 */
public record Interface(
        Optional<String> name,
        PackageName pkg,
        Map<String, TypeDef> types,
        Map<String, Function> functions,
        Docs docs,
        Stability stability,
        SourcePos pos) {

    public Interface {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pkg, "pkg");
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(pos, "pos");
    }

    /** The fully-qualified name, e.g. {@code wasi:io/streams@0.2.0}, for a named interface. */
    public Optional<String> qualifiedName() {
        return name.map(pkg::interfaceName);
    }

    /** The functions (constructor, methods, static functions) that belong to {@code resource}. */
    public List<Function> resourceFunctions(TypeDef resource) {
        return functions.values().stream()
                .filter(f -> f.resource().map(resource::equals).orElse(false))
                .toList();
    }
}
