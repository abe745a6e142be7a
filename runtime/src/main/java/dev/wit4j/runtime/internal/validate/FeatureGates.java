package dev.wit4j.runtime.internal.validate;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.DefValType;
import dev.wit4j.binary.ExternName;
import dev.wit4j.binary.PrimValType;
import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.ValidationFeatures.Feature;

/**
 * Where the validator consults {@link ValidationFeatures}: each gated construct of the Explainer
 * is rejected, with wasm-tools' wording, when its feature is disabled.
 */
final class FeatureGates {

    private static final String ASYNC = "async";
    private static final String MORE_ASYNC = "more async builtins";
    private static final String THREADING = "threading";
    private static final String ERROR_CONTEXT = "error-context";

    private FeatureGates() {}

    // ---- types ------------------------------------------------------------------------------

    /** 🔀 async function types. */
    /** Rejects the definition at {@code offset} with {@code message} unless {@code feature} is enabled. */
    static void require(ValidationFeatures features, Feature feature, String message, long offset) {
        if (!features.isEnabled(feature)) throw new ValidationException(message, offset);
    }

    /**
     * Rejects with the message wasm-tools uses for most gates: "{@code what} requires the component
     * model {@code description} feature".
     */
    static void require(ValidationFeatures features, Feature feature, String what, String description, long offset) {
        require(features, feature, what + " requires the component model " + description + " feature", offset);
    }

    static void funcType(Scope scope, boolean async, long offset) {
        if (async) require(scope.features, Feature.ASYNC, "async component functions", ASYNC, offset);
    }

    /** Gated {@code defvaltype}s: map, fixed-length lists, stream, future. */
    static void definedType(Scope scope, DefValType type, long offset) {
        ValidationFeatures f = scope.features;
        if (type instanceof DefValType.MapType) {
            require(f, Feature.MAP, "Maps require the component model map feature", offset);
        } else if (type instanceof DefValType.FixedListType) {
            require(
                    f,
                    Feature.FIXED_LENGTH_LISTS,
                    "Fixed-length lists require the component model fixed-length lists feature",
                    offset);
        } else if (type instanceof DefValType.StreamType) {
            require(f, Feature.ASYNC, "`stream`", ASYNC, offset);
        } else if (type instanceof DefValType.FutureType) {
            require(f, Feature.ASYNC, "`future`", ASYNC, offset);
        }
    }

    /** 📝 the {@code error-context} primitive type. */
    static void primitive(Scope scope, PrimValType type, long offset) {
        if (type == PrimValType.ERROR_CONTEXT) {
            require(scope.features, Feature.ERROR_CONTEXT, "`error-context`", ERROR_CONTEXT, offset);
        }
    }

    /** Resources represented by {@code i64}. */
    static void resourceRep(Scope scope, boolean i64, long offset) {
        if (i64)
            require(
                    scope.features,
                    Feature.CM64,
                    "resources with `i64` require the `cm64` feature to be enabled",
                    offset);
    }

    // ---- names and values -------------------------------------------------------------------

    /** The {@code implements}, {@code external-id} and {@code versionsuffix} attributes. */
    static void attribute(Scope scope, ExternName.Attribute attribute, long offset) {
        if (attribute instanceof ExternName.Attribute.VersionSuffix) {
            require(scope.features, Feature.CANON_NAMES, "the `cm-canon-names` feature is not active", offset);
        } else {
            require(scope.features, Feature.IMPLEMENTS, "the `cm-implements` feature is not active", offset);
        }
    }

    /** 🪙 values: value sections, value imports and exports, the start section. */
    static void values(Scope scope, long offset) {
        require(scope.features, Feature.VALUES, "support for component model `value`s is not enabled", offset);
    }

    // ---- canonical definitions --------------------------------------------------------------

    /** The canonical options {@code async}, {@code gc}, {@code core-type} and 64-bit memories. */
    static void asyncOption(Scope scope, long offset) {
        require(scope.features, Feature.ASYNC, "canonical option `async`", ASYNC, offset);
    }

    static void gcOption(Scope scope, long offset) {
        require(scope.features, Feature.GC, "canonical option `gc` requires the `cm-gc` feature", offset);
    }

    static void coreTypeOption(Scope scope, long offset) {
        require(scope.features, Feature.GC, "canonical option `core type`", "gc", offset);
    }

    static void memory64(Scope scope, long offset) {
        require(scope.features, Feature.CM64, "64-bit memories require the `cm64` feature to be enabled", offset);
    }

    /** 🚟 an async lift without a callback is a stackful coroutine. */
    static void stackfulLift(Scope scope, long offset) {
        require(scope.features, Feature.ASYNC_STACKFUL, "requires the component model async stackful feature", offset);
    }

    /** The feature each canonical built-in belongs to, and the finer gates on its immediates. */
    static void builtin(Scope scope, Canon canon) {
        long offset = canon.offset();
        ValidationFeatures f = scope.features;
        String name = "`" + canon.builtinName() + "`";
        if (canon instanceof Canon.ErrorContextNew
                || canon instanceof Canon.ErrorContextDebugMessage
                || canon instanceof Canon.ErrorContextDrop) {
            require(f, Feature.ERROR_CONTEXT, name, ERROR_CONTEXT, offset);
        } else if (canon instanceof Canon.ThreadSpawnRef
                || canon instanceof Canon.ThreadSpawnIndirect
                || canon instanceof Canon.ThreadAvailableParallelism) {
            require(
                    f,
                    Feature.SHARED_EVERYTHING_THREADS,
                    name + " requires the shared-everything-threads proposal",
                    offset);
        } else if (canon.opcode() >= 0x26 && canon.opcode() <= 0x2d) {
            require(f, Feature.THREADING, name, THREADING, offset);
        } else if (!(canon instanceof Canon.Lift || canon instanceof Canon.Lower || canon.opcode() <= 0x04)) {
            require(f, Feature.ASYNC, name, ASYNC, offset);
        }
        Boolean async = asyncFlag(canon);
        if (async != null && async) {
            require(f, Feature.MORE_ASYNC_BUILTINS, "async " + name, MORE_ASYNC, offset);
        }
    }

    /** Synchronous {@code stream.read/write} and {@code future.read/write} (🚝). */
    static void synchronousCopy(Scope scope, Canon canon, boolean async) {
        if (!async) {
            require(
                    scope.features,
                    Feature.MORE_ASYNC_BUILTINS,
                    "synchronous `" + canon.builtinName() + "`",
                    MORE_ASYNC,
                    canon.offset());
        }
    }

    /** The {@code i} immediate of {@code context.get/set}: slot 1 belongs to 🧵 threading. */
    static void contextSlot(Scope scope, String name, long slot, long offset) {
        if (slot > 0) {
            require(scope.features, Feature.THREADING, "`" + name + "` immediate must be zero: " + slot, offset);
            if (slot > 1) throw Scope.error(offset, "`" + name + "` immediate must be zero or one: " + slot);
        }
    }

    private static Boolean asyncFlag(Canon canon) {
        if (canon instanceof Canon.SubtaskCancel c) return c.async();
        if (canon instanceof Canon.StreamCancelRead c) return c.async();
        if (canon instanceof Canon.StreamCancelWrite c) return c.async();
        if (canon instanceof Canon.FutureCancelRead c) return c.async();
        if (canon instanceof Canon.FutureCancelWrite c) return c.async();
        return null;
    }
}
