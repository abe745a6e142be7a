package dev.wit4j.runtime.internal.engine;

import run.endive.runtime.Memory;

/**
 * A core linear memory. The canonical ABI reads and writes guest values through it; every access
 * is bounds-checked here, so a bad pointer from a guest becomes a trap, never a host exception.
 * Addresses are unsigned 32-bit offsets passed as {@code int}; this layer treats them as unsigned.
 */
public final class CoreMemory implements CoreExtern {

    /** Bytes per WebAssembly page. */
    public static final int PAGE_SIZE = 65536;

    private final Memory memory;

    CoreMemory(Memory memory) {
        this.memory = memory;
    }

    Memory engineMemory() {
        return memory;
    }

    /** The current size in bytes. */
    public long byteSize() {
        return (long) memory.pages() * PAGE_SIZE;
    }

    /** Reads {@code length} bytes starting at {@code address}. */
    public byte[] read(long address, int length) {
        check(address, length);
        return memory.readBytes((int) address, length);
    }

    /** Writes {@code length} bytes of {@code source} from {@code offset} at {@code address}. */
    public void write(long address, byte[] source, int offset, int length) {
        check(address, length);
        memory.write((int) address, source, offset, length);
    }

    public byte readByte(long address) {
        check(address, 1);
        return memory.read((int) address);
    }

    public short readShort(long address) {
        check(address, 2);
        return memory.readShort((int) address);
    }

    public int readInt(long address) {
        check(address, 4);
        return memory.readInt((int) address);
    }

    public long readLong(long address) {
        check(address, 8);
        return memory.readLong((int) address);
    }

    public void writeByte(long address, byte value) {
        check(address, 1);
        memory.writeByte((int) address, value);
    }

    public void writeShort(long address, short value) {
        check(address, 2);
        memory.writeShort((int) address, value);
    }

    public void writeInt(long address, int value) {
        check(address, 4);
        memory.writeI32((int) address, value);
    }

    public void writeLong(long address, long value) {
        check(address, 8);
        memory.writeLong((int) address, value);
    }

    /** Copies {@code length} bytes within this memory (overlapping ranges allowed). */
    public void copyWithin(long destination, long source, int length) {
        check(source, length);
        check(destination, length);
        memory.write((int) destination, memory.readBytes((int) source, length), 0, length);
    }

    private void check(long address, long length) {
        if (address < 0 || length < 0 || address + length > byteSize()) {
            throw new CoreTrapException(
                    "out of bounds memory access: " + length + " byte(s) at 0x" + Long.toHexString(address)
                            + " in a memory of " + byteSize() + " bytes",
                    null);
        }
    }

    @Override
    public String kind() {
        return "memory";
    }
}
