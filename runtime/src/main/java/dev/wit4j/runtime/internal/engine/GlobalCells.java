package dev.wit4j.runtime.internal.engine;

import java.util.function.IntPredicate;
import run.endive.runtime.GlobalFactory;
import run.endive.runtime.GlobalInstance;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.MutabilityType;
import run.endive.wasm.types.ValType;

/**
 * The numeric globals an instance defines, kept in one {@code long[]} beside its memory, so that
 * compiled code reaches a global with one array access from the memory argument every compiled
 * function has.
 *
 * <p>Why: the core compiler turns {@code global.get} and {@code global.set} into calls through
 * the instance's global table ({@code Instance.global(i)}: imports checked, then the defined
 * globals' array, then the global object). Toolchain code touches globals constantly — the shadow
 * stack pointer in every non-leaf function, and the globals through which the splitter's pieces
 * pass the locals that do not fit their parameters — and in large methods HotSpot's inlining
 * budget runs out, so each access stays a real call. {@link CodeRewriter} turns those calls
 * into {@code cells[i]}.
 *
 * <p>Every other reader and writer of a global (the interpreter, exports, constant expressions,
 * the host) goes through its {@link GlobalInstance}, which for a moved global is a {@link Cell}
 * reading and writing the same array: one value, whichever way it is reached.
 *
 * <p>Which instances have cells: those of a module that defines its memory 0 unshared (so the
 * memory argument of its compiled code is the instance's own {@link UnsharedMemory}, never
 * another instance's). Which globals: those the module defines with a numeric type. The rule is
 * decided from the module alone ({@link #applies}, {@link #moved}), at compile time for the code
 * and at instantiation for the cells, so precompiled and cached code agree with the instances they
 * run in.
 */
final class GlobalCells {

    private GlobalCells() {}

    /** Whether instances of {@code module} keep their defined numeric globals in cells. */
    static boolean applies(WasmModule module) {
        if (module.importSection().count(ExternalType.MEMORY) > 0) return false;
        var memories = module.memorySection();
        return memories.isPresent()
                && memories.get().memoryCount() > 0
                && PagedMemory.supports(memories.get().getMemory(0).limits());
    }

    /**
     * Which globals (by index, imports first) of a module that {@link #applies} live in cells:
     * decided once per module, asked at every global access the compiled code makes.
     */
    static IntPredicate moved(WasmModule module) {
        int imported = module.importSection().count(ExternalType.GLOBAL);
        boolean[] numeric = new boolean[module.globalSection().globalCount()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = module.globalSection().getGlobal(i).valueType().isNumeric();
        }
        return index -> index >= imported && index - imported < numeric.length && numeric[index - imported];
    }

    /** The cells of a new instance of {@code module}: one per global index, imports included (unused). */
    static long[] create(WasmModule module) {
        return new long
                [module.importSection().count(ExternalType.GLOBAL)
                        + module.globalSection().globalCount()];
    }

    /**
     * The factory of the globals {@code module} defines, in order: numeric ones as cells of
     * {@code cells}, the others as the engine makes them.
     */
    static GlobalFactory factory(WasmModule module, long[] cells) {
        int[] next = {module.importSection().count(ExternalType.GLOBAL)};
        return (low, high, type, mutability) -> {
            int index = next[0]++;
            if (type.isNumeric()) {
                cells[index] = low;
                return new Cell(cells, index, type, mutability);
            }
            return GlobalInstance.builder()
                    .valueLow(low)
                    .valueHigh(high)
                    .valType(type)
                    .mutabilityType(mutability)
                    .build();
        };
    }

    /** A global whose value is {@code cells[index]}. */
    static final class Cell extends GlobalInstance {

        private final long[] cells;
        private final int index;

        @SuppressWarnings("deprecation") // the constructor a subclass can call
        Cell(long[] cells, int index, ValType type, MutabilityType mutability) {
            super(0, 0, type, mutability);
            this.cells = cells;
            this.index = index;
        }

        @Override
        public long getValue() {
            return cells[index];
        }

        @Override
        public long getValueLow() {
            return cells[index];
        }

        @Override
        public void setValue(long value) {
            cells[index] = value;
        }

        @Override
        public void setValueLow(long value) {
            cells[index] = value;
        }

        @Override
        public void setValue(run.endive.wasm.types.Value value) {
            cells[index] = value.raw();
        }
    }
}
