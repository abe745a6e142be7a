package dev.wit4j.runtime;

import dev.wit4j.runtime.internal.link.HostDrops;
import dev.wit4j.runtime.internal.link.InstanceResult;
import dev.wit4j.runtime.value.Value;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * An instance of a {@link Component}: its own core instances, memories, tables, globals and handle
 * tables (shared-nothing), and its exports.
 *
 * <pre>{@code
 * Instance instance = linker.instantiate(component);
 * instance.func("shout").call(Value.string("hi"));
 * instance.func("example:calc/api#add").call(Value.u32(1), Value.u32(2));
 * instance.exportedInstance("example:calc/api").func("add");   // the same function
 * Component later = instance.component("stage2");               // staged instantiation
 * }</pre>
 *
 * <p><b>One call at a time:</b> an instance (and every {@link Func} taken from it) runs one call at
 * a time. It may be handed from thread to thread between calls (what a call wrote is seen by the
 * next, on any thread), but a call made while another thread's call runs in it is refused with an
 * {@link IllegalStateException} naming that thread, before anything is touched; give each thread
 * its own instance instead (instances are cheap, see {@link InstancePre}). A {@link Trap} poisons the instance it happened in (the spec's lockdown):
 * later calls trap with {@link Trap.Reason#CANNOT_ENTER}; other instances are unaffected.
 */
public final class Instance {

    private final Component component;
    private final InstanceResult result;

    Instance(Component component, InstanceResult result) {
        this.component = component;
        this.result = result;
    }

    /** The component this is an instance of. */
    public Component component() {
        return component;
    }

    /** The instance's name as used in traps. */
    public String name() {
        return result.name();
    }

    /** Whether a trap has poisoned this instance. */
    public boolean isPoisoned() {
        return result.isPoisoned();
    }

    /**
     * Stops the call running in this instance, if any, from another thread: the guest stops at its
     * next loop back edge or indirect call, the call throws a {@link Trap} of reason
     * {@link Trap.Reason#INTERRUPTED}, and the instance is poisoned (others are unaffected). The
     * guest is stopped by interrupting the thread running the call ({@link Thread#interrupt()},
     * which the core engine checks); a blocking host function it is in sees the interrupt too. The
     * interrupt is taken back from that thread when the call ends, so the thread's own interrupt
     * status is left as it was.
     *
     * @return whether a call was running and was told to stop; false if none was
     */
    public boolean interrupt() {
        return result.interrupt();
    }

    /** The names of the exports, in order. */
    public Set<String> exportNames() {
        return result.exports().keySet();
    }

    /**
     * The exported function {@code name}: a root export ({@code shout}) or, written
     * {@code iface#name}, a function of an exported instance ({@code example:calc/api#add}).
     *
     * @throws java.util.NoSuchElementException if there is no such function
     */
    public Func func(String name) {
        int hash = name.lastIndexOf('#');
        if (hash > 0 && !result.exports().containsKey(name)) {
            return exportedInstance(name.substring(0, hash)).func(name.substring(hash + 1));
        }
        return Exports.func(name, result.exports(), name);
    }

    /** {@link #func(String)}, or empty if there is no such function. */
    public Optional<Func> findFunc(String name) {
        try {
            return Optional.of(func(name));
        } catch (NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /**
     * The exported 🪙 value {@code name} (Explainer.md "Value Definitions"): a root export, or,
     * written {@code iface#name}, a value of an exported instance. Values are computed at
     * instantiation (by value definitions, imports and start functions), so this only reads them.
     *
     * @throws java.util.NoSuchElementException if there is no such value
     */
    public Value value(String name) {
        int hash = name.lastIndexOf('#');
        if (hash > 0 && !result.exports().containsKey(name)) {
            return exportedInstance(name.substring(0, hash)).value(name.substring(hash + 1));
        }
        return Exports.value(result.exports(), name);
    }

    /**
     * The exported instance {@code name} (for example {@code example:calc/api}); a versioned name
     * also finds an export at a semver-compatible version, as the linker matches imports
     * ({@code wasi:http/incoming-handler@0.2.12} finds one exported at {@code 0.2.10}).
     */
    public ExportedInstance exportedInstance(String name) {
        return Exports.exportedInstance(component.engine(), name, result.exports(), name, component.exports());
    }

    /**
     * The exported component {@code name}: a component that can be instantiated now, with further
     * imports, through a {@link Linker} (staged instantiation). Its outer aliases keep referring to
     * this instance's definitions.
     */
    public Component component(String name) {
        return Exports.component(component.engine(), name, result.exports(), name, component.exports());
    }

    /**
     * Drops an owned handle that the host received from a component (for example from a resource
     * constructor): the resource's destructor runs in the component instance that implements it,
     * as when a component drops an owned handle. The handle must not be used afterwards.
     *
     * @throws IllegalArgumentException if the handle is not one of a component-defined resource
     * @throws Trap if the destructor traps or its instance cannot be entered
     */
    public static void drop(Value.Own handle) {
        HostDrops.drop(handle);
    }

    InstanceResult result() {
        return result;
    }

    @Override
    public String toString() {
        return "instance " + name();
    }
}
