package dev.wit4j.runtime.internal.engine;

import run.endive.runtime.GlobalInstance;

/** A core global, passed from the instance that defines it to the instances that import it. */
public final class CoreGlobal implements CoreExtern {

    private final GlobalInstance global;

    CoreGlobal(GlobalInstance global) {
        this.global = global;
    }

    GlobalInstance engineGlobal() {
        return global;
    }

    /** The raw bits of the current value (i32/i64/f32/f64). */
    public long value() {
        return global.getValue();
    }

    @Override
    public String kind() {
        return "global";
    }
}
