package dev.wit4j.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything generated for one world.
 *
 * @param packageName the Java package (the annotated one)
 * @param world the WIT world, e.g. {@code wasi:cli/command@0.2.0}
 * @param worldClass the world class (UpperCamel of the world name)
 * @param holders the top-level Java interfaces, one per imported or exported interface (plus the
 *     world's own imported and exported functions and types)
 * @param typeUses for each holder, the other holders whose types its types and functions use
 * @param precompiled the class path resource (relative to the world class) holding the component
 *     compiled at build time, if {@code @WitWorld(component = …)} named one
 * @param wasiHost whether the {@code wasi} module (its {@code WasiContext}) is on the class path: the
 *     world class then gets factories that define WASI too
 * @param hostedWasi the world's WASI imports that the {@code wasi} module defines, left out of
 *     {@code holders} ({@link #withWasiHost()})
 */
public record Bindings(
        String packageName,
        String world,
        ClassName worldClass,
        List<Holder> holders,
        Map<ClassName, Set<ClassName>> typeUses,
        Optional<String> precompiled,
        boolean wasiHost,
        List<Holder> hostedWasi) {
    public Bindings {
        holders = List.copyOf(holders);
        typeUses = Map.copyOf(typeUses);
        hostedWasi = List.copyOf(hostedWasi);
    }

    /** Bindings without a component compiled at build time. */
    public Bindings(
            String packageName,
            String world,
            ClassName worldClass,
            List<Holder> holders,
            Map<ClassName, Set<ClassName>> typeUses) {
        this(packageName, world, worldClass, holders, typeUses, Optional.empty(), false, List.of());
    }

    /**
     * These bindings with a component compiled at build time, in the class path resource
     * {@code resource} (a name relative to the world class).
     */
    public Bindings withPrecompiled(String resource) {
        return new Bindings(
                packageName, world, worldClass, holders, typeUses, Optional.of(resource), wasiHost, hostedWasi);
    }

    /**
     * Whether the world class defines WASI from a {@code WasiContext}: the {@code wasi} module is on
     * the class path and every WASI interface the world imports is left to it (the application's
     * implementations and the host's would otherwise define them twice). A component compiled at
     * build time may then import WASI outside the world.
     */
    public boolean definesWasi() {
        return wasiHost && holders.stream().noneMatch(Bindings::isWasiImport);
    }

    /**
     * These bindings with factories that define WASI (the {@code wasi} module is on the class path).
     * The WASI interfaces the world imports are left to that module, as wit-bindgen's {@code with}
     * maps interfaces to existing bindings, unless another interface of the world uses their types:
     * a handle the application made would then meet the host's resources, which are not the same
     * Java types, so the application implements them all itself ({@link #wasiUsedBy()} says why).
     */
    public Bindings withWasiHost() {
        List<Holder> wasi = holders.stream().filter(Bindings::isWasiImport).toList();
        if (wasiUsers(wasi).isEmpty()) {
            List<Holder> rest = holders.stream().filter(h -> !isWasiImport(h)).toList();
            return new Bindings(packageName, world, worldClass, rest, typeUses, precompiled, true, wasi);
        }
        return new Bindings(packageName, world, worldClass, holders, typeUses, precompiled, true, List.of());
    }

    /**
     * Why the world's WASI imports are the application's to implement although the {@code wasi}
     * module is there: which of its other interfaces use their types (empty if none does, or the
     * world imports no WASI).
     */
    public Optional<String> wasiUsedBy() {
        if (!wasiHost) return Optional.empty();
        Map<ClassName, List<String>> users =
                wasiUsers(holders.stream().filter(Bindings::isWasiImport).toList());
        return users.isEmpty()
                ? Optional.empty()
                : Optional.of(users.entrySet().stream()
                        .map(u -> "`" + u.getKey().simpleName() + "` uses types of " + String.join(", ", u.getValue()))
                        .collect(Collectors.joining("; ")));
    }

    /** The holders, other than {@code wasi}, that use types of {@code wasi}: with those interfaces' names. */
    private Map<ClassName, List<String>> wasiUsers(List<Holder> wasi) {
        Map<ClassName, String> names = wasi.stream().collect(Collectors.toMap(Holder::name, Holder::witName));
        Map<ClassName, List<String>> users = new LinkedHashMap<>();
        for (Holder h : holders) {
            if (names.containsKey(h.name())) continue;
            List<String> used = typeUses.getOrDefault(h.name(), Set.of()).stream()
                    .filter(names::containsKey)
                    .map(names::get)
                    .toList();
            if (!used.isEmpty()) users.put(h.name(), used);
        }
        return users;
    }

    /** An interface the world imports from WASI. */
    private static boolean isWasiImport(Holder h) {
        return !h.kind().exported() && h.externName() != null && h.externName().startsWith("wasi:");
    }
}
