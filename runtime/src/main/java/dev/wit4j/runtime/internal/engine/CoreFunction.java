package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import java.util.List;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.ImportFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.runtime.WasmException;
import run.endive.runtime.WasmFunctionHandle;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.ValType;

/**
 * A core function: exported by a core instance, or implemented by the host (a lowered component
 * function, a canonical built-in). Arguments and results travel as {@code long}s, the engine's
 * representation of i32/i64/f32/f64 bits.
 */
public final class CoreFunction implements CoreExtern {

    /** A core function implemented in Java. */
    @FunctionalInterface
    public interface Body {
        /** Runs the function; {@code args} holds one long per core parameter. */
        long[] call(long[] args);
    }

    private final CoreFuncType type;
    private final Body body;
    /**
     * For a function exported by a core instance: the instance's machine (compiled code or
     * interpreter) and the function's index, called without the lambda and without the engine's
     * per-export wrapper; null for a host function.
     */
    private final Machine machine;

    private final int index;
    /** The engine's export, for an exported function whose types hold GC references (see {@link #exported}). */
    private final ExportFunction engineFunction;

    private CoreFunction(CoreFuncType type, Body body) {
        this(type, body, null, -1, null);
    }

    private CoreFunction(CoreFuncType type, Body body, Machine machine, int index, ExportFunction engineFunction) {
        this.type = type;
        this.body = body;
        this.machine = machine;
        this.index = index;
        this.engineFunction = engineFunction;
    }

    /** A function implemented by the host, with the given core signature. */
    public static CoreFunction host(CoreFuncType type, Body body) {
        return new CoreFunction(type, body);
    }

    /**
     * Function {@code index} of {@code instance}, exported as {@code name}. A call goes straight to
     * the instance's machine, as the engine's own export does after its check that no parameter or
     * result is a GC reference (which the long-array calling convention cannot carry): that check
     * is made here once, and a function that fails it keeps the engine's export, which rejects the
     * call. Fewer objects between the caller and the machine make a call shorter: each is a
     * dependent memory read on the way.
     */
    static CoreFunction exported(CoreFuncType type, Instance instance, String name, int index) {
        FunctionType engineType = instance.exportType(name);
        boolean plain = !engineType.hasObjectRefParams() && !engineType.hasObjectRefReturns();
        CoreFunction[] self = new CoreFunction[1];
        self[0] = new CoreFunction(
                type,
                args -> self[0].callEngine(args),
                plain ? instance.getMachine() : null,
                index,
                plain ? null : instance.export(name));
        return self[0];
    }

    /** Calls the engine's function, turning what it throws into {@link CoreTrapException}s. */
    private long[] callEngine(long[] args) {
        try {
            return machine != null ? machine.call(index, args) : engineFunction.apply(args);
        } catch (WasmException e) {
            throw CoreTrapException.uncaughtException(e, this);
        } catch (WasmEngineException | IllegalStateException | IndexOutOfBoundsException | ArithmeticException e) {
            throw CoreTrapException.from(e);
        } catch (StackOverflowError e) {
            throw CoreTrapException.stackOverflow(e);
        }
    }

    /** The core signature. */
    public CoreFuncType type() {
        return type;
    }

    /**
     * Calls the function.
     *
     * @throws CoreTrapException if core code trapped
     */
    public long[] call(long... args) {
        // an exported function is called directly: one dispatch less on every component call
        long[] results = machine != null || engineFunction != null ? callEngine(args) : body.call(args);
        return results == null ? NO_RESULTS : results;
    }

    private static final long[] NO_RESULTS = new long[0];

    @Override
    public String kind() {
        return "func";
    }

    /** This function as the engine's import of {@code module}.{@code name}. */
    ImportFunction asImport(String module, String name) {
        WasmFunctionHandle handle = (instance, args) -> {
            try {
                return call(args);
            } catch (CoreTrapException e) {
                // A core export imported by another core instance: its exception goes on unwinding
                // in the caller, which may catch it. Anything else (a host function, a lowered
                // component function) is a boundary that exceptions do not cross.
                WasmException thrown = e.exceptionThrownOutOf(this);
                throw thrown != null ? thrown : e;
            }
        };
        return new ImportFunction(module, name, engineType(type), handle);
    }

    static FunctionType engineType(CoreFuncType type) {
        return FunctionType.of(
                type.params().stream().map(CoreFunction::engineValType).toList(),
                type.results().stream().map(CoreFunction::engineValType).toList());
    }

    private static ValType engineValType(CoreValType type) {
        return switch (type.name()) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            case "f32" -> ValType.F32;
            case "f64" -> ValType.F64;
            case "v128" -> ValType.V128;
            case "funcref" -> ValType.FuncRef;
            case "externref" -> ValType.ExternRef;
            default ->
                throw new UnsupportedOperationException(
                        "core value type " + type.name() + " cannot cross between core instances yet");
        };
    }

    static List<CoreValType> types(List<ValType> types) {
        return types.stream().map(EngineDeclarations::valType).toList();
    }
}
