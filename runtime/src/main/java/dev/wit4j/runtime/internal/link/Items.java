package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.HostFunction;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.bindings.FlatHostFunction;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Factories for items the host defines. Internal. */
public final class Items {

    private Items() {}

    /** A host function as an (untyped) function item: it takes the type of the import it satisfies. */
    public static Item.Func host(String name, HostFunction function) {
        return new Item.Func(new HostFunc(name, function), null);
    }

    /**
     * A host function on flat core values, written for the flattened core signature
     * {@code coreSignature} (spelled {@code i32 i32 -> i32}), checked when a component lowers it.
     */
    public static Item.Func flatHost(String name, String coreSignature, FlatHostFunction function) {
        return new Item.Func(new FlatHostFunc(name, coreSignature, function), null);
    }

    /**
     * The typed face of an exported function: only functions lifted from a component's core code
     * have one.
     *
     * @throws UnsupportedOperationException for other functions (e.g. a host function re-exported)
     */
    public static ExportFunction typed(ComponentFunc function) {
        if (function instanceof LiftedFunc lifted && lifted.isAsync()) {
            throw new UnsupportedOperationException("function `" + function.name() + "` is lifted with the async ABI,"
                    + " which generated bindings do not call yet: call it through the dynamic API");
        }
        if (function instanceof LiftedFunc lifted) {
            return new TypedLift(lifted);
        }
        throw new UnsupportedOperationException("function `" + function.name() + "` is not lifted from a component's"
                + " core code (it re-exports a host function): call it through the dynamic API");
    }

    /** A function implemented by the host; arguments and result are checked by the caller's lowering. */
    private record HostFunc(String name, HostFunction function) implements ComponentFunc {
        HostFunc {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(function, "function");
        }

        @Override
        public Optional<FuncSig> signature() {
            return Optional.empty();
        }

        @Override
        public Optional<Value> invoke(List<Value> args) {
            Optional<Value> result = function.call(args);
            if (result == null) {
                throw new IllegalStateException("host function `" + name + "` returned null instead of an Optional");
            }
            return result;
        }
    }
}
