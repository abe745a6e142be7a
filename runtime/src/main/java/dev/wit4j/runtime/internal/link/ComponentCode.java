package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.CoreModuleBinary;
import dev.wit4j.binary.Section;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Limits;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.internal.engine.CoreModule;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A component ready to be instantiated: its decoded sections, the compiled core modules of the
 * whole binary, and for a nested component the frame of the enclosing component instance (the
 * environment its outer aliases read). Immutable and shareable between threads as long as
 * {@code enclosing} is only read. Internal.
 */
public final class ComponentCode {

    private final Component component;
    private final Map<CoreModuleBinary, CoreModule> modules;
    /** The plans of the outermost component and of every component nested in it, shared by all their codes. */
    private final Map<Component, ComponentPlan> plans;

    private final Frame enclosing;
    private final String name;
    private final ExecutionMode mode;
    /** The type an export ascribed to this component, which narrows its instances' exports; or null. */
    private final RtType.Component ascription;

    private final long maxStringByteLength;

    private ComponentCode(
            Component component,
            Map<CoreModuleBinary, CoreModule> modules,
            Map<Component, ComponentPlan> plans,
            Frame enclosing,
            String name,
            ExecutionMode mode,
            RtType.Component ascription,
            long maxStringByteLength) {
        this.component = Objects.requireNonNull(component, "component");
        this.modules = modules;
        this.plans = plans;
        this.enclosing = enclosing;
        this.name = name;
        this.mode = mode;
        this.ascription = ascription;
        this.maxStringByteLength = maxStringByteLength;
    }

    /**
     * The code of an outermost component: {@code coreModules} are the validator's modules in binary
     * order (depth-first through nested components), matched here to their module sections.
     */
    public static ComponentCode root(Component component, List<CoreModule> coreModules, ExecutionMode mode) {
        return root(component, coreModules, mode, Layout.MAX_STRING_BYTE_LENGTH);
    }

    /** {@link #root(Component, List, ExecutionMode)} with the engine's string length limit. */
    public static ComponentCode root(
            Component component, List<CoreModule> coreModules, ExecutionMode mode, long maxStringByteLength) {
        Map<CoreModuleBinary, CoreModule> modules = new IdentityHashMap<>();
        int[] next = {0};
        collect(component, coreModules, modules, next);
        if (next[0] != coreModules.size()) {
            throw new IllegalStateException(
                    "found " + next[0] + " module sections for " + coreModules.size() + " validated core modules");
        }
        Map<Component, ComponentPlan> plans = ComponentPlan.all(component);
        return new ComponentCode(
                component,
                modules,
                plans,
                null,
                plans.get(component).name().orElse(null),
                mode,
                null,
                maxStringByteLength);
    }

    private static void collect(
            Component c, List<CoreModule> coreModules, Map<CoreModuleBinary, CoreModule> out, int[] next) {
        for (Section s : c.sections()) {
            if (s instanceof Section.ModuleSection m) {
                out.put(m.module(), coreModules.get(next[0]++));
            } else if (s instanceof Section.ComponentSection n) {
                collect(n.component(), coreModules, out, next);
            }
        }
    }

    /** Whether this is the code of a component loaded whole (not one defined inside another). */
    public boolean isOutermost() {
        return enclosing == null;
    }

    /** A nested component defined (or exported) in {@code enclosing}. */
    ComponentCode nested(Component nested, Frame enclosing, String fallbackName) {
        return new ComponentCode(
                nested,
                modules,
                plans,
                enclosing,
                plans.get(nested).name().orElse(fallbackName),
                mode,
                null,
                maxStringByteLength);
    }

    /** The same code under another name (used when a component is exported or imported by name). */
    public ComponentCode named(String newName) {
        return new ComponentCode(component, modules, plans, enclosing, newName, mode, ascription, maxStringByteLength);
    }

    /**
     * The same code seen through the component type an export ascribed to it: its instances
     * export only what {@code type} declares.
     */
    ComponentCode ascribed(RtType.Component type) {
        return new ComponentCode(component, modules, plans, enclosing, name, mode, type, maxStringByteLength);
    }

    /** The ascribed component type, or null. */
    RtType.Component ascription() {
        return ascription;
    }

    /** What instantiating this component needs of its binary, worked out when it was loaded. */
    ComponentPlan plan() {
        return plans.get(component);
    }

    /** The decoded component. */
    public Component component() {
        return component;
    }

    /** The component's name (name section, or the path it was reached by), or null. */
    public String name() {
        return name;
    }

    /** How core code runs. */
    public ExecutionMode mode() {
        return mode;
    }

    /** The longest string the canonical ABI lifts in this component's instances (the engine's setting). */
    long maxStringByteLength() {
        return maxStringByteLength;
    }

    Frame enclosing() {
        return enclosing;
    }

    CoreModule module(CoreModuleBinary binary) {
        CoreModule m = modules.get(binary);
        if (m == null) {
            throw new IllegalStateException("core module at offset " + binary.offset() + " was not validated");
        }
        return m;
    }

    /**
     * Instantiates the component with {@code imports} (by import name): runs the instantiation
     * interpreter over its sections.
     *
     * @param instanceName the name used for the instance in traps
     * @throws dev.wit4j.runtime.LinkException if an import is missing or of the wrong kind, or an
     *     unsupported feature is used
     * @throws dev.wit4j.runtime.Trap if a start function or core initialisation traps
     */
    public InstanceResult instantiate(Map<String, Item> imports, String instanceName) {
        return instantiate(imports, instanceName, Limits.NONE, false);
    }

    /**
     * {@link #instantiate(Map, String)} held to {@code limits}, and confined to the current thread
     * if {@code confined} (every other thread's call is refused).
     */
    public InstanceResult instantiate(Map<String, Item> imports, String instanceName, Limits limits, boolean confined) {
        return Interpreter.instantiate(this, imports, instanceName, null, Quota.of(limits, confined));
    }
}
