package dev.wit4j.runtime.wit;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Extern;

/**
 * The shape of a {@code component-type} custom section: a component exporting one component type,
 * which imports nothing and exports one component (the world) named {@code ns:pkg/world@ver}.
 */
final class EmbeddedWorld {
    private EmbeddedWorld() {}

    /** The component type that wraps the world: its single export is the world. */
    static TypeView.Component worldType(TypeView.Component outer, ComponentTypeSections.Section s) {
        if (outer.exports().size() != 1
                || !(outer.exports().values().iterator().next() instanceof Extern.TypeItem t)
                || !(t.referenced() instanceof TypeView.Component wrapper)) {
            throw bad(s, "expected one export of a component type");
        }
        if (!wrapper.imports().isEmpty()
                || wrapper.exports().size() != 1
                || !(wrapper.exports().values().iterator().next() instanceof Extern.ComponentItem)) {
            throw bad(s, "expected a component type that exports one component (the world)");
        }
        return wrapper;
    }

    private static WitDecodingException bad(ComponentTypeSections.Section s, String what) {
        return new WitDecodingException("custom section `" + s.name() + "`: " + what, s.offset());
    }
}
