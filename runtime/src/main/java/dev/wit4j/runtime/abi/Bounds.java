package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;

/** The pointer checks the spec writes as {@code trap_if(ptr != align_to(ptr, a))} and friends. */
final class Bounds {

    private Bounds() {}

    /** Traps unless {@code pointer} is a multiple of {@code alignment}. */
    static void checkAligned(long pointer, long alignment) {
        if (pointer % alignment != 0) {
            throw new Trap(
                    Trap.Reason.UNALIGNED_POINTER, "pointer " + pointer + " is not " + alignment + "-byte aligned");
        }
    }

    /** Traps if {@code pointer + length > len(memory)}. */
    static void checkInBounds(GuestMemory memory, long pointer, long length) {
        if (pointer < 0 || pointer + length > memory.size()) {
            throw new Trap(
                    Trap.Reason.OUT_OF_BOUNDS,
                    "pointer " + pointer + " + " + length + " bytes exceeds memory size " + memory.size());
        }
    }

    /** Both checks, alignment first, as the spec orders them. */
    static void checkRange(GuestMemory memory, long pointer, long length, long alignment) {
        checkAligned(pointer, alignment);
        checkInBounds(memory, pointer, length);
    }
}
