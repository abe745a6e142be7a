package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CanonOpt;
import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Canonical definitions (Explainer, "Canonical Definitions"; CanonicalABI.md): lifting and
 * lowering with their options, and the built-ins with their core signatures.
 */
final class Canonicals {

    private static final CoreValType I32 = CoreValType.I32;
    private static final CoreValType I64 = CoreValType.I64;

    private Canonicals() {}

    /** The canonical options after the uniqueness and consistency checks. */
    record Options(
            boolean hasEncoding,
            CoreExternType.Memory memory,
            CoreFuncType realloc,
            CoreFuncType postReturn,
            boolean async,
            CoreFuncType callback) {

        void requireMemory(long offset) {
            if (memory == null) throw error(offset, "canonical option `memory` is required");
        }

        void requireRealloc(long offset) {
            requireMemory(offset);
            if (realloc == null) throw error(offset, "canonical option `realloc` is required");
        }

        CoreValType pointer() {
            return memory != null && memory.memory64() ? I64 : I32;
        }
    }

    static Options options(Scope scope, List<CanonOpt> opts, long offset) {
        String encoding = null;
        CoreExternType.Memory memory = null;
        CoreFuncType realloc = null;
        CoreFuncType postReturn = null;
        CoreFuncType callback = null;
        boolean async = false;
        for (CanonOpt opt : opts) {
            if (opt instanceof CanonOpt.StringEncoding s) {
                String name = s.encoding() == CanonOpt.Encoding.LATIN1_UTF16
                        ? "latin1-utf16"
                        : s.encoding().text();
                if (encoding != null) {
                    throw error(
                            offset,
                            "canonical encoding option `" + encoding + "` conflicts with option `" + name + "`");
                }
                encoding = name;
            } else if (opt instanceof CanonOpt.Memory m) {
                if (memory != null) throw error(offset, "canonical option `memory` is specified more than once");
                memory = scope.coreMemory(m.memoryIndex(), offset);
                if (memory.memory64()) FeatureGates.memory64(scope, offset);
            } else if (opt instanceof CanonOpt.Realloc r) {
                if (realloc != null) throw error(offset, "canonical option `realloc` is specified more than once");
                realloc = scope.coreFunc(r.funcIndex(), offset);
            } else if (opt instanceof CanonOpt.PostReturn p) {
                if (postReturn != null)
                    throw error(offset, "canonical option `post-return` is specified more than once");
                postReturn = scope.coreFunc(p.funcIndex(), offset);
            } else if (opt instanceof CanonOpt.Async) {
                if (async) throw error(offset, "canonical option `async` is specified more than once");
                FeatureGates.asyncOption(scope, offset);
                async = true;
            } else if (opt instanceof CanonOpt.Callback c) {
                if (callback != null) throw error(offset, "canonical option `callback` is specified more than once");
                callback = scope.coreFunc(c.funcIndex(), offset);
            } else if (opt instanceof CanonOpt.Gc) {
                FeatureGates.gcOption(scope, offset);
            } else if (opt instanceof CanonOpt.CoreType) {
                FeatureGates.coreTypeOption(scope, offset);
            }
        }
        if (callback != null && !async) throw error(offset, "cannot specify callback without async");
        if (async && postReturn != null) throw error(offset, "cannot specify post-return function in async");
        if (realloc != null) {
            if (memory == null)
                throw error(offset, "canonical option `realloc` requires `memory` to also be specified");
            CoreValType p = memory.memory64() ? I64 : I32;
            if (!realloc.equals(CoreFuncType.of(List.of(p, p, p, p), List.of(p)))) {
                throw error(offset, "canonical option `realloc` uses a core function with an incorrect signature");
            }
        }
        return new Options(encoding != null, memory, realloc, postReturn, async, callback);
    }

    private static String display(List<CoreValType> types) {
        List<String> names = new ArrayList<>();
        for (CoreValType t : types) names.add(t.name().toUpperCase(Locale.ROOT));
        return names.toString().replace(" ", "");
    }

    /** The core signature of a function type under the given options (CanonicalABI.md). */
    static CoreFuncType lower(FuncType type, Options options, boolean lift, long offset) {
        CoreValType ptr = options.pointer();
        List<CoreValType> params = new ArrayList<>();
        int maxParams = !lift && options.async() ? TypeLayout.MAX_FLAT_ASYNC_PARAMS : TypeLayout.MAX_FLAT_PARAMS;
        for (FuncType.Param p : type.params()) {
            if (TypeLayout.containsPointer(p.type())) {
                if (lift) options.requireRealloc(offset);
                else options.requireMemory(offset);
            }
            params.addAll(TypeLayout.flatten(p.type()));
        }
        if (params.size() > maxParams) {
            params = new ArrayList<>(List.of(ptr));
            options.requireMemory(offset);
            if (lift) options.requireRealloc(offset);
        }
        List<CoreValType> results = new ArrayList<>();
        ValType result = type.result();
        if (result != null && !lift && TypeLayout.containsPointer(result)) options.requireRealloc(offset);
        if (!options.async()) {
            if (result != null) {
                List<CoreValType> flat = TypeLayout.flatten(result);
                if (flat.size() > TypeLayout.MAX_FLAT_RESULTS) {
                    options.requireMemory(offset);
                    if (lift) results.add(ptr);
                    else params.add(ptr);
                } else {
                    results.addAll(flat);
                }
            }
        } else if (!lift) {
            if (result != null) {
                params.add(I32);
                options.requireMemory(offset);
            }
            results.add(I32);
        } else {
            if (result != null) {
                boolean overflow = TypeLayout.flatten(result).size() > TypeLayout.MAX_FLAT_PARAMS;
                if (overflow || TypeLayout.containsPointer(result)) options.requireMemory(offset);
            }
            if (options.callback() != null) results.add(I32);
        }
        return CoreFuncType.of(params, results);
    }

    static void add(Scope scope, Canon canon) {
        long offset = canon.offset();
        FeatureGates.builtin(scope, canon);
        if (canon instanceof Canon.Lift lift) {
            CoreFuncType core = scope.coreFunc(lift.coreFuncIndex(), offset);
            FuncType type = scope.funcType(lift.typeIndex(), offset);
            Options options = options(scope, lift.options(), offset);
            if (options.async() && !type.async()) {
                throw error(offset, "the `async` canonical option requires an async function type");
            }
            if (options.async() && options.callback() == null) FeatureGates.stackfulLift(scope, offset);
            if (options.callback() != null) {
                CoreFuncType cb = options.callback();
                if (!(cb.params().equals(List.of(I32, I32, I32)) || cb.params().equals(List.of(I32)))) {
                    throw error(offset, "canonical option `callback` uses a core function with an incorrect signature");
                }
            }
            CoreFuncType expected = lower(type, options, true, offset);
            if (options.postReturn() != null
                    && !options.postReturn().equals(CoreFuncType.of(expected.results(), List.of()))) {
                throw error(offset, "canonical option `post-return` uses a core function with an incorrect signature");
            }
            if (!expected.params().equals(core.params())) {
                throw error(
                        offset,
                        "lowered parameter types `" + display(expected.params()) + "` do not match parameter types `"
                                + display(core.params()) + "` of core function " + lift.coreFuncIndex());
            }
            if (!expected.results().equals(core.results())) {
                throw error(
                        offset,
                        "lowered result types `" + display(expected.results()) + "` do not match result types `"
                                + display(core.results()) + "` of core function " + lift.coreFuncIndex());
            }
            scope.funcs.add(type);
        } else if (canon instanceof Canon.Lower lower) {
            FuncType type = scope.func(lower.funcIndex(), offset);
            Options options = options(scope, lower.options(), offset);
            if (options.postReturn() != null) {
                throw error(offset, "canonical option `post-return` cannot be specified for lowerings");
            }
            if (options.callback() != null) {
                throw error(offset, "canonical option `callback` cannot be specified for lowerings");
            }
            if (options.async() && !type.async()) {
                throw error(offset, "the `async` canonical option requires an async function type");
            }
            scope.coreFuncs.add(lower(type, options, false, offset));
        } else if (canon instanceof Canon.ResourceNew r) {
            CoreValType rep = localResource(scope, r.typeIndex(), offset);
            scope.coreFuncs.add(CoreFuncType.of(List.of(rep), List.of(I32)));
        } else if (canon instanceof Canon.ResourceRep r) {
            CoreValType rep = localResource(scope, r.typeIndex(), offset);
            scope.coreFuncs.add(CoreFuncType.of(List.of(I32), List.of(rep)));
        } else if (canon instanceof Canon.ResourceDrop r) {
            scope.resourceType(r.typeIndex(), offset);
            scope.coreFuncs.add(CoreFuncType.of(List.of(I32), List.of()));
        } else {
            scope.coreFuncs.add(Builtins.signature(scope, canon));
        }
    }

    private static CoreValType localResource(Scope scope, long index, long offset) {
        ResourceId id = scope.resourceType(index, offset).id();
        if (!scope.localResources.contains(id)) throw error(offset, "type " + index + " is not a local resource");
        CoreValType rep = scope.definedResources.get(id);
        return rep == null ? I32 : rep;
    }
}
