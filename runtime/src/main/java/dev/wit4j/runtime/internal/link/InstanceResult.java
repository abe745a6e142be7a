package dev.wit4j.runtime.internal.link;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A component instance made by the interpreter: its state and its exports. Internal. */
public final class InstanceResult {

    private final InstanceState state;
    private final Map<String, Item> exports;

    InstanceResult(InstanceState state, Map<String, Item> exports) {
        this.state = state;
        this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    }

    /** The exports, by name. */
    public Map<String, Item> exports() {
        return exports;
    }

    /** The instance's name as used in traps. */
    public String name() {
        return state.name();
    }

    /** Whether a trap has poisoned the instance. */
    public boolean isPoisoned() {
        return state.isPoisoned();
    }

    /** Stops the call running in the instance, if any; see {@code Instance.interrupt()}. */
    public boolean interrupt() {
        return state.stop(InstanceState.STOP_INTERRUPT);
    }
}
