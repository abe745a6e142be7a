package dev.wit4j.runtime;

import dev.wit4j.runtime.internal.link.Item;
import dev.wit4j.runtime.value.Value;
import java.util.Set;

/**
 * An instance exported by a component instance (typically an interface such as
 * {@code example:calc/api}): its functions, nested instances and components by name. Shares the
 * one-call-at-a-time rule of the {@link Instance} it belongs to.
 */
public final class ExportedInstance {

    private final Engine engine;
    private final String path;
    private final Item.Instance item;
    private final TypeView.Instance type;

    ExportedInstance(Engine engine, String path, Item.Instance item, TypeView.Instance type) {
        this.engine = engine;
        this.path = path;
        this.item = item;
        this.type = type;
    }

    /** The export path of this instance. */
    public String name() {
        return path;
    }

    /** The names of the exports. */
    public Set<String> exportNames() {
        return item.exports().keySet();
    }

    /** The exported function {@code name}; the {@link Func#name()} is {@code path#name}. */
    public Func func(String name) {
        return Exports.func(path + "#" + name, item.exports(), name);
    }

    /** The exported 🪙 value {@code name}. */
    public Value value(String name) {
        return Exports.value(item.exports(), name);
    }

    /** The exported instance {@code name}. */
    public ExportedInstance exportedInstance(String name) {
        return Exports.exportedInstance(
                engine, path + "/" + name, item.exports(), name, type == null ? null : type.exports());
    }

    /** The exported component {@code name}, to instantiate later (staged instantiation). */
    public Component component(String name) {
        return Exports.component(engine, path + "/" + name, item.exports(), name, type == null ? null : type.exports());
    }

    Item.Instance item() {
        return item;
    }

    @Override
    public String toString() {
        return "exported instance " + path;
    }
}
