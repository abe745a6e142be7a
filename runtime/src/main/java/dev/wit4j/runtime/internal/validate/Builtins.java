package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CanonOpt;
import dev.wit4j.binary.CoreValueType;
import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import java.util.ArrayList;
import java.util.List;

/**
 * The core signatures of the canonical built-ins other than lift, lower and the resource ones
 * (Explainer, "Canonical Built-ins": each table's "Canonical ABI signature" row), with the checks
 * on their immediates.
 */
final class Builtins {

    private static final CoreValType I32 = CoreValType.I32;
    private static final CoreValType I64 = CoreValType.I64;

    private Builtins() {}

    private static CoreFuncType sig(List<CoreValType> params, List<CoreValType> results) {
        return CoreFuncType.of(params, results);
    }

    static CoreFuncType signature(Scope scope, Canon canon) {
        long offset = canon.offset();
        if (canon instanceof Canon.BackpressureInc
                || canon instanceof Canon.BackpressureDec
                || canon instanceof Canon.TaskCancel) {
            return sig(List.of(), List.of());
        }
        if (canon instanceof Canon.TaskReturn t) {
            Canonicals.Options options = Canonicals.options(scope, t.options(), offset);
            if (options.realloc() != null) throw error(offset, "cannot specify `realloc` option on `task.return`");
            if (options.postReturn() != null)
                throw error(offset, "cannot specify `post-return` option on `task.return`");
            if (options.async()) throw error(offset, "cannot specify `async` option on `task.return`");
            List<CoreValType> params = new ArrayList<>();
            if (t.result().isPresent()) {
                ValType result = TypeDefinitions.valType(scope, t.result().get(), offset);
                if (TypeLayout.containsPointer(result)) options.requireMemory(offset);
                params.addAll(TypeLayout.flatten(result));
                if (params.size() > TypeLayout.MAX_FLAT_PARAMS) {
                    options.requireMemory(offset);
                    params = List.of(options.pointer());
                }
            }
            return sig(params, List.of());
        }
        if (canon instanceof Canon.ContextGet g) {
            contextType(scope, g.type(), g.slot(), "context.get", offset);
            return sig(List.of(), List.of(I32));
        }
        if (canon instanceof Canon.ContextSet s) {
            contextType(scope, s.type(), s.slot(), "context.set", offset);
            return sig(List.of(I32), List.of());
        }
        if (canon instanceof Canon.SubtaskCancel) return sig(List.of(I32), List.of(I32));
        if (canon instanceof Canon.SubtaskDrop) return sig(List.of(I32), List.of());
        if (canon instanceof Canon.StreamNew s) {
            stream(scope, s.typeIndex(), "stream.new", offset);
            return sig(List.of(), List.of(I64));
        }
        if (canon instanceof Canon.StreamRead s) {
            return copy(
                    scope,
                    s,
                    stream(scope, s.typeIndex(), "stream.read", offset).element(),
                    true,
                    true,
                    s.options());
        }
        if (canon instanceof Canon.StreamWrite s) {
            return copy(
                    scope,
                    s,
                    stream(scope, s.typeIndex(), "stream.write", offset).element(),
                    false,
                    true,
                    s.options());
        }
        if (canon instanceof Canon.StreamCancelRead s) {
            stream(scope, s.typeIndex(), "stream.cancel-read", offset);
            return sig(List.of(I32), List.of(I32));
        }
        if (canon instanceof Canon.StreamCancelWrite s) {
            stream(scope, s.typeIndex(), "stream.cancel-write", offset);
            return sig(List.of(I32), List.of(I32));
        }
        if (canon instanceof Canon.StreamDropReadable s) {
            stream(scope, s.typeIndex(), "stream.drop-readable", offset);
            return sig(List.of(I32), List.of());
        }
        if (canon instanceof Canon.StreamDropWritable s) {
            stream(scope, s.typeIndex(), "stream.drop-writable", offset);
            return sig(List.of(I32), List.of());
        }
        if (canon instanceof Canon.FutureNew f) {
            future(scope, f.typeIndex(), "future.new", offset);
            return sig(List.of(), List.of(I64));
        }
        if (canon instanceof Canon.FutureRead f) {
            return copy(
                    scope,
                    f,
                    future(scope, f.typeIndex(), "future.read", offset).element(),
                    true,
                    false,
                    f.options());
        }
        if (canon instanceof Canon.FutureWrite f) {
            return copy(
                    scope,
                    f,
                    future(scope, f.typeIndex(), "future.write", offset).element(),
                    false,
                    false,
                    f.options());
        }
        if (canon instanceof Canon.FutureCancelRead f) {
            future(scope, f.typeIndex(), "future.cancel-read", offset);
            return sig(List.of(I32), List.of(I32));
        }
        if (canon instanceof Canon.FutureCancelWrite f) {
            future(scope, f.typeIndex(), "future.cancel-write", offset);
            return sig(List.of(I32), List.of(I32));
        }
        if (canon instanceof Canon.FutureDropReadable f) {
            future(scope, f.typeIndex(), "future.drop-readable", offset);
            return sig(List.of(I32), List.of());
        }
        if (canon instanceof Canon.FutureDropWritable f) {
            future(scope, f.typeIndex(), "future.drop-writable", offset);
            return sig(List.of(I32), List.of());
        }
        if (canon instanceof Canon.ErrorContextNew e) {
            Canonicals.Options options = Canonicals.options(scope, e.options(), offset);
            options.requireMemory(offset);
            CoreValType p = options.pointer();
            return sig(List.of(p, p), List.of(I32));
        }
        if (canon instanceof Canon.ErrorContextDebugMessage e) {
            Canonicals.Options options = Canonicals.options(scope, e.options(), offset);
            options.requireRealloc(offset);
            return sig(List.of(I32, options.pointer()), List.of());
        }
        if (canon instanceof Canon.ErrorContextDrop) return sig(List.of(I32), List.of());
        if (canon instanceof Canon.WaitableSetNew) return sig(List.of(), List.of(I32));
        if (canon instanceof Canon.WaitableSetWait w) {
            return sig(List.of(I32, pointer(scope, w.memoryIndex(), offset)), List.of(I32));
        }
        if (canon instanceof Canon.WaitableSetPoll w) {
            return sig(List.of(I32, pointer(scope, w.memoryIndex(), offset)), List.of(I32));
        }
        if (canon instanceof Canon.WaitableSetDrop) return sig(List.of(I32), List.of());
        if (canon instanceof Canon.WaitableJoin) return sig(List.of(I32, I32), List.of());
        if (canon instanceof Canon.ThreadIndex) return sig(List.of(), List.of(I32));
        if (canon instanceof Canon.ThreadNewIndirect t) {
            CoreFuncType start = coreFuncType(scope, t.coreTypeIndex(), offset);
            scope.coreTable(t.tableIndex(), offset);
            if (start.params().size() != 1 || !start.params().get(0).equals(I32)) {
                throw error(offset, "start function must take a single `i32` argument (currently)");
            }
            if (!start.results().isEmpty()) throw error(offset, "start function must not return any values");
            return sig(List.of(I32, I32), List.of(I32));
        }
        if (canon instanceof Canon.ThreadResumeLater) return sig(List.of(I32), List.of());
        if (canon instanceof Canon.ThreadSuspend || canon instanceof Canon.ThreadYield)
            return sig(List.of(), List.of(I32));
        if (canon instanceof Canon.ThreadSuspendThenResume
                || canon instanceof Canon.ThreadYieldThenResume
                || canon instanceof Canon.ThreadSuspendThenPromote
                || canon instanceof Canon.ThreadYieldThenPromote) {
            return sig(List.of(I32), List.of(I32));
        }
        if (canon instanceof Canon.ThreadSpawnRef t) {
            CoreValType c = spawnArgument(scope, t.coreTypeIndex(), t.shared(), offset);
            return sig(List.of(CoreValType.FUNCREF, c), List.of(I32));
        }
        if (canon instanceof Canon.ThreadSpawnIndirect t) {
            CoreValType c = spawnArgument(scope, t.coreTypeIndex(), t.shared(), offset);
            scope.coreTable(t.tableIndex(), offset);
            return sig(List.of(I32, c), List.of(I32));
        }
        if (canon instanceof Canon.ThreadAvailableParallelism) return sig(List.of(), List.of(I32));
        throw error(offset, "unsupported canonical definition 0x" + Integer.toHexString(canon.opcode()));
    }

    /**
     * {@code thread.spawn-ref} and {@code thread.spawn-indirect} (CanonicalABI.md, 🧵② "canon
     * thread.spawn-ref"): {@code $ft} must be {@code (shared? (func (param $c T)))}, shared exactly
     * when the built-in is, with {@code T} {@code i32} (🐘 or {@code i64}); returns {@code T}.
     */
    private static CoreValType spawnArgument(Scope scope, long index, boolean shared, long offset) {
        CoreType.Func f = coreFunc(scope, index, offset);
        if (shared && !f.shared()) throw error(offset, "spawn type must be shared: the built-in is `shared`");
        if (!shared && f.shared()) throw error(offset, "spawn type must not be shared: the built-in is not `shared`");
        List<CoreValType> params = f.type().params();
        boolean i64 = params.size() == 1 && params.get(0).equals(I64);
        if (params.size() != 1 || !(params.get(0).equals(I32) || i64)) {
            throw error(offset, "spawn function must take a single `i32` argument (currently)");
        }
        if (i64)
            FeatureGates.require(
                    scope.features,
                    ValidationFeatures.Feature.CM64,
                    "a spawn function taking `i64` requires the component model 64-bit feature",
                    offset);
        if (!f.type().results().isEmpty()) throw error(offset, "spawn function must not return any values");
        return params.get(0);
    }

    private static CoreFuncType coreFuncType(Scope scope, long index, long offset) {
        return coreFunc(scope, index, offset).type();
    }

    private static CoreType.Func coreFunc(Scope scope, long index, long offset) {
        if (scope.coreType(index, offset) instanceof CoreType.Func f) return f;
        throw error(offset, "expected a core function type");
    }

    private static CoreValType pointer(Scope scope, long memoryIndex, long offset) {
        return scope.coreMemory(memoryIndex, offset).memory64() ? I64 : I32;
    }

    private static void contextType(Scope scope, CoreValueType type, long slot, String name, long offset) {
        CoreValType t = TypeDefinitions.coreValType(type);
        if (!t.equals(I32) && !t.equals(I64)) throw error(offset, "`" + name + "` only supports `i32` or `i64`");
        if (t.equals(I64))
            FeatureGates.require(
                    scope.features,
                    ValidationFeatures.Feature.CM64,
                    "64-bit `" + name + "` requires the component model 64-bit feature",
                    offset);
        FeatureGates.contextSlot(scope, name, slot, offset);
        CoreValType prev = scope.contextSlots.putIfAbsent(slot, t);
        if (prev != null && !prev.equals(t))
            throw error(offset, "`" + name + "` type must match previous context type");
    }

    private static Shape.Stream stream(Scope scope, long index, String name, long offset) {
        if (scope.type(index, offset) instanceof DefinedType d && d.shape() instanceof Shape.Stream s) return s;
        throw error(offset, "`" + name + "` requires a stream type");
    }

    private static Shape.Future future(Scope scope, long index, String name, long offset) {
        if (scope.type(index, offset) instanceof DefinedType d && d.shape() instanceof Shape.Future f) return f;
        throw error(offset, "`" + name + "` requires a future type");
    }

    /**
     * {@code stream.read/write} and {@code future.read/write}: a memory is needed when there is a
     * payload, and reading payloads that hold pointers needs {@code realloc} too.
     */
    private static CoreFuncType copy(
            Scope scope, Canon canon, ValType element, boolean read, boolean stream, List<CanonOpt> opts) {
        long offset = canon.offset();
        Canonicals.Options options = Canonicals.options(scope, opts, offset);
        FeatureGates.synchronousCopy(scope, canon, options.async());
        if (options.postReturn() != null) {
            throw error(offset, "canonical option `post-return` cannot be specified for lowerings");
        }
        if (element != null) options.requireMemory(offset);
        if (read && element != null && TypeLayout.containsPointer(element)) options.requireRealloc(offset);
        return stream ? sig(List.of(I32, I32, I32), List.of(I32)) : sig(List.of(I32, I32), List.of(I32));
    }
}
