package dev.wit4j.processor.model;

import com.palantir.javapoet.ClassName;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Stability;
import java.util.List;

/**
 * A top-level Java interface: the functions of one WIT interface (or of the world itself) as
 * abstract methods, and the WIT types declared there as nested types.
 *
 * @param name the Java name
 * @param kind what it stands for
 * @param witName the WIT name shown in Javadoc, e.g. {@code wasi:io/streams@0.2.0}
 * @param externName the name of the component's import or export instance ({@code wasi:io/streams@0.2.0},
 *     or the plain name of an interface declared in the world); empty for the world's own holders
 * @param suppressDeprecation whether it refers to deprecated types of another holder
 * @param existing whether {@code name} and its types exist already: the user's own Java (Java-first),
 *     or bindings wit4j generated for another world ({@code @WitWorld(with = …)}); nothing is
 *     generated for them, except the handle classes of Java-first exported resources
 */
public record Holder(
        ClassName name,
        Kind kind,
        String witName,
        String externName,
        Docs docs,
        Stability stability,
        List<TypeModel> types,
        List<MethodModel> methods,
        boolean suppressDeprecation,
        boolean existing) {

    public Holder {
        types = List.copyOf(types);
        methods = List.copyOf(methods);
    }

    /** What a holder stands for. */
    public enum Kind {
        /** An imported interface: the host implements it. */
        IMPORTED_INTERFACE,
        /** An exported interface: the typed view of what the component provides. */
        EXPORTED_INTERFACE,
        /** The world's own imported functions and types. */
        WORLD_IMPORTS,
        /** The world's own exported functions. */
        WORLD_EXPORTS;

        /** Whether this is the export side. */
        public boolean exported() {
            return this == EXPORTED_INTERFACE || this == WORLD_EXPORTS;
        }
    }
}
