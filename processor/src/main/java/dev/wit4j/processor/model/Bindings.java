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
 * @param precompiled the class path resource (relative to the world class) holding the component
 *     compiled at build time, if {@code @WitWorld(component = …)} named one
 * @param wasiHost whether the {@code wasi} module (its {@code WasiContext}) is on the class path: the
 *     world class then gets factories that define WASI too
 */
public record Bindings(String packageName, String world, ClassName worldClass, List<Holder> holders,
        java.util.Optional<String> precompiled, boolean wasiHost) {
    public Bindings {
        holders = List.copyOf(holders);
    }

    /** Bindings without a component compiled at build time. */
    public Bindings(String packageName, String world, ClassName worldClass, List<Holder> holders) {
        this(packageName, world, worldClass, holders, java.util.Optional.empty(), false);
    }

    /**
     * These bindings with a component compiled at build time, in the class path resource
     * {@code resource} (a name relative to the world class).
     */
    public Bindings withPrecompiled(String resource) {
        return new Bindings(packageName, world, worldClass, holders, java.util.Optional.of(resource), wasiHost);
    }

    /**
     * Whether the world class defines WASI from a {@code WasiContext}: the {@code wasi} module is on
     * the class path and the world imports no WASI interface itself (the host's implementations
     * would define it twice). A component compiled at build time may then import WASI outside the
     * world.
     */
    public boolean definesWasi() {
        return wasiHost && holders.stream().noneMatch(h -> !h.kind().exported() && h.externName() != null
                && h.externName().startsWith("wasi:"));
    }

    /** These bindings with factories that define WASI (the {@code wasi} module is on the class path). */
    public Bindings withWasiHost() {
        return new Bindings(packageName, world, worldClass, holders, precompiled, true);
    }
}
