package dev.wit4j.runtime;

import dev.wit4j.runtime.internal.link.Item;
import java.util.Map;

/**
 * A component whose imports have been resolved against a {@link Linker} and type-checked, ready to
 * be instantiated any number of times; {@link #instantiate()} only runs the component's
 * instantiation (core instances, start functions), never the lookups and checks again.
 *
 * <p>Thread-safe when every import is a host definition. Imports taken from another component
 * instance make every instance created here call into that one, which runs one call at a time: a
 * call reaching it while another thread's call runs there is refused.
 */
public final class InstancePre {

    private final Component component;
    private final Map<String, Item> imports;
    private final Limits limits;
    private final boolean confined;

    InstancePre(Component component, Map<String, Item> imports, Limits limits, boolean confined) {
        this.component = component;
        this.imports = Map.copyOf(imports);
        this.limits = limits;
        this.confined = confined;
    }

    /** The limits every instance created here is held to (the linker's when this was made). */
    public Limits limits() {
        return limits;
    }

    /**
     * Whether every instance created here is {@linkplain Linker#confined(boolean) confined} to the
     * thread that creates it (the linker's setting when this was made).
     */
    public boolean confined() {
        return confined;
    }

    /** The component to instantiate. */
    public Component component() {
        return component;
    }

    /**
     * A new instance; {@linkplain #confined() confined} to the calling thread if so made.
     *
     * @throws LinkException if a nested component's imports cannot be satisfied or the component
     *     uses a feature the runtime does not support yet
     * @throws Trap if a start function or the initialisation of a core instance traps, or (reason
     *     {@link Trap.Reason#RESOURCE_EXHAUSTED}) the instance would exceed its {@link #limits()}
     */
    public Instance instantiate() {
        String name = component.name().orElse("root");
        return new Instance(component, component.code().instantiate(imports, name, limits, confined));
    }
}
