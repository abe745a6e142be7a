package dev.wit4j.runtime;

import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.internal.link.FuncSig;
import dev.wit4j.runtime.internal.link.HandleCheck;
import dev.wit4j.runtime.internal.link.Item;
import dev.wit4j.runtime.internal.link.Items;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function exported by a component instance, called with dynamic {@link Value}s.
 *
 * <pre>{@code
 * Func shout = instance.func("shout");
 * shout.params();                                   // [Param[name=s, type=STRING]]
 * Optional<Value> r = shout.call(Value.string("hi")); // Optional[Str[value=HI!]]
 * }</pre>
 *
 * <p>A call lowers the arguments into the callee, runs it, lifts the result and then runs the
 * callee's {@code post-return} function, so the returned value is independent of guest memory. Like
 * its instance, a {@code Func} must not be called from two threads at once.
 */
public final class Func {

    /** A parameter: its name and type. */
    public record Param(String name, ValueType type) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    private final String name;
    private final Item.Func item;

    Func(String name, Item.Func item) {
        this.name = Objects.requireNonNull(name, "name");
        this.item = Objects.requireNonNull(item, "item");
    }

    /** The export path, e.g. {@code shout} or {@code example:calc/api#add}. */
    public String name() {
        return name;
    }

    /** The parameters in order. */
    public List<Param> params() {
        FuncSig sig = sig();
        List<Param> out = new ArrayList<>();
        for (int i = 0; i < sig.paramTypes().size(); i++) {
            out.add(new Param(sig.paramNames().get(i), sig.paramTypes().get(i)));
        }
        return out;
    }

    /** The result type, or empty for a function without result. */
    public Optional<ValueType> result() {
        return sig().result();
    }

    /**
     * Calls the function.
     *
     * @return the result, or empty for a function without result
     * @throws IllegalArgumentException if the arguments do not match the parameters (checked before
     *     the component is entered: the instance stays usable)
     * @throws Trap if the component traps; the instance is then poisoned and every later call
     *     traps with {@link Trap.Reason#CANNOT_ENTER}
     */
    public Optional<Value> call(Value... args) {
        return call(Arrays.asList(args));
    }

    /** {@link #call(Value...)} with the arguments as a list. */
    public Optional<Value> call(List<Value> args) {
        FuncSig sig = sig();
        if (args.size() != sig.paramTypes().size()) {
            throw new IllegalArgumentException("function `" + name + "` takes "
                    + sig.paramTypes().size() + " argument(s), " + args.size() + " given");
        }
        for (int i = 0; i < args.size(); i++) {
            Value a = Objects.requireNonNull(args.get(i), "argument");
            if (sig.paramTypes().get(i) instanceof ValueType.Primitive p && matchesScalar(a, p)) {
                continue; // the whole check for a scalar; no handles inside
            }
            try {
                a.typeCheck(sig.paramTypes().get(i));
                HandleCheck.check(a, sig.paramTypes().get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "argument `" + sig.paramNames().get(i) + "` of function `" + name + "`: " + e.getMessage(), e);
            }
        }
        return item.func().invokeChecked(List.copyOf(args));
    }

    /**
     * The typed face of this function for generated bindings: calls with flat core values, with
     * the canonical ABI's entry and exit rules kept (see {@link dev.wit4j.runtime.bindings}). Take
     * it once per instance; each call of this method makes a new one.
     *
     * @throws UnsupportedOperationException if the function is not lifted from a component's core
     *     code (an instance re-exporting a host function): use {@link #call(Value...)} then
     */
    public ExportFunction typed() {
        ExportFunction f = Items.typed(item.func());
        return f;
    }

    /** Whether {@code v} is a value of scalar type {@code p} (false for other types: check fully). */
    private static boolean matchesScalar(Value v, ValueType.Primitive p) {
        switch (p) {
            case BOOL:
                return v instanceof Value.Bool;
            case S8:
                return v instanceof Value.S8;
            case U8:
                return v instanceof Value.U8;
            case S16:
                return v instanceof Value.S16;
            case U16:
                return v instanceof Value.U16;
            case S32:
                return v instanceof Value.S32;
            case U32:
                return v instanceof Value.U32;
            case S64:
                return v instanceof Value.S64;
            case U64:
                return v instanceof Value.U64;
            case F32:
                return v instanceof Value.F32;
            case F64:
                return v instanceof Value.F64;
            case CHAR:
                return v instanceof Value.Char;
            case STRING:
                return v instanceof Value.Str;
            default:
                return false;
        }
    }

    private FuncSig sig() {
        if (item.sig() != null) {
            return item.sig();
        }
        return item.func()
                .signature()
                .orElseThrow(() -> new IllegalStateException("function `" + name + "` has no known type"));
    }

    Item.Func item() {
        return item;
    }

    @Override
    public String toString() {
        return "func " + name + params() + result().map(r -> " -> " + r).orElse("");
    }
}
