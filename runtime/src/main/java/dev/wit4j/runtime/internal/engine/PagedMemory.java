package dev.wit4j.runtime.internal.engine;

import java.util.Arrays;
import java.util.function.Function;
import run.endive.runtime.ConstantEvaluators;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.UninstantiableException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.PassiveDataSegment;

/**
 * A wasm32 linear memory that can grow to the full 65536 pages (4 GiB), which Endive's own
 * memories (pages capped at {@link Memory#RUNTIME_MAX_PAGES}) cannot: where a {@link FlatMemory}
 * goes once it is too large for one array.
 *
 * <p>Each 64 KiB page is its own {@code byte[]}, allocated when it is first written; the page
 * table ({@code byte[][]}) covers only the pages touched so far and grows geometrically, copying
 * references, never bytes. So {@code memory.grow} costs nothing but a size change, and touching a
 * new page allocates exactly that page: no byte already in use is ever copied. Because the size is
 * always a whole number of pages, an allocated page lies entirely below it: the fast path only
 * indexes the two arrays and lets the JVM's own checks ({@code NullPointerException},
 * {@code IndexOutOfBoundsException}) send everything else — untouched pages, accesses straddling
 * two pages, out-of-bounds accesses — to a slow path that checks the bounds against the size,
 * traps with Endive's "out of bounds memory access" or allocates and retries. Bytes that were
 * never written read as zero. Addresses are unsigned 32-bit offsets passed as {@code int};
 * little-endian throughout.
 *
 * <p>Memory is only committed when it is touched, so {@code memory.grow} succeeds up to the
 * declared maximum even if the JVM heap could not hold it all; touching more than the heap allows
 * fails with {@link OutOfMemoryError}.
 *
 * <p>Not for shared memories: the page table is replaced when it grows, which could lose a racing
 * write from another thread. {@link #supports} says which limits it serves.
 */
final class PagedMemory extends UnsharedMemory {

    private static final int SHIFT = 16;
    private static final int MASK = PAGE_SIZE - 1;
    /** Page-table slots allocated at first: enough for small memories without growing. */
    private static final int MIN_TABLE = 16;

    /** One array per page, each null until written; never longer than {@link #pages}. */
    private byte[][] table;

    /** Whether this implementation serves a memory with {@code limits} (every unshared memory). */
    static boolean supports(MemoryLimits limits) {
        return !limits.shared();
    }

    PagedMemory(MemoryLimits limits) {
        this(limits, Budget.UNLIMITED);
    }

    /**
     * A memory whose pages, initial and grown, are taken from {@code budget}.
     *
     * @throws LimitExceededException if the budget cannot hold the initial pages
     */
    PagedMemory(MemoryLimits limits, Budget budget) {
        super(limits, budget);
        this.table = new byte[Math.min(pages, MIN_TABLE)][];
    }

    // ---------------------------------------------------------------- size

    @Override
    public int grow(int delta) {
        int previous = pages;
        long wanted = takePages(delta);
        if (wanted < 0) {
            return -1;
        }
        pages = (int) wanted;
        return previous;
    }

    // ---------------------------------------------------------------- pages

    /** Page {@code page}'s array ({@code page < pages}), allocated if it was never written. */
    private byte[] ensure(int page) {
        byte[][] table = this.table;
        if (page >= table.length) {
            // references only: the pages themselves stay where they are
            long length = Math.max(MIN_TABLE, Math.max(page + 1L, 2L * table.length));
            table = Arrays.copyOf(table, (int) Math.min(length, pages));
            this.table = table;
        }
        byte[] array = table[page];
        if (array == null) {
            array = new byte[PAGE_SIZE];
            table[page] = array;
        }
        return array;
    }

    /** Page {@code page}'s array if it was ever written, else null (its bytes are zero). */
    private byte[] existing(int page) {
        byte[][] table = this.table;
        return page < table.length ? table[page] : null;
    }

    /** The array of page {@code page}, or null if it was never written: for tests. */
    byte[] pageArray(int page) {
        return existing(page);
    }

    private static int pageOf(long address) {
        return (int) (address >>> SHIFT);
    }

    private static int offsetOf(long address) {
        return (int) (address & MASK);
    }

    /** Traps unless {@code [address, address + length)} lies in the memory; addresses unsigned. */
    private void checkBounds(long address, long length) {
        checkBounds(address, length, byteSize(), WasmRuntimeException::new);
    }

    private static void checkBounds(
            long address, long length, long limit, Function<String, ? extends WasmEngineException> exception) {
        if (address < 0 || length < 0 || address + length > limit) {
            throw exception.apply(outOfBounds(address, length, limit));
        }
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }

    /**
     * Prepares an in-bounds access of {@code width} bytes at {@code address} for the fast path
     * again: false if it straddles two pages (then the caller goes byte by byte).
     */
    private boolean prepare(long address, int width) {
        checkBounds(address, width);
        int offset = offsetOf(address);
        if (offset + width > PAGE_SIZE) {
            return false;
        }
        ensure(pageOf(address));
        return true;
    }

    private byte byteAt(long address) {
        byte[] array = existing(pageOf(address));
        return array != null ? array[offsetOf(address)] : 0;
    }

    private void putByte(long address, byte value) {
        ensure(pageOf(address))[offsetOf(address)] = value;
    }

    /** Little-endian bytes {@code [address, address + width)} of an in-bounds straddling access. */
    private long readStraddling(long address, int width) {
        long value = 0;
        for (int i = width - 1; i >= 0; i--) {
            value = (value << 8) | (byteAt(address + i) & 0xFF);
        }
        return value;
    }

    private void writeStraddling(long address, int width, long value) {
        for (int i = 0; i < width; i++) {
            putByte(address + i, (byte) (value >>> (8 * i)));
        }
    }

    // ---------------------------------------------------------------- scalar access

    @Override
    public byte read(int addr) {
        try {
            return table[addr >>> SHIFT][addr & MASK];
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            checkBounds(address, 1);
            return byteAt(address);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        try {
            table[addr >>> SHIFT][addr & MASK] = data;
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            checkBounds(address, 1);
            putByte(address, data);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            return (short) SHORT.get(table[addr >>> SHIFT], addr & MASK);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            return prepare(address, 2)
                    ? (short) SHORT.get(table[addr >>> SHIFT], addr & MASK)
                    : (short) readStraddling(address, 2);
        }
    }

    @Override
    public void writeShort(int addr, short data) {
        try {
            SHORT.set(table[addr >>> SHIFT], addr & MASK, data);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            if (prepare(address, 2)) {
                SHORT.set(table[addr >>> SHIFT], addr & MASK, data);
            } else {
                writeStraddling(address, 2, data);
            }
        }
    }

    @Override
    public int readInt(int addr) {
        try {
            return (int) INT.get(table[addr >>> SHIFT], addr & MASK);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            return prepare(address, 4)
                    ? (int) INT.get(table[addr >>> SHIFT], addr & MASK)
                    : (int) readStraddling(address, 4);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        try {
            INT.set(table[addr >>> SHIFT], addr & MASK, data);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            if (prepare(address, 4)) {
                INT.set(table[addr >>> SHIFT], addr & MASK, data);
            } else {
                writeStraddling(address, 4, data);
            }
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            return (long) LONG.get(table[addr >>> SHIFT], addr & MASK);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            return prepare(address, 8)
                    ? (long) LONG.get(table[addr >>> SHIFT], addr & MASK)
                    : readStraddling(address, 8);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        try {
            LONG.set(table[addr >>> SHIFT], addr & MASK, data);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            if (prepare(address, 8)) {
                LONG.set(table[addr >>> SHIFT], addr & MASK, data);
            } else {
                writeStraddling(address, 8, data);
            }
        }
    }

    @Override
    public float readFloat(int addr) {
        try {
            return (float) FLOAT.get(table[addr >>> SHIFT], addr & MASK);
        } catch (RuntimeException e) {
            return Float.intBitsToFloat(readInt(addr));
        }
    }

    @Override
    public void writeF32(int addr, float data) {
        try {
            FLOAT.set(table[addr >>> SHIFT], addr & MASK, data);
        } catch (RuntimeException e) {
            writeI32(addr, Float.floatToRawIntBits(data));
        }
    }

    @Override
    public double readDouble(int addr) {
        try {
            return (double) DOUBLE.get(table[addr >>> SHIFT], addr & MASK);
        } catch (RuntimeException e) {
            return Double.longBitsToDouble(readLong(addr));
        }
    }

    @Override
    public void writeF64(int addr, double data) {
        try {
            DOUBLE.set(table[addr >>> SHIFT], addr & MASK, data);
        } catch (RuntimeException e) {
            writeLong(addr, Double.doubleToRawLongBits(data));
        }
    }

    // ---------------------------------------------------------------- bulk access

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        checkBounds(offset, size, data.length, WasmRuntimeException::new);
        long address = unsigned(addr);
        checkBounds(address, size);
        writeChecked(address, data, offset, size);
    }

    private void writeChecked(long address, byte[] data, int offset, int size) {
        while (size > 0) {
            int at = offsetOf(address);
            int chunk = Math.min(size, PAGE_SIZE - at);
            System.arraycopy(data, offset, ensure(pageOf(address)), at, chunk);
            address += chunk;
            offset += chunk;
            size -= chunk;
        }
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        long address = unsigned(addr);
        checkBounds(address, len);
        byte[] result = new byte[len];
        int done = 0;
        while (done < len) {
            int at = offsetOf(address);
            int chunk = Math.min(len - done, PAGE_SIZE - at);
            byte[] array = existing(pageOf(address));
            if (array != null) {
                System.arraycopy(array, at, result, done, chunk);
            } // a page never written stays zero in the result
            address += chunk;
            done += chunk;
        }
        return result;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        long address = unsigned(fromIndex);
        long size = unsigned(toIndex - fromIndex);
        checkBounds(address, size);
        while (size > 0) {
            int page = pageOf(address);
            int at = offsetOf(address);
            int chunk = (int) Math.min(size, PAGE_SIZE - at);
            if (value != 0) {
                Arrays.fill(ensure(page), at, at + chunk, value);
            } else {
                // zeroing a page never written would only commit memory
                byte[] array = existing(page);
                if (array != null) {
                    Arrays.fill(array, at, at + chunk, (byte) 0);
                }
            }
            address += chunk;
            size -= chunk;
        }
    }

    @Override
    public void zero() {
        Arrays.fill(table, null);
    }

    @Override
    public void copy(int dest, int src, int size) {
        long to = unsigned(dest);
        long from = unsigned(src);
        long length = unsigned(size);
        checkBounds(from, length);
        checkBounds(to, length);
        if (length == 0 || to == from) {
            return;
        }
        if (to < from || to >= from + length) {
            // forwards: no overlap, or the destination lies below the source
            long done = 0;
            while (done < length) {
                done += copyChunk(to + done, from + done, length - done, true);
            }
        } else {
            // backwards: the destination overlaps the source from above
            long remaining = length;
            while (remaining > 0) {
                remaining -= copyChunk(to + remaining, from + remaining, remaining, false);
            }
        }
    }

    /**
     * Copies one chunk that stays within one page on each side: forwards the chunk starts at
     * {@code to}/{@code from}; backwards it ends (exclusive) there. Returns its length.
     */
    private int copyChunk(long to, long from, long remaining, boolean forwards) {
        long chunk;
        long toStart;
        long fromStart;
        if (forwards) {
            chunk = Math.min(remaining, Math.min(PAGE_SIZE - offsetOf(to), PAGE_SIZE - offsetOf(from)));
            toStart = to;
            fromStart = from;
        } else {
            // the last byte is at to - 1 / from - 1: stay in their pages
            chunk = Math.min(remaining, Math.min(offsetOf(to - 1) + 1L, offsetOf(from - 1) + 1L));
            toStart = to - chunk;
            fromStart = from - chunk;
        }
        int n = (int) chunk;
        int toAt = offsetOf(toStart);
        int fromAt = offsetOf(fromStart);
        byte[] source = existing(pageOf(fromStart));
        if (source == null) {
            // a page never written is zero: only a written target needs clearing
            byte[] target = existing(pageOf(toStart));
            if (target != null) {
                Arrays.fill(target, toAt, toAt + n, (byte) 0);
            }
            return n;
        }
        // System.arraycopy copies overlapping ranges of one array as if through a temporary copy
        System.arraycopy(source, fromAt, ensure(pageOf(toStart)), toAt, n);
        return n;
    }

    // ---------------------------------------------------------------- data segments

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        keepDataSegments(instance, dataSegments, memoryIndex);
        if (dataSegments == null) {
            return;
        }
        for (int i = 0; i < dataSegments.length; i++) {
            DataSegment s = dataSegments[i];
            if (s instanceof ActiveDataSegment) {
                ActiveDataSegment segment = (ActiveDataSegment) s;
                if (segment.index() != memoryIndex) {
                    continue;
                }
                SegmentBytes.Slice data = segment(dataSegments, i);
                long offset = unsigned(
                        (int) ConstantEvaluators.computeConstantValue(instance, segment.offsetInstructions())[0]);
                checkBounds(offset, data.length(), byteSize(), UninstantiableException::new);
                writeChecked(offset, data.array(), data.from(), data.length());
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new WasmEngineException("Data segment should be active or passive: " + s);
            }
        }
    }
}
