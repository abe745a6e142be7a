package dev.wit4j.runtime;

import dev.wit4j.binary.Import;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.bindings.FlatHostFunction;
import dev.wit4j.runtime.internal.link.ImportCheck;
import dev.wit4j.runtime.internal.link.Item;
import dev.wit4j.runtime.internal.link.VersionMatch;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The host's side of linking: an explicit set of definitions that satisfy a component's imports.
 * There is no global registry; each linker holds exactly what it was given.
 *
 * <pre>{@code
 * Linker linker = engine.linker();
 * linker.func("log", args -> { System.out.println(args.get(0)); return Optional.empty(); });
 * linker.instance("example:kv/store@0.2.12")                  // also satisfies imports of @0.2.10
 *       .resource("bucket", HostResource.create("bucket", rep -> close(rep)))
 *       .func("[constructor]bucket", args -> Optional.of(bucket.own(open())));
 * linker.instance("example:calc/api", otherInstance.exportedInstance("example:calc/api"));
 * linker.value("port", Value.u16(8080));                      // a (value u16) import
 * InstancePre pre = linker.instantiatePre(component);       // resolve + type-check once
 * Instance a = pre.instantiate(), b = pre.instantiate();     // cheap
 * }</pre>
 *
 * <p>Interface names are matched as wasmtime does: an exact name first; otherwise a definition of
 * the same interface whose version is semver-compatible (same major version, or for {@code 0.x}
 * the same minor version) with the imported one, the highest such version winning. Definitions of
 * root functions, resources, core modules and components work like those of {@link LinkerInstance}.
 *
 * <p>A linker is not thread-safe while it is being filled; {@link InstancePre} takes a snapshot.
 */
public final class Linker {

    private final Engine engine;
    private final LinkerInstance root = new LinkerInstance(null);
    private Limits limits = Limits.NONE;
    private boolean confined;

    Linker(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The engine this linker belongs to. */
    public Engine engine() {
        return engine;
    }

    /**
     * Holds every instance this linker creates from now on (directly or through an
     * {@link InstancePre} made later) to {@code limits}; {@link Limits#NONE} by default.
     */
    public Linker limits(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /** The limits instances created by this linker are held to. */
    public Limits limits() {
        return limits;
    }

    /**
     * Whether every instance this linker creates from now on (directly or through an
     * {@link InstancePre} made later) is confined to the thread that creates it; false by default.
     *
     * <p>An instance runs one call at a time. One that is not confined may be called from any
     * thread, one thread after another, and refuses a call made while another thread's call runs
     * in it: to refuse it for certain, each call takes the instance with an atomic
     * compare-and-set, which costs more than a short call itself (about two thirds of a typed
     * call of {@code add(u32, u32)}). A confined instance is called only by the thread that created
     * it and refuses every other thread's call with an {@link IllegalStateException} (as the JDK's
     * confined {@code Arena} refuses other threads); its calls check the thread and take no atomic
     * instruction. Confine the instances of a program that creates and calls each instance on one
     * thread (each thread its own instance, from a shared {@link InstancePre}, as a server does).
     */
    public Linker confined(boolean confined) {
        this.confined = confined;
        return this;
    }

    /** Whether instances created by this linker are confined to the thread that creates them. */
    public boolean confined() {
        return confined;
    }

    /** Defines the root function {@code name}, implemented by the host. */
    public Linker func(String name, HostFunction function) {
        root.func(name, function);
        return this;
    }

    /** Defines the root function {@code name} on flat core values; see {@link LinkerInstance#flatFunc}. */
    public Linker flatFunc(String name, String coreSignature, FlatHostFunction function) {
        root.flatFunc(name, coreSignature, function);
        return this;
    }

    /** Defines the root function {@code name} as a function exported by a component instance. */
    public Linker func(String name, Func function) {
        root.func(name, function);
        return this;
    }

    /** Defines the root 🪙 value {@code name}; see {@link LinkerInstance#value}. */
    public Linker value(String name, Value value) {
        root.value(name, value);
        return this;
    }

    /** Defines the root resource type {@code name} as a host resource. */
    public Linker resource(String name, HostResource resource) {
        root.resource(name, resource);
        return this;
    }

    /** Defines the component import {@code name}. */
    public Linker component(String name, Component component) {
        root.component(name, component);
        return this;
    }

    /**
     * Defines the root core module {@code name}, for a component that imports a core module; see
     * {@link LinkerInstance#module(String, byte[])}.
     *
     * @throws WasmFormatException if the bytes are not a valid core module
     */
    public Linker module(String name, byte[] coreModule) {
        root.module(name, coreModule);
        return this;
    }

    /**
     * The instance {@code name} (usually an interface name such as {@code wasi:cli/stdout@0.2.0}),
     * created empty on first use, to define its functions and resources.
     */
    public LinkerInstance instance(String name) {
        return root.instance(name);
    }

    /** Defines the instance {@code name} as an instance exported by a component instance. */
    public Linker instance(String name, ExportedInstance instance) {
        root.instance(name, instance);
        return this;
    }

    /** Defines the instance {@code name} as all exports of a component instance. */
    public Linker instance(String name, Instance instance) {
        root.instance(name, instance);
        return this;
    }

    /**
     * Resolves and type-checks the imports of {@code component} once.
     *
     * @throws LinkException naming the first import that is missing or does not match
     */
    public InstancePre instantiatePre(Component component) {
        Map<String, Item> defined = root.snapshot().exports();
        Map<String, Item> resolved = new LinkedHashMap<>();
        Map<String, TypeView.Extern> expected =
                component.type().map(TypeView.Component::imports).orElse(null);
        Iterable<String> names = expected != null ? expected.keySet() : binaryImportNames(component);
        ImportCheck check = new ImportCheck();
        for (String name : names) {
            Item item = VersionMatch.lookup(defined, name);
            if (item == null
                    && expected != null
                    && expected.get(name) instanceof TypeView.Extern.TypeItem t
                    && !(t.referenced() instanceof TypeView.Resource
                            && t.referenced().equals(t.created()))) {
                continue; // a type import with an equality bound needs no definition
            }
            if (item == null
                    && expected != null
                    && expected.get(name) instanceof TypeView.Extern.InstanceItem i
                    && ImportCheck.needsNoDefinition(i.type())) {
                // as in wasmtime, an instance that only exports bound types need not be supplied
                item = new Item.Instance(Map.of());
            }
            if (item == null) {
                throw new LinkException(
                        name,
                        "no definition in the linker" + VersionMatch.nearMisses(defined.keySet(), name)
                                + wasiHint(name, defined.keySet()));
            }
            if (expected != null) {
                check.check(name, expected.get(name), item);
            }
            resolved.put(name, item);
        }
        return new InstancePre(component, resolved, limits, confined);
    }

    /**
     * For a missing WASI import when the linker has no WASI at all: how to add it (most components
     * built by real toolchains import WASI, and the host's implementation is in another artifact).
     */
    private static String wasiHint(String name, Set<String> defined) {
        if (!name.startsWith("wasi:") || defined.stream().anyMatch(d -> d.startsWith("wasi:"))) {
            return "";
        }
        return "; it is a WASI interface: add the WASI host to the linker with"
                + " WasiContext.builder()...build().addToLinker(linker) (artifact dev.wit4j:wit4j-wasi)";
    }

    /** {@code instantiatePre(component).instantiate()}. */
    public Instance instantiate(Component component) {
        return instantiatePre(component).instantiate();
    }

    private static Iterable<String> binaryImportNames(Component component) {
        List<String> names = new ArrayList<>();
        for (Section.ImportSection s : component.code().component().sections(Section.ImportSection.class)) {
            for (Import i : s.imports()) {
                names.add(i.name().name());
            }
        }
        return names;
    }
}
