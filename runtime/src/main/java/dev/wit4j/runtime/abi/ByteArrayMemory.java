package dev.wit4j.runtime.abi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A {@link GuestMemory} backed by a Java byte array, for tests and for host code that needs a
 * scratch memory. It can {@link #grow} like a wasm memory and offers a simple
 * {@link #bumpAllocator(long) bump allocator} to use as {@link Realloc}.
 */
public final class ByteArrayMemory implements GuestMemory {

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;

    /** A zero-filled memory of {@code size} bytes. */
    public ByteArrayMemory(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        this.bytes = new byte[size];
    }

    /** Grows the memory by {@code delta} zero bytes. */
    public void grow(int delta) {
        if (delta < 0 || (long) bytes.length + delta > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("cannot grow by " + delta);
        }
        bytes = Arrays.copyOf(bytes, bytes.length + delta);
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public byte readByte(long address) {
        checkRange(address, 1);
        return bytes[(int) address];
    }

    @Override
    public short readShort(long address) {
        checkRange(address, 2);
        return (short) SHORT.get(bytes, (int) address);
    }

    @Override
    public int readInt(long address) {
        checkRange(address, 4);
        return (int) INT.get(bytes, (int) address);
    }

    @Override
    public long readLong(long address) {
        checkRange(address, 8);
        return (long) LONG.get(bytes, (int) address);
    }

    @Override
    public void readBytes(long address, byte[] dst, int offset, int length) {
        checkRange(address, length);
        System.arraycopy(bytes, (int) address, dst, offset, length);
    }

    @Override
    public void writeByte(long address, byte value) {
        checkRange(address, 1);
        bytes[(int) address] = value;
    }

    @Override
    public void writeShort(long address, short value) {
        checkRange(address, 2);
        SHORT.set(bytes, (int) address, value);
    }

    @Override
    public void writeInt(long address, int value) {
        checkRange(address, 4);
        INT.set(bytes, (int) address, value);
    }

    @Override
    public void writeLong(long address, long value) {
        checkRange(address, 8);
        LONG.set(bytes, (int) address, value);
    }

    @Override
    public void writeBytes(long address, byte[] src, int offset, int length) {
        checkRange(address, length);
        System.arraycopy(src, offset, bytes, (int) address, length);
    }

    /**
     * A {@link Realloc} that never frees: every call returns a fresh block after all earlier ones
     * (starting at {@code start}), copying {@code min(oldSize, newSize)} bytes from the old block,
     * and grows this memory when the block does not fit. A call with {@code newSize == 0} returns
     * the aligned top without reserving anything.
     */
    public Realloc bumpAllocator(long start) {
        return new Realloc() {
            private long top = start;

            @Override
            public long realloc(long oldPointer, long oldSize, long alignment, long newSize) {
                long p = (top + alignment - 1) / alignment * alignment;
                long end = p + newSize;
                if (end > size()) {
                    grow((int) (end - size()));
                }
                if (oldPointer != 0 && oldSize != 0) {
                    System.arraycopy(bytes, (int) oldPointer, bytes, (int) p, (int) Math.min(oldSize, newSize));
                }
                top = end;
                return p;
            }
        };
    }
}
