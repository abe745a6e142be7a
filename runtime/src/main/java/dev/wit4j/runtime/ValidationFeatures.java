package dev.wit4j.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which gated Component Model features a component may use. The Explainer marks these with emoji
 * (🔀 async, 🚝 more async built-ins, 🚟 stackful async, 🧵 threading, 📝 error-context, 🔧
 * fixed-length lists, 🪙 values and start, 🛸 gc, ...); a component that uses a disabled one is
 * rejected with a {@link dev.wit4j.binary.WasmFormatException} naming the feature, for example "the
 * {@code cm-implements} feature is not active".
 *
 * <p>Instances are immutable:
 *
 * <pre>{@code
 * ValidationFeatures features = ValidationFeatures.all().without(Feature.IMPLEMENTS);
 * ComponentValidator.validate(component, features);
 * }</pre>
 */
public final class ValidationFeatures {

    /** A gated feature, named as in wasm-tools' {@code WasmFeatures}. */
    public enum Feature {
        /** 🔀 async functions and lifts, {@code stream}, {@code future} and the async built-ins. */
        ASYNC("cm-async"),
        /** 🚝 synchronous stream/future copies and async cancellation built-ins. */
        MORE_ASYNC_BUILTINS("cm-more-async-builtins"),
        /** 🚟 async lifts without a {@code callback} (stackful coroutines). */
        ASYNC_STACKFUL("cm-async-stackful"),
        /** 🧵 the {@code thread.*} built-ins and context slot 1. */
        THREADING("cm-threading"),
        /** 🧵② {@code thread.spawn-ref}, {@code thread.spawn-indirect}, {@code thread.available-parallelism}. */
        SHARED_EVERYTHING_THREADS("shared-everything-threads"),
        /** 📝 the {@code error-context} type and its built-ins. */
        ERROR_CONTEXT("cm-error-context"),
        /** 🔧 fixed-length lists {@code (list t n)}. */
        FIXED_LENGTH_LISTS("cm-fixed-length-lists"),
        /** {@code map<k, v>} types. */
        MAP("cm-map"),
        /** The {@code implements} and {@code external-id} attributes of extern names. */
        IMPLEMENTS("cm-implements"),
        /** The {@code versionsuffix} attribute of extern names. */
        CANON_NAMES("cm-canon-names"),
        /** 🪙 value definitions, value imports and exports, and the start section. */
        VALUES("cm-values"),
        /** 🛸 the {@code gc} and {@code core-type} canonical options. */
        GC("cm-gc"),
        /** 64-bit memories in canonical options and {@code i64} resource representations. */
        CM64("cm64"),
        /**
         * Not part of the Component Model: staging by closure, from the Module Linking proposal the
         * Component Model grew out of. A nested component may alias its enclosing components' core
         * functions, tables, memories, globals and instances, functions and instances (outer aliases
         * of sorts the spec allows only for types, modules and components), so that a component is
         * instantiated in stages, each closing over what the stages before it made. Off unless asked
         * for, and never in {@link #all()}: a component using it is valid nowhere else, and a
         * nested component that closes over state can be used only where that state is (the reason
         * the spec leaves it out).
         */
        STAGING_BY_CLOSURE("staging-by-closure");

        private final String flag;

        Feature(String flag) {
            this.flag = flag;
        }

        /** The feature's name in messages, such as {@code cm-async}. */
        public String flag() {
            return flag;
        }
    }

    private static final ValidationFeatures ALL =
            new ValidationFeatures(EnumSet.complementOf(EnumSet.of(Feature.STAGING_BY_CLOSURE)));

    private final Set<Feature> enabled;

    private ValidationFeatures(EnumSet<Feature> enabled) {
        this.enabled = Collections.unmodifiableSet(enabled);
    }

    /**
     * Every feature of the Component Model enabled (extensions beyond it, {@link
     * Feature#STAGING_BY_CLOSURE}, are not): the default of {@link Engine.Builder#validationFeatures}.
     */
    public static ValidationFeatures all() {
        return ALL;
    }

    /** No gated feature enabled: only the Component Model's stable core. */
    public static ValidationFeatures none() {
        return new ValidationFeatures(EnumSet.noneOf(Feature.class));
    }

    /** These features with {@code features} enabled as well. */
    public ValidationFeatures with(Feature... features) {
        EnumSet<Feature> set = copy();
        set.addAll(Arrays.asList(features));
        return new ValidationFeatures(set);
    }

    /** These features with {@code features} disabled. */
    public ValidationFeatures without(Feature... features) {
        EnumSet<Feature> set = copy();
        Arrays.asList(features).forEach(set::remove);
        return new ValidationFeatures(set);
    }

    /** Whether {@code feature} is enabled. */
    public boolean isEnabled(Feature feature) {
        return enabled.contains(feature);
    }

    /** The enabled features. */
    public Set<Feature> enabled() {
        return enabled;
    }

    private EnumSet<Feature> copy() {
        return enabled.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(enabled);
    }

    @Override
    public String toString() {
        return enabled.toString();
    }
}
