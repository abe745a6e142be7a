package dev.wit4j.runtime;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.bindings.FlatHostFunction;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.link.Item;
import dev.wit4j.runtime.internal.link.Items;
import dev.wit4j.runtime.internal.link.RtType;
import dev.wit4j.runtime.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The definitions of one instance in a {@link Linker}: what a component that imports an instance
 * of this name (for example {@code wasi:cli/stdout@0.2.0}) finds in it. Obtained from
 * {@link Linker#instance(String)}; every method returns {@code this} for chaining.
 *
 * <pre>{@code
 * linker.instance("example:log/api@1.0.0")
 *       .func("log", args -> { System.out.println(args.get(0)); return Optional.empty(); })
 *       .resource("buffer", HostResource.create("buffer"));
 * }</pre>
 */
public final class LinkerInstance {

    private final String path;
    private final Map<String, Object> definitions = new LinkedHashMap<>();

    LinkerInstance(String path) {
        this.path = path;
    }

    /** Defines the function {@code name}, implemented by the host. */
    public LinkerInstance func(String name, HostFunction function) {
        Objects.requireNonNull(function, "function");
        return define(name, Items.host(qualified(name), function));
    }

    /**
     * Defines the function {@code name}, implemented by the host on flat core values (for
     * generated bindings, see {@link dev.wit4j.runtime.bindings.FlatHostFunction}).
     *
     * @param coreSignature the flattened core signature the function was written for, spelled like
     *     {@code i32 i32 -> i32} ({@code flatten_functype} for {@code canon lower}); a component whose
     *     import flattens differently fails to instantiate with a {@link LinkException}
     */
    public LinkerInstance flatFunc(String name, String coreSignature, FlatHostFunction function) {
        Objects.requireNonNull(function, "function");
        return define(name, Items.flatHost(qualified(name), coreSignature, function));
    }

    /** Defines the function {@code name} as a function exported by another instance. */
    public LinkerInstance func(String name, Func function) {
        return define(name, function.item());
    }

    /**
     * Defines the 🪙 value {@code name}, for a component that imports a {@code (value …)}: a
     * generalized environment variable (Explainer.md "Value Definitions"). The value is checked
     * against the import's value type (or {@code (eq i)} bound) by {@link Linker#instantiatePre}
     * and at instantiation; a mismatch is a {@link LinkException} naming the import.
     */
    public LinkerInstance value(String name, Value value) {
        Objects.requireNonNull(value, "value");
        return define(name, new Item.ValueItem(value));
    }

    /** Defines the resource type {@code name} as a host resource. */
    public LinkerInstance resource(String name, HostResource resource) {
        return define(name, new Item.Type(new RtType.Resource(resource.runtime())));
    }

    /** Defines the component {@code name} (a component import). */
    public LinkerInstance component(String name, Component component) {
        return define(name, new Item.Component(component.code()));
    }

    /**
     * Defines the core module {@code name} (wasmtime's {@code LinkerInstance::module}), for a
     * component that imports a {@code (core module …)}. The module is decoded and validated here;
     * when a component imports it, its imports and exports are checked against the declared
     * module type (Explainer.md, "Type Checking").
     *
     * @param coreModule the module's binary, starting with the {@code \0asm} preamble
     * @throws WasmFormatException if the bytes are not a valid core module
     * @throws IllegalArgumentException if {@code name} is already defined
     */
    public LinkerInstance module(String name, byte[] coreModule) {
        Objects.requireNonNull(coreModule, "coreModule");
        CoreModule parsed = CoreModule.parse(coreModule, 0);
        return define(name, new Item.Module(parsed));
    }

    /**
     * The nested instance {@code name}, created empty on first use; further calls return the same
     * one.
     *
     * @throws IllegalArgumentException if {@code name} is already defined as something else
     */
    public LinkerInstance instance(String name) {
        Object existing = definitions.get(name);
        if (existing instanceof LinkerInstance li) {
            return li;
        }
        if (existing != null) {
            throw new IllegalArgumentException("`" + qualified(name) + "` is already defined");
        }
        LinkerInstance li = new LinkerInstance(qualified(name));
        definitions.put(name, li);
        return li;
    }

    /** Defines the instance {@code name} as an instance exported by a component instance. */
    public LinkerInstance instance(String name, ExportedInstance instance) {
        return define(name, instance.item());
    }

    /** Defines the instance {@code name} as all exports of a component instance. */
    public LinkerInstance instance(String name, Instance instance) {
        return define(name, new Item.Instance(instance.result().exports()));
    }

    private LinkerInstance define(String name, Item item) {
        Objects.requireNonNull(name, "name");
        if (definitions.containsKey(name)) {
            throw new IllegalArgumentException("`" + qualified(name) + "` is already defined");
        }
        definitions.put(name, item);
        return this;
    }

    private String qualified(String name) {
        return path == null ? name : path + "#" + name;
    }

    /** The names defined here and their definitions (an {@link Item} or a nested LinkerInstance). */
    Map<String, Object> definitions() {
        return definitions;
    }

    /** A snapshot of this namespace as an instance item. */
    Item.Instance snapshot() {
        Map<String, Item> out = new LinkedHashMap<>();
        definitions.forEach(
                (name, def) -> out.put(name, def instanceof LinkerInstance li ? li.snapshot() : (Item) def));
        return new Item.Instance(out);
    }
}
