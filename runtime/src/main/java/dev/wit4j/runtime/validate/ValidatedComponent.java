package dev.wit4j.runtime.validate;

import dev.wit4j.runtime.engine.CoreModule;
import java.util.List;

/**
 * The outcome of validating a component: it is valid, and these are its core modules (of the
 * outermost and all nested components, in the order they appear in the binary), already decoded
 * and validated by the core engine so that instantiation need not parse them again; and its
 * {@linkplain #type() type}.
 */
public final class ValidatedComponent {

    private final List<CoreModule> coreModules;
    private final ComponentType type;
    private TypeView.Component view;

    ValidatedComponent(List<CoreModule> coreModules, ComponentType type) {
        this.coreModules = List.copyOf(coreModules);
        this.type = type;
    }

    /**
     * The component's type: what it imports and exports, with the types of everything it names,
     * as a read-only view (see {@link TypeView} for how type identity is kept).
     */
    public synchronized TypeView.Component type() {
        if (view == null) view = TypeViews.of(type);
        return view;
    }

    /** The core modules in binary order (depth-first through nested components). */
    public List<CoreModule> coreModules() {
        return coreModules;
    }
}
