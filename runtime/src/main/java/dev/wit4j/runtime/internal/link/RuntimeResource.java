package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * A resource type at run time, with the one synthetic WIT definition that stands for it in every
 * value type that mentions it (so that both sides of a call agree on its name) and its destructor.
 * Internal: not part of the public API.
 *
 * <p>A component instance creates a fresh one for every {@code (type (resource ...))} it defines
 * (Explainer.md "Resource types": each instantiation generates a new type); the host creates its own
 * through {@link dev.wit4j.runtime.HostResource}.
 */
public final class RuntimeResource {

    private static final AtomicLong IDS = new AtomicLong();
    private static final PackageName RUNTIME = new PackageName("wit4j", "runtime", Optional.empty());

    /** Runs a resource's destructor for a representation; {@code caller} is the dropping instance. */
    interface Destructor {
        void destroy(int rep, InstanceState caller);
    }

    /**
     * Every live resource's definition, so that any lift or lower can find its run-time type. Weak
     * both ways: the type (and its destructor, which reaches the defining instance's memory) must
     * not keep its own definition, and with it the instance, alive after the instance is dropped.
     */
    private static final Map<TypeDef, WeakReference<ResourceType>> BY_DEF =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final ResourceType type;
    private final TypeDef def;
    private final Destructor destructor;

    RuntimeResource(String name, Object implementer, Destructor destructor) {
        this.type = new ResourceType(name, implementer);
        this.def = new TypeDef(
                name,
                new TypeOwner.InInterface(RUNTIME, "resource-" + IDS.incrementAndGet()),
                TypeDefKind.RESOURCE,
                Docs.NONE,
                Stability.UNKNOWN,
                SourcePos.NONE);
        this.destructor = destructor;
        BY_DEF.put(def, new WeakReference<>(type));
    }

    /**
     * The run-time type behind a synthetic definition made by this class (definitions are unique
     * per resource type, so one table serves every instance).
     */
    static ResourceType typeOf(TypeDef def) {
        WeakReference<ResourceType> ref = BY_DEF.get(def);
        ResourceType rt = ref == null ? null : ref.get();
        if (rt == null) {
            throw new IllegalStateException("no run-time resource type for " + def);
        }
        return rt;
    }

    /** How many resource types are alive (for tests: dropped instances' types must go). */
    static int live() {
        return BY_DEF.size();
    }

    /** A host-defined resource type; {@code destructor} may be null. */
    public static RuntimeResource host(String name, IntConsumer destructor) {
        return new RuntimeResource(name, null, destructor == null ? null : (rep, caller) -> destructor.accept(rep));
    }

    /** The run-time type (identity). */
    public ResourceType type() {
        return type;
    }

    /** The synthetic WIT definition used in value types ({@code own<def>}, {@code borrow<def>}). */
    public TypeDef def() {
        return def;
    }

    /** Runs the destructor, if there is one, for an owned handle dropped by {@code caller}. */
    void destroy(int rep, InstanceState caller) {
        if (destructor != null) {
            destructor.destroy(rep, caller);
        }
    }

    /**
     * Why a provided type is not {@code expected}: "mismatched resource types" naming both, each
     * with who defines it (two resources are often called alike).
     */
    static String mismatch(RuntimeResource expected, RtType found) {
        return mismatch(expected.type, found instanceof RtType.Resource r ? r.resource().type : null);
    }

    /** {@link #mismatch(RuntimeResource, RtType)} of two run-time types ({@code found} null: a value type). */
    static String mismatch(ResourceType expected, ResourceType found) {
        return "mismatched resource types: expected " + describe(expected) + ", found "
                + (found == null ? "a value type" : describe(found));
    }

    /** A resource type as a message names it: its name and the host or instance that defines it. */
    private static String describe(ResourceType type) {
        return type.implementer()
                .map(i -> "resource `" + type.name() + "` of "
                        + (i instanceof InstanceState s ? "instance `" + s.name() + "`" : "a component instance"))
                .orElse("the host's resource `" + type.name() + "`");
    }

    @Override
    public String toString() {
        return "resource " + def.name();
    }
}
