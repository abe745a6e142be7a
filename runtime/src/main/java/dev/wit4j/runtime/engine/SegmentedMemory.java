package dev.wit4j.runtime.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * memories (one Java array, or pages capped at {@link Memory#RUNTIME_MAX_PAGES}) cannot.
 *
 * <p>The address space is split into segments of {@code 1 << segmentShift} bytes (1 GiB by
 * default), each a {@code byte[]}. Addresses are unsigned 32-bit offsets passed as {@code int}.
 * A segment's array is allocated lazily on first touch and grown geometrically (doubling), but
 * never beyond the part of the segment that lies below the memory's current size: so an access
 * that fits in its segment's array is in bounds, and the fast path only indexes the array and lets
 * the JVM's own checks ({@code NullPointerException}, {@code IndexOutOfBoundsException}) send
 * everything else — untouched or not yet allocated bytes, accesses straddling two segments,
 * out-of-bounds accesses — to a slow path that checks the bounds against the size, traps with
 * Endive's "out of bounds memory access" or allocates and retries. Bytes that were never touched
 * read as zero. Little-endian throughout.
 *
 * <p>Memory is only committed when it is touched, so {@code memory.grow} succeeds up to the
 * declared maximum even if the JVM heap could not hold it all; touching more than the heap allows
 * fails with {@link OutOfMemoryError}.
 *
 * <p>Not for shared memories: growing a segment's array copies it, which would lose a racing
 * write from another thread. {@link #supports} says which limits it serves.
 */
final class SegmentedMemory implements Memory {

    /** The most pages a wasm32 memory can have (4 GiB). */
    static final int MAX_PAGES = MemoryLimits.MAX_PAGES;

    /** Default segment size: 1 GiB. */
    static final int DEFAULT_SEGMENT_SHIFT = 30;

    private static final int MIN_CAPACITY = PAGE_SIZE;

    private static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT =
            MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final MemoryLimits limits;
    private final int maxPages;
    private final int shift;
    private final int mask;
    private final long segmentSize;
    /** Segment arrays, each null (untouched) or at most as long as its part below {@link #pages}. */
    private final byte[][] segments;
    private int pages;
    private DataSegment[] dataSegments;

    /** Whether this implementation serves a memory with {@code limits} (every unshared memory). */
    static boolean supports(MemoryLimits limits) {
        return !limits.shared();
    }

    SegmentedMemory(MemoryLimits limits) {
        this(limits, DEFAULT_SEGMENT_SHIFT);
    }

    /** For tests: {@code segmentShift} from 16 (one page) to 30 (1 GiB). */
    SegmentedMemory(MemoryLimits limits, int segmentShift) {
        if (segmentShift < 16 || segmentShift > 30) {
            throw new IllegalArgumentException("segment shift " + segmentShift);
        }
        if (limits.shared()) {
            throw new IllegalArgumentException("a segmented memory cannot be shared");
        }
        this.limits = limits;
        this.maxPages = Math.min(Math.max(limits.maximumPages(), 0), MAX_PAGES);
        if (limits.initialPages() < 0 || limits.initialPages() > maxPages) {
            throw new IllegalArgumentException("initial pages " + limits.initialPages() + " exceed the maximum "
                    + maxPages);
        }
        this.shift = segmentShift;
        this.segmentSize = 1L << segmentShift;
        this.mask = (int) (segmentSize - 1);
        long maxBytes = (long) maxPages * PAGE_SIZE;
        this.segments = new byte[(int) Math.max(1, (maxBytes + segmentSize - 1) >>> segmentShift)][];
        this.pages = limits.initialPages();
    }

    // ---------------------------------------------------------------- size

    @Override
    public int pages() {
        return pages;
    }

    private long byteSize() {
        return (long) pages * PAGE_SIZE;
    }

    @Override
    public int grow(int delta) {
        int previous = pages;
        long wanted = previous + Integer.toUnsignedLong(delta);
        if (wanted > maxPages) {
            return -1;
        }
        pages = (int) wanted;
        return previous;
    }

    @Override
    public int initialPages() {
        return limits.initialPages();
    }

    /**
     * The declared maximum as Endive's own memories report it: capped at
     * {@link Memory#RUNTIME_MAX_PAGES}. Endive checks an imported memory against the importer's
     * limits with {@code memory.maximumPages() <= importMax}, reading an unbounded (or 65536-page)
     * importer maximum as {@code RUNTIME_MAX_PAGES}; reporting the real maximum would make every
     * unbounded memory unlinkable into an unbounded import. {@link #grow} uses the real maximum.
     */
    @Override
    public int maximumPages() {
        return Math.min(maxPages, RUNTIME_MAX_PAGES);
    }

    /** The real maximum: how far {@link #grow} goes. */
    int growLimit() {
        return maxPages;
    }

    @Override
    public boolean shared() {
        return false;
    }

    // ---------------------------------------------------------------- segments

    /** The bytes of segment {@code segment} below the current size. */
    private long extent(int segment) {
        long start = (long) segment << shift;
        return Math.max(0, Math.min(segmentSize, byteSize() - start));
    }

    /** Segment {@code segment}'s array, at least {@code end} bytes long ({@code end <= extent}). */
    private byte[] ensure(int segment, long end) {
        byte[] array = segments[segment];
        if (array != null && array.length >= end) {
            return array;
        }
        int old = array == null ? 0 : array.length;
        long capacity = Math.min(extent(segment), Math.max(end, Math.max(2L * old, MIN_CAPACITY)));
        byte[] grown = array == null ? new byte[(int) capacity] : Arrays.copyOf(array, (int) capacity);
        segments[segment] = grown;
        return grown;
    }

    private int segmentOf(long address) {
        return (int) (address >>> shift);
    }

    private int offsetOf(long address) {
        return (int) (address & mask);
    }

    /** Traps unless {@code [address, address + length)} lies in the memory; addresses unsigned. */
    private void checkBounds(long address, long length) {
        checkBounds(address, length, byteSize(), WasmRuntimeException::new);
    }

    private static void checkBounds(long address, long length, long limit,
            Function<String, ? extends WasmEngineException> exception) {
        if (address < 0 || length < 0 || address + length > limit) {
            throw exception.apply("out of bounds memory access: attempted to access address: " + address
                    + " but limit is: " + limit + " and size: " + length);
        }
    }

    private static long unsigned(int value) {
        return Integer.toUnsignedLong(value);
    }

    /**
     * Prepares an in-bounds access of {@code width} bytes at {@code address} for the fast path
     * again: false if it straddles two segments (then the caller goes byte by byte).
     */
    private boolean prepare(long address, int width) {
        checkBounds(address, width);
        int offset = offsetOf(address);
        if (offset + (long) width > segmentSize) {
            return false;
        }
        ensure(segmentOf(address), offset + (long) width);
        return true;
    }

    private byte byteAt(long address) {
        byte[] array = segments[segmentOf(address)];
        int offset = offsetOf(address);
        return array != null && offset < array.length ? array[offset] : 0;
    }

    private void putByte(long address, byte value) {
        int offset = offsetOf(address);
        ensure(segmentOf(address), offset + 1L)[offset] = value;
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
            return segments[addr >>> shift][addr & mask];
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            checkBounds(address, 1);
            return byteAt(address);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        try {
            segments[addr >>> shift][addr & mask] = data;
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            checkBounds(address, 1);
            putByte(address, data);
        }
    }

    @Override
    public short readShort(int addr) {
        try {
            return (short) SHORT.get(segments[addr >>> shift], addr & mask);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            return prepare(address, 2) ? (short) SHORT.get(segments[addr >>> shift], addr & mask)
                    : (short) readStraddling(address, 2);
        }
    }

    @Override
    public void writeShort(int addr, short data) {
        try {
            SHORT.set(segments[addr >>> shift], addr & mask, data);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            if (prepare(address, 2)) {
                SHORT.set(segments[addr >>> shift], addr & mask, data);
            } else {
                writeStraddling(address, 2, data);
            }
        }
    }

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public int readInt(int addr) {
        try {
            return (int) INT.get(segments[addr >>> shift], addr & mask);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            return prepare(address, 4) ? (int) INT.get(segments[addr >>> shift], addr & mask)
                    : (int) readStraddling(address, 4);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        try {
            INT.set(segments[addr >>> shift], addr & mask, data);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            if (prepare(address, 4)) {
                INT.set(segments[addr >>> shift], addr & mask, data);
            } else {
                writeStraddling(address, 4, data);
            }
        }
    }

    @Override
    public long readLong(int addr) {
        try {
            return (long) LONG.get(segments[addr >>> shift], addr & mask);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            return prepare(address, 8) ? (long) LONG.get(segments[addr >>> shift], addr & mask)
                    : readStraddling(address, 8);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        try {
            LONG.set(segments[addr >>> shift], addr & mask, data);
        } catch (RuntimeException e) {
            long address = unsigned(addr);
            if (prepare(address, 8)) {
                LONG.set(segments[addr >>> shift], addr & mask, data);
            } else {
                writeStraddling(address, 8, data);
            }
        }
    }

    @Override
    public float readFloat(int addr) {
        try {
            return (float) FLOAT.get(segments[addr >>> shift], addr & mask);
        } catch (RuntimeException e) {
            return Float.intBitsToFloat(readInt(addr));
        }
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public void writeF32(int addr, float data) {
        try {
            FLOAT.set(segments[addr >>> shift], addr & mask, data);
        } catch (RuntimeException e) {
            writeI32(addr, Float.floatToRawIntBits(data));
        }
    }

    @Override
    public double readDouble(int addr) {
        try {
            return (double) DOUBLE.get(segments[addr >>> shift], addr & mask);
        } catch (RuntimeException e) {
            return Double.longBitsToDouble(readLong(addr));
        }
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    @Override
    public void writeF64(int addr, double data) {
        try {
            DOUBLE.set(segments[addr >>> shift], addr & mask, data);
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
            int chunk = (int) Math.min(size, segmentSize - at);
            System.arraycopy(data, offset, ensure(segmentOf(address), (long) at + chunk), at, chunk);
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
            int chunk = (int) Math.min(len - done, segmentSize - at);
            byte[] array = segments[segmentOf(address)];
            int available = array == null ? 0 : Math.max(0, Math.min(chunk, array.length - at));
            if (available > 0) {
                System.arraycopy(array, at, result, done, available);
            }
            // bytes past the array were never touched: they stay zero in the result
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
            int segment = segmentOf(address);
            int at = offsetOf(address);
            int chunk = (int) Math.min(size, segmentSize - at);
            if (value != 0) {
                Arrays.fill(ensure(segment, (long) at + chunk), at, at + chunk, value);
            } else {
                // zeroing untouched bytes would only commit memory: clear what the array holds
                byte[] array = segments[segment];
                if (array != null && at < array.length) {
                    Arrays.fill(array, at, Math.min(array.length, at + chunk), (byte) 0);
                }
            }
            address += chunk;
            size -= chunk;
        }
    }

    @Override
    public void zero() {
        Arrays.fill(segments, null);
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
                int chunk = copyChunk(to + done, from + done, length - done, true);
                done += chunk;
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
     * Copies one chunk that stays within one segment on each side: forwards the chunk starts at
     * {@code to}/{@code from}; backwards it ends (exclusive) there. Returns its length.
     */
    private int copyChunk(long to, long from, long remaining, boolean forwards) {
        long chunk;
        long toStart;
        long fromStart;
        if (forwards) {
            chunk = Math.min(remaining, Math.min(segmentSize - offsetOf(to), segmentSize - offsetOf(from)));
            toStart = to;
            fromStart = from;
        } else {
            // the last byte is at to - 1 / from - 1: stay in their segments
            chunk = Math.min(remaining, Math.min(offsetOf(to - 1) + 1L, offsetOf(from - 1) + 1L));
            toStart = to - chunk;
            fromStart = from - chunk;
        }
        int n = (int) chunk;
        int toAt = offsetOf(toStart);
        int fromAt = offsetOf(fromStart);
        byte[] target = ensure(segmentOf(toStart), (long) toAt + n);
        byte[] source = segments[segmentOf(fromStart)];
        int available = source == null ? 0 : Math.max(0, Math.min(n, source.length - fromAt));
        // System.arraycopy copies overlapping ranges of one array as if through a temporary copy
        if (available > 0) {
            System.arraycopy(source, fromAt, target, toAt, available);
        }
        // source bytes past its array were never touched: they are zero
        Arrays.fill(target, toAt + available, toAt + n, (byte) 0);
        return n;
    }

    // ---------------------------------------------------------------- data segments

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        this.dataSegments = dataSegments;
        if (dataSegments == null) {
            return;
        }
        for (DataSegment s : dataSegments) {
            if (s instanceof ActiveDataSegment) {
                ActiveDataSegment segment = (ActiveDataSegment) s;
                if (segment.index() != memoryIndex) {
                    continue;
                }
                byte[] data = segment.data();
                long offset = unsigned((int) ConstantEvaluators.computeConstantValue(instance,
                        segment.offsetInstructions())[0]);
                checkBounds(offset, data.length, byteSize(), UninstantiableException::new);
                writeChecked(offset, data, 0, data.length);
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new WasmEngineException("Data segment should be active or passive: " + s);
            }
        }
    }

    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        byte[] data = dataSegments[segmentId].data();
        long from = unsigned(offset);
        long length = unsigned(size);
        checkBounds(from, length, data.length, WasmRuntimeException::new);
        long to = unsigned(dest);
        checkBounds(to, length);
        writeChecked(to, data, (int) from, (int) length);
    }

    @Override
    public void drop(int segment) {
        dataSegments[segment] = PassiveDataSegment.EMPTY;
    }

    // ---------------------------------------------------------------- atomics (unshared: plain)

    @Override
    @SuppressWarnings("removal")
    public Object lock(int address) {
        return this;
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, int expected, long timeout) {
        throw new WasmEngineException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int waitOn(int address, long expected, long timeout) {
        throw new WasmEngineException("Attempt to wait on a non-shared memory, not supported.");
    }

    @Override
    @SuppressWarnings("removal")
    public int notify(int address, int maxThreads) {
        return 0;
    }

    @Override
    public void atomicFence() {
        VarHandle.fullFence();
    }
}
