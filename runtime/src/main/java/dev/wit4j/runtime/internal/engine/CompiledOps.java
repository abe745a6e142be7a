package dev.wit4j.runtime.internal.engine;

import run.endive.runtime.Instance;
import run.endive.runtime.Memory;

/**
 * What compiled code calls after {@link CodeRewriter} has rewritten it: public only because that
 * code is defined in another package. Not an API.
 */
public final class CompiledOps {

    private CompiledOps() {}

    /**
     * The {@link GlobalCells} of the instance whose memory 0 is {@code memory}: loaded once on
     * entry to a function that reads or writes a defined global.
     */
    public static long[] cells(Memory memory) {
        return ((UnsharedMemory) memory).cells;
    }

    /**
     * {@code i32.ge_u}. The core compiler's own goes, on Java 17, through a call the JIT cannot
     * inline (it keeps C2 away from a miscompilation of {@code Integer.compareUnsigned} there);
     * widening to long compares the same without that intrinsic, and inlines.
     */
    public static int i32GeU(int a, int b) {
        return Integer.toUnsignedLong(a) >= Integer.toUnsignedLong(b) ? 1 : 0;
    }

    /**
     * {@code memory.init}: the segment is the calling instance's. The core compiler passes only the
     * memory, which then uses the segments of the last instance that initialised it, so a module
     * that imports its memory from another with segments of its own would copy the other's.
     */
    public static void memoryInit(
            int destination, int offset, int size, int segment, Memory memory, Instance instance) {
        if (memory instanceof UnsharedMemory own) {
            own.initPassiveSegment(instance, segment, destination, offset, size);
        } else {
            memory.initPassiveSegment(segment, destination, offset, size);
        }
    }
}
