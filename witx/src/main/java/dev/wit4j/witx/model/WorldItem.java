package dev.wit4j.witx.model;

import java.util.Objects;

/** What a world imports or exports. */
public sealed interface WorldItem {
    /** An interface instance; inline interfaces have an empty {@link Interface#name()}. */
    record InterfaceItem(Interface iface, Stability stability) implements WorldItem {
        public InterfaceItem {
            Objects.requireNonNull(iface, "iface");
            Objects.requireNonNull(stability, "stability");
        }
    }

    /** A function. */
    record FunctionItem(Function function) implements WorldItem {
        public FunctionItem {
            Objects.requireNonNull(function, "function");
        }
    }

    /** A named type (only imports): from {@code use} in the world or declared in it. */
    record TypeItem(TypeDef type) implements WorldItem {
        public TypeItem {
            Objects.requireNonNull(type, "type");
        }
    }
}
