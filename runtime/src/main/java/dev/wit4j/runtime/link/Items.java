package dev.wit4j.runtime.link;

import dev.wit4j.runtime.HostFunction;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Factories for items the host defines. Internal. */
public final class Items {

    private Items() {
    }

    /** A host function as an (untyped) function item: it takes the type of the import it satisfies. */
    public static Item.Func host(String name, HostFunction function) {
        return new Item.Func(new HostFunc(name, function), null);
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
