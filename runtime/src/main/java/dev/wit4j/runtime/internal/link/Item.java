package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A definition that can be imported or exported by a component instance (Explainer.md
 * {@code sort}s at the component level): a function, a type, an instance (a bundle of named
 * items), a component, a core module or a value. Internal.
 */
public sealed interface Item {

    /** The sort in words, for messages: "function", "instance", ... */
    String kind();

    /** A function, with the type it has where it was defined, imported or exported (may be empty for untyped host functions). */
    record Func(ComponentFunc func, FuncSig sig) implements Item {
        public Func {
            Objects.requireNonNull(func, "func");
        }

        public String kind() {
            return "function";
        }
    }

    /** A type: a value type, a resource type, a function/instance/component type. */
    record Type(RtType type) implements Item {
        public Type {
            Objects.requireNonNull(type, "type");
        }

        public String kind() {
            return type instanceof RtType.Resource ? "resource type" : "type";
        }
    }

    /** An instance: its exports by name, in order. */
    record Instance(Map<String, Item> exports) implements Item {
        public Instance {
            exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
        }

        public String kind() {
            return "instance";
        }
    }

    /** A component (not yet instantiated), with the environment of its definition. */
    record Component(ComponentCode code) implements Item {
        public Component {
            Objects.requireNonNull(code, "code");
        }

        public String kind() {
            return "component";
        }
    }

    /** A core module. */
    record Module(CoreModule module) implements Item {
        public Module {
            Objects.requireNonNull(module, "module");
        }

        public String kind() {
            return "core module";
        }
    }

    /** A value (🪙). */
    record ValueItem(Value value) implements Item {
        public ValueItem {
            Objects.requireNonNull(value, "value");
        }

        public String kind() {
            return "value";
        }
    }
}
