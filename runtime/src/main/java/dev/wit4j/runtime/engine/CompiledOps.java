package dev.wit4j.runtime.engine;

import run.endive.runtime.Memory;

/**
 * What compiled code calls after {@link CodeRewriter} has rewritten it: public only because that
 * code is defined in another package. Not an API.
 */
public final class CompiledOps {

    private CompiledOps() {
    }

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

    /*
     * Loads and stores, in place of the core compiler's helpers of the same names and signatures
     * ({@link CodeRewriter}): a flat memory's own fast path, any other memory as the compiler's
     * helper reaches it.
     */

    public static byte memoryReadByte(int base, int offset, Memory memory) {
        return memory instanceof FlatMemory m ? m.loadI8(base, offset) : memory.read(address(base, offset));
    }

    public static void memoryWriteByte(int base, byte value, int offset, Memory memory) {
        if (memory instanceof FlatMemory m) {
            m.storeI8(base, offset, value);
        } else {
            memory.writeByte(address(base, offset), value);
        }
    }

    public static short memoryReadShort(int base, int offset, Memory memory) {
        return memory instanceof FlatMemory m ? m.loadI16(base, offset) : memory.readShort(address(base, offset));
    }

    public static void memoryWriteShort(int base, short value, int offset, Memory memory) {
        if (memory instanceof FlatMemory m) {
            m.storeI16(base, offset, value);
        } else {
            memory.writeShort(address(base, offset), value);
        }
    }

    public static int memoryReadInt(int base, int offset, Memory memory) {
        return memory instanceof FlatMemory m ? m.loadI32(base, offset) : memory.readInt(address(base, offset));
    }

    public static void memoryWriteInt(int base, int value, int offset, Memory memory) {
        if (memory instanceof FlatMemory m) {
            m.storeI32(base, offset, value);
        } else {
            memory.writeI32(address(base, offset), value);
        }
    }

    public static long memoryReadLong(int base, int offset, Memory memory) {
        return memory instanceof FlatMemory m ? m.loadI64(base, offset) : memory.readLong(address(base, offset));
    }

    public static void memoryWriteLong(int base, long value, int offset, Memory memory) {
        if (memory instanceof FlatMemory m) {
            m.storeI64(base, offset, value);
        } else {
            memory.writeLong(address(base, offset), value);
        }
    }

    public static float memoryReadFloat(int base, int offset, Memory memory) {
        return memory instanceof FlatMemory m ? m.loadF32(base, offset) : memory.readFloat(address(base, offset));
    }

    public static void memoryWriteFloat(int base, float value, int offset, Memory memory) {
        if (memory instanceof FlatMemory m) {
            m.storeF32(base, offset, value);
        } else {
            memory.writeF32(address(base, offset), value);
        }
    }

    public static double memoryReadDouble(int base, int offset, Memory memory) {
        return memory instanceof FlatMemory m ? m.loadF64(base, offset) : memory.readDouble(address(base, offset));
    }

    public static void memoryWriteDouble(int base, double value, int offset, Memory memory) {
        if (memory instanceof FlatMemory m) {
            m.storeF64(base, offset, value);
        } else {
            memory.writeF64(address(base, offset), value);
        }
    }

    /**
     * The core compiler's address rule: a base of 2 GiB or more stays as it is (negative, so out
     * of bounds), otherwise base + offset (negative, so out of bounds, if it passes 2 GiB).
     */
    private static int address(int base, int offset) {
        return base < 0 ? base : base + offset;
    }
}
