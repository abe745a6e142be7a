package dev.wit4j.processor.gen;

import com.palantir.javapoet.ClassName;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExportedInstance;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.LinkerInstance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;

/**
 * The runtime's API types that generated world classes name, from the classes themselves (so a
 * rename in the runtime breaks the processor's build, not the users' generated code). What the
 * generated glue calls underneath is in {@link DirectGlue}.
 */
final class RuntimeNames {
    private RuntimeNames() {}

    static final ClassName ENGINE = ClassName.get(Engine.class);
    static final ClassName COMPONENT = ClassName.get(Component.class);
    static final ClassName LINKER = ClassName.get(Linker.class);
    static final ClassName LINKER_INSTANCE = ClassName.get(LinkerInstance.class);
    static final ClassName INSTANCE = ClassName.get(Instance.class);
    static final ClassName EXPORTED_INSTANCE = ClassName.get(ExportedInstance.class);
    static final ClassName HOST_RESOURCE = ClassName.get(HostResource.class);
    static final ClassName TRAP = ClassName.get(Trap.class);
    static final ClassName VALUE = ClassName.get(Value.class);
    static final ClassName OWN = VALUE.nestedClass("Own");

    /** The WASI host of the {@code wasi} module (not a dependency: used only when it is on the class path). */
    static final ClassName WASI_CONTEXT = ClassName.get("dev.wit4j.wasi", "WasiContext");
}
