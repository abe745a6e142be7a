package dev.wit4j.runtime.internal.engine;

import run.endive.runtime.CallResult;
import run.endive.runtime.Instance;
import run.endive.runtime.InterpreterMachine;
import run.endive.runtime.Machine;

/**
 * Endive's interpreter, keeping track of which instance's code runs on this thread. Its {@code
 * memory.init} asks the memory alone, and a memory imported by another instance is initialised
 * with the segments of both: the memory tells them apart by the running instance ({@link
 * UnsharedMemory}). Compiled code says so itself ({@link CompiledOps#memoryInit}).
 */
final class InterpretedCode implements Machine {

    private static final ThreadLocal<Instance> RUNNING = new ThreadLocal<>();

    private final Instance instance;
    private final InterpreterMachine machine;

    InterpretedCode(Instance instance) {
        this.instance = instance;
        this.machine = new InterpreterMachine(instance);
    }

    /** The instance whose interpreted code runs on this thread (the innermost call), or null. */
    static Instance running() {
        return RUNNING.get();
    }

    // call(funcId, args, refArgs) is the interface's default, which comes here as the interpreter's does

    @Override
    public long[] call(int funcId, long[] args) {
        Instance outer = RUNNING.get();
        RUNNING.set(instance);
        try {
            return machine.call(funcId, args);
        } finally {
            RUNNING.set(outer);
        }
    }

    @Override
    public CallResult callWithRefs(int funcId, long[] args, Object[] refArgs) {
        Instance outer = RUNNING.get();
        RUNNING.set(instance);
        try {
            return machine.callWithRefs(funcId, args, refArgs);
        } finally {
            RUNNING.set(outer);
        }
    }
}
