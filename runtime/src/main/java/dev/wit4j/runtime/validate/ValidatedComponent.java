package dev.wit4j.runtime.validate;

import dev.wit4j.runtime.engine.CoreModule;
import java.util.List;

/**
 * The outcome of validating a component: it is valid, and these are its core modules (of the
 * outermost and all nested components, in the order they appear in the binary), already decoded
 * and validated by the core engine so that instantiation need not parse them again.
 */
public final class ValidatedComponent {

    private final List<CoreModule> coreModules;

    ValidatedComponent(List<CoreModule> coreModules) {
        this.coreModules = List.copyOf(coreModules);
    }

    /** The core modules in binary order (depth-first through nested components). */
    public List<CoreModule> coreModules() {
        return coreModules;
    }
}
