package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;

/**
 * The linear memory of a component's core module, as far as the canonical ABI needs it: a size and
 * little-endian reads and writes at byte addresses (CanonicalABI.md "Canonical ABI Options",
 * {@code MemInst}). Only 32-bit memories are supported, so addresses are unsigned 32-bit values
 * carried in a {@code long}.
 *
 * <p>Every access is bounds-checked by the implementation: an access that does not lie entirely in
 * {@code [0, size())} throws a {@link Trap} with reason {@link Trap.Reason#OUT_OF_BOUNDS}. The
 * canonical ABI code checks ranges itself before it reads or writes (with the spec's exact
 * conditions), so this check is a safety net.
 *
 * <p>The engine adapts its memories to this interface; {@link ByteArrayMemory} is a simple heap
 * implementation for tests and host-only use.
 */
public interface GuestMemory {

    /** The current size in bytes. It may grow between calls (for instance inside {@code realloc}). */
    long size();

    /** Reads one byte. */
    byte readByte(long address);

    /** Reads a little-endian 16-bit value. */
    short readShort(long address);

    /** Reads a little-endian 32-bit value. */
    int readInt(long address);

    /** Reads a little-endian 64-bit value. */
    long readLong(long address);

    /** Copies {@code length} bytes starting at {@code address} into {@code dst[offset...]}. */
    void readBytes(long address, byte[] dst, int offset, int length);

    /** Writes one byte. */
    void writeByte(long address, byte value);

    /** Writes a little-endian 16-bit value. */
    void writeShort(long address, short value);

    /** Writes a little-endian 32-bit value. */
    void writeInt(long address, int value);

    /** Writes a little-endian 64-bit value. */
    void writeLong(long address, long value);

    /** Copies {@code src[offset...offset+length)} to memory starting at {@code address}. */
    void writeBytes(long address, byte[] src, int offset, int length);

    /** Reads {@code length} bytes into a new array. */
    default byte[] readBytes(long address, int length) {
        byte[] out = new byte[length];
        readBytes(address, out, 0, length);
        return out;
    }

    /**
     * Traps with {@link Trap.Reason#OUT_OF_BOUNDS} unless {@code [address, address + length)} lies in
     * this memory. Implementations call it before every access.
     */
    default void checkRange(long address, long length) {
        if (address < 0 || length < 0 || address + length > size()) {
            throw new Trap(
                    Trap.Reason.OUT_OF_BOUNDS, "address " + address + " + " + length + " bytes, memory size " + size());
        }
    }
}
