package dev.wit4j.witx.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A world after elaboration: {@code include}s merged, and the interfaces that imported or exported
 * interfaces depend on through {@code use} added as imports (WIT.md "Transitive imports and
 * worlds"). Imports come in the order wasm-tools gives them: interfaces, then types, then
 * functions.
 */
public record World(
        String name,
        PackageName pkg,
        Map<WorldKey, WorldItem> imports,
        Map<WorldKey, WorldItem> exports,
        Docs docs,
        Stability stability,
        SourcePos pos) {

    public World {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pkg, "pkg");
        imports = Collections.unmodifiableMap(new LinkedHashMap<>(imports));
        exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(pos, "pos");
    }

    /** {@code pkg/name}, e.g. {@code wasi:cli/command@0.2.0}. */
    public String qualifiedName() {
        return pkg.interfaceName(name);
    }
}
