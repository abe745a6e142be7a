package dev.wit4j.runtime.internal.validate;

import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreImport;
import java.util.List;
import java.util.Map;

/** An entry of a component's core type index space. */
sealed interface CoreType {

    /** A core function type; {@code shared} when declared {@code (shared (func ...))} (shared-everything threads). */
    record Func(CoreFuncType type, boolean shared) implements CoreType {}

    /** A core GC struct or array type; components can only pass these around. */
    record Other(String description, boolean shared) implements CoreType {}

    /** A core module type: imports in order and exports by name. */
    record Module(List<CoreImport> imports, Map<String, CoreExternType> exports) implements CoreType {
        public Module {
            imports = List.copyOf(imports);
            exports = Maps.frozen(exports);
        }
    }
}
