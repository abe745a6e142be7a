package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType.HandleType;

/** Lifting and lowering of {@code own} / {@code borrow} values through the context's handle table. */
final class Handles {

    private Handles() {}

    /** {@code lift_own} / {@code lift_borrow} of the table index {@code index}. */
    static Value lift(LiftLowerContext cx, int index, HandleType t) {
        TypeDef def = Layout.resourceOf(t);
        ResourceType rt = cx.resourceTypes().of(def);
        if (t.borrow()) {
            int rep = cx.handles().liftBorrow(index, rt, cx.subtask());
            return Value.borrow(new LiftedResource(def.name(), rt, rep));
        }
        int rep = cx.handles().liftOwn(index, rt);
        return Value.own(new LiftedResource(def.name(), rt, rep));
    }

    /** {@code lower_own} / {@code lower_borrow}: the {@code i32} to pass to core wasm. */
    static int lower(LiftLowerContext cx, Value v, HandleType t) {
        TypeDef def = Layout.resourceOf(t);
        ResourceType rt = cx.resourceTypes().of(def);
        ResourceHandle h = t.borrow() ? ((Value.Borrow) v).handle() : ((Value.Own) v).handle();
        if (h instanceof LiftedResource lr && lr.type() != rt) {
            throw new IllegalArgumentException("handle of " + lr.type() + " passed where " + rt + " is expected");
        }
        int rep = (int) h.rep();
        if (t.borrow()) {
            Object instance = cx.instanceOrNull();
            if (instance != null && rt.implementer().orElse(null) == instance) {
                return rep; // lower_borrow's shortcut for the implementing instance
            }
            return cx.handles().lowerBorrow(rep, rt, cx.task(), instance);
        }
        return cx.handles().lowerOwn(rep, rt);
    }
}
