package dev.wit4j.witx.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A package: its interfaces and worlds in declaration order. */
public record WitPackage(
        PackageName name, Map<String, Interface> interfaces, Map<String, World> worlds, Docs docs, SourcePos pos) {

    public WitPackage {
        Objects.requireNonNull(name, "name");
        interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
        worlds = Collections.unmodifiableMap(new LinkedHashMap<>(worlds));
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(pos, "pos");
    }
}
