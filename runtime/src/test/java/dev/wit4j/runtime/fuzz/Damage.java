package dev.wit4j.runtime.fuzz;

import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.fuzz.AbiRandom.Signature;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a corruptible forwarding component ({@link ForwardingComponent}) does to the values of a
 * call: the arguments of its {@code corrupt} export, and, for a call through two copies, whether
 * the second copy does it.
 */
public record Damage(int target, int offset, int mask, boolean inner) {

    /** A damage {@code s} can take: a target the function has, at a random place, by a random mask. */
    public static Damage random(Signature s, SplittableRandom r, boolean chained) {
        List<Integer> targets = new ArrayList<>(List.of(2));
        if (!ForwardingComponent.coreParams(s).isEmpty()) {
            targets.add(1);
        }
        if (s.result().isPresent()) {
            targets.add(s.resultInMemory() ? 4 : 3);
        }
        int target = targets.get(r.nextInt(targets.size()));
        int offset = target == 1 ? r.nextInt(ForwardingComponent.coreParams(s).size()) : r.nextInt();
        boolean flat = target == 1 || target == 3;
        int mask = switch (r.nextInt(4)) {
            case 0 -> 1 << r.nextInt(flat ? 32 : 8);
            case 1 -> 0x80;
            default -> r.nextInt(flat ? Integer.MAX_VALUE : 255) + 1;
        };
        return new Damage(target, offset, mask, chained && r.nextBoolean());
    }

    /** Arms {@code instance}, an instance of a corruptible component, with this damage. */
    public void arm(Instance instance) {
        instance.func("corrupt")
                .call(
                        Value.u32(target),
                        Value.u32(Integer.toUnsignedLong(offset)),
                        Value.u32(Integer.toUnsignedLong(mask)));
    }

    /** Disarms {@code instance}: its calls pass values on as they are again. */
    public static void disarm(Instance instance) {
        instance.func("corrupt").call(Value.u32(0), Value.u32(0), Value.u32(0));
    }

    /**
     * Why {@code t}, thrown by a call with damaged values, is not the typed error it should be, or
     * null: it must be a {@link Trap}, and not one that wraps another exception (host code throwing
     * becomes such a trap, and the forwarding components' hosts never throw, so the exception would
     * come from lifting or lowering).
     */
    public static String untyped(Throwable t) {
        if (!(t instanceof Trap)) {
            return "not a trap: " + t;
        }
        for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
            if (!(c instanceof Trap)) {
                return "a trap caused by " + c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        String what = switch (target) {
            case 1 -> "core parameter " + offset;
            case 2 ->
                "memory byte " + Integer.toUnsignedString(offset) + " (modulo the values' extent) before the import";
            case 3 -> "the flat result";
            default ->
                "memory byte " + Integer.toUnsignedString(offset) + " (modulo the values' extent) after the import";
        };
        return what + " XOR 0x" + Integer.toHexString(mask) + (inner ? ", by the second copy" : "");
    }
}
