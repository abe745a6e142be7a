package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.abi.GuestMemory;
import dev.wit4j.runtime.internal.engine.CoreMemory;

/**
 * A core instance's linear memory as the canonical ABI sees it. Every access is checked against the
 * current size first (so a bad guest pointer becomes an {@code OUT_OF_BOUNDS} {@link
 * dev.wit4j.runtime.Trap}); the memory may grow between accesses, for instance inside
 * {@code realloc}.
 */
final class MemoryView implements GuestMemory {

    private final CoreMemory memory;

    /** The core memory viewed (its identity is the memory's: {@code task.return} compares it). */
    CoreMemory core() {
        return memory;
    }

    MemoryView(CoreMemory memory) {
        this.memory = memory;
    }

    @Override
    public long size() {
        return memory.byteSize();
    }

    @Override
    public byte readByte(long address) {
        checkRange(address, 1);
        return memory.readByte(address);
    }

    @Override
    public short readShort(long address) {
        checkRange(address, 2);
        return memory.readShort(address);
    }

    @Override
    public int readInt(long address) {
        checkRange(address, 4);
        return memory.readInt(address);
    }

    @Override
    public long readLong(long address) {
        checkRange(address, 8);
        return memory.readLong(address);
    }

    @Override
    public void readBytes(long address, byte[] dst, int offset, int length) {
        checkRange(address, length);
        System.arraycopy(memory.read(address, length), 0, dst, offset, length);
    }

    @Override
    public byte[] readBytes(long address, int length) {
        checkRange(address, length);
        return memory.read(address, length);
    }

    @Override
    public void writeByte(long address, byte value) {
        checkRange(address, 1);
        memory.writeByte(address, value);
    }

    @Override
    public void writeShort(long address, short value) {
        checkRange(address, 2);
        memory.writeShort(address, value);
    }

    @Override
    public void writeInt(long address, int value) {
        checkRange(address, 4);
        memory.writeInt(address, value);
    }

    @Override
    public void writeLong(long address, long value) {
        checkRange(address, 8);
        memory.writeLong(address, value);
    }

    @Override
    public void writeBytes(long address, byte[] src, int offset, int length) {
        checkRange(address, length);
        memory.write(address, src, offset, length);
    }
}
