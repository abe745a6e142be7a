package dev.wit4j.runtime;

import dev.wit4j.runtime.internal.link.Item;
import dev.wit4j.runtime.internal.link.VersionMatch;
import dev.wit4j.runtime.value.Value;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The exports of an {@link Instance} or an {@link ExportedInstance}, looked up by name: the same
 * rules and messages for both.
 */
final class Exports {

    private Exports() {}

    static Func func(String path, Map<String, Item> exports, String name) {
        Item item = exports.get(name);
        if (item instanceof Item.Func f) {
            return new Func(path, f);
        }
        throw missing("function", name, exports);
    }

    static Value value(Map<String, Item> exports, String name) {
        Item item = exports.get(name);
        if (item instanceof Item.ValueItem v) {
            return v.value();
        }
        throw missing("value", name, exports);
    }

    static ExportedInstance exportedInstance(
            Engine engine, String path, Map<String, Item> exports, String name, Map<String, TypeView.Extern> types) {
        // an interface at a semver-compatible version, as the linker matches imports
        String key = VersionMatch.key(exports, name);
        Item item = key == null ? null : exports.get(key);
        if (item instanceof Item.Instance i) {
            TypeView.Extern t = types == null ? null : types.get(key);
            return new ExportedInstance(
                    engine, path, i, t instanceof TypeView.Extern.InstanceItem ii ? ii.type() : null);
        }
        throw missing("instance", name, exports);
    }

    static Component component(
            Engine engine, String path, Map<String, Item> exports, String name, Map<String, TypeView.Extern> types) {
        Item item = exports.get(name);
        if (item instanceof Item.Component c) {
            TypeView.Extern t = types == null ? null : types.get(name);
            return new Component(
                    engine,
                    c.code().named(c.code().name() != null ? c.code().name() : path),
                    t instanceof TypeView.Extern.ComponentItem ci ? ci.type() : null);
        }
        throw missing("component", name, exports);
    }

    static NoSuchElementException missing(String what, String name, Map<String, Item> exports) {
        return new NoSuchElementException("no exported " + what + " `" + name + "`; exports: " + exports.keySet());
    }
}
