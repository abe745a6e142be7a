package dev.wit4j.runtime.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import run.endive.runtime.ConstantEvaluators;
import run.endive.runtime.Instance;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.UninstantiableException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.PassiveDataSegment;

/**
 * The linear memory of every unshared wasm32 memory: one {@code byte[]} while the memory is at most
 * {@link #FLAT_PAGES} pages, a {@link PagedMemory} beyond (so that a memory can grow to the full
 * 4 GiB).
 *
 * <p>Why one array: compiled guest code spends its time in loads and stores whose addresses depend
 * on the value loaded just before (an interpreter's dispatch, a hash table, a linked structure).
 * With one array an access is a bounds check and a load; with a page table it is two more
 * dependent loads (the table, then the page) on that critical path. On a bytecode-interpreter loop
 * in C, compiled by clang, one array ran the same guest code about twice as fast as pages.
 *
 * <p>Accesses are checked against the memory's size by {@link Objects#checkIndex} on limits kept
 * per access width (the JIT folds that check into the array's own). The array covers the memory
 * up to the highest byte written so far (and at most as much again), so {@code memory.grow}
 * allocates and copies nothing, and memory never written costs little heap: a read past the
 * array's end (but within the memory) finds zeros, a write there fails the array's own bounds
 * check and, on that slow path, the array grows — to twice its length at least, so a memory filled
 * from the bottom up is copied a logarithmic number of times, at most its final size in all. The
 * doubling may run past the memory's current size (a guest heap grows by small steps, each written
 * at once: capped at the size, every step would copy everything), never past what the memory may
 * still grow to: its maximum and what the instance's {@link Budget} has left.
 *
 * <p>Past {@link #FLAT_PAGES} (256 MiB), or when the JVM cannot allocate a larger array, the memory
 * moves once into a {@link PagedMemory} (pages allocated when first written) and every access goes
 * there. A memory whose initial size is already past {@code FLAT_PAGES} starts paged. Not for
 * shared memories, like {@code PagedMemory}.
 */
final class FlatMemory extends UnsharedMemory {

    /** The largest memory held in one array (256 MiB): past it, pages. */
    static final int FLAT_PAGES = 4_096;

    private final int flatPages;
    /** The memory up to the highest byte written so far, while flat; null once paged. */
    private byte[] bytes;
    /** Once the memory outgrew one array: where every access goes. */
    private PagedMemory paged;
    /*
     * One more than the highest address an access of 1, 2, 4 or 8 bytes may start at: the size
     * minus the width less one. Negative when the memory is smaller than the width, which makes
     * every such access fail its check.
     */
    private int limit1;
    private int limit2;
    private int limit4;
    private int limit8;

    FlatMemory(MemoryLimits limits, Budget budget) {
        this(limits, budget, FLAT_PAGES);
    }

    /**
     * A memory held in one array up to {@code flatPages} pages (a parameter so that tests can move
     * a small memory to pages).
     *
     * @throws LimitExceededException if the budget cannot hold the initial pages
     */
    FlatMemory(MemoryLimits limits, Budget budget, int flatPages) {
        super(limits, budget);
        this.flatPages = flatPages;
        if (pages <= flatPages) {
            bytes = new byte[0];
            setLimits();
        } else {
            becomePaged(null);
        }
    }

    /**
     * The array, grown if needed to hold the in-bounds range ending at {@code end}; null if the
     * memory had to move to pages for it (the JVM could not allocate a larger array).
     */
    private byte[] holding(long end) {
        byte[] b = bytes;
        if (end <= b.length) {
            return b;
        }
        long wanted = Math.min(roomToGrow(), Math.max(2L * b.length, (end + PAGE_SIZE - 1) & -PAGE_SIZE));
        byte[] larger;
        try {
            larger = new byte[(int) wanted];
        } catch (OutOfMemoryError e) {
            becomePaged(b); // pages allocate only what is written
            return null;
        }
        // what lies past the old array was never written: zeros, as the new array's are
        System.arraycopy(b, 0, larger, 0, b.length);
        bytes = larger;
        return larger;
    }

    /**
     * How long the array may get: past the memory's size, up to what the memory may still grow to
     * (its maximum, the flat limit and the budget left), so that a memory grown a little at a time
     * and written as it grows — a guest heap — is still copied only a logarithmic number of times.
     */
    private long roomToGrow() {
        long size = byteSize();
        long room = (long) Math.min(growLimit(), flatPages) * PAGE_SIZE;
        long left = budget.memoryLeft();
        if (left < room - size) {
            room = size + left;
        }
        return Math.max(size, room);
    }

    private void setLimits() {
        int size = pages * PAGE_SIZE;
        limit1 = size;
        limit2 = size - 1;
        limit4 = size - 3;
        limit8 = size - 7;
    }

    /**
     * Moves the memory (what was written of it is in {@code from}, if not null) to pages; if that
     * runs out of heap, nothing has changed.
     */
    private void becomePaged(byte[] from) {
        PagedMemory target = new PagedMemory(limits, Budget.UNLIMITED);
        if (pages > limits.initialPages()) {
            target.grow(pages - limits.initialPages());
        }
        if (from != null) {
            byte[] zero = new byte[PAGE_SIZE];
            for (int at = 0; at < from.length; at += PAGE_SIZE) {
                int length = Math.min(PAGE_SIZE, from.length - at);
                // a page never written stays unallocated there
                if (Arrays.mismatch(from, at, at + length, zero, 0, length) >= 0) {
                    target.write(at, from, at, length);
                }
            }
        }
        paged = target;
        bytes = null;
        limit1 = limit2 = limit4 = limit8 = -1;
    }

    /** How many bytes the array holds while flat: for tests. */
    int heldBytes() {
        return bytes == null ? -1 : bytes.length;
    }

    /** Whether the memory has moved to pages: for tests. */
    boolean isPaged() {
        return bytes == null;
    }

    // ---------------------------------------------------------------- size

    @Override
    public int grow(int delta) {
        int previous = pages;
        long wanted = takePages(delta);
        if (wanted < 0) {
            return -1;
        }
        if (bytes == null) {
            paged.grow((int) (wanted - previous));
        } else if (wanted > flatPages) {
            try {
                becomePaged(bytes);
            } catch (OutOfMemoryError e) {
                // not even the pages in use could be copied: the memory stays as it was
                givePagesBack(wanted - previous);
                return -1;
            }
            paged.grow((int) (wanted - previous));
        }
        pages = (int) wanted;
        if (bytes != null) {
            setLimits();
        }
        return previous;
    }

    // ---------------------------------------------------------------- bounds

    private WasmRuntimeException outOfBounds(int addr, long length) {
        return new WasmRuntimeException(outOfBounds(Integer.toUnsignedLong(addr), length, byteSize()));
    }

    /** Traps unless {@code [addr, addr + length)} (unsigned) lies in the flat memory. */
    private void check(int addr, int length) {
        long end = Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(length);
        if (end > byteSize()) {
            throw outOfBounds(addr, Integer.toUnsignedLong(length));
        }
    }

    // ---------------------------------------------------------------- scalar access

    /*
     * The fast path indexes the array after checking the address against the memory's size; an
     * access that fails either check comes to one of these two: outside the memory it traps,
     * inside it reads zeros where nothing was written or grows the array and goes again.
     */

    /** Whether an in-bounds read of {@code width} bytes at {@code addr} lies where nothing was written. */
    private boolean unwritten(int addr, int width) {
        check(addr, width);
        long at = Integer.toUnsignedLong(addr);
        if (at >= bytes.length) {
            return true;
        }
        holding(at + width); // straddles the end of what was written
        return false;
    }

    /** Makes room for an in-bounds write of {@code width} bytes at {@code addr}. */
    private void prepareWrite(int addr, int width) {
        check(addr, width);
        holding(Integer.toUnsignedLong(addr) + width);
    }

    @Override
    public byte read(int addr) {
        byte[] b = bytes;
        if (b == null) {
            return paged.read(addr);
        }
        try {
            return b[Objects.checkIndex(addr, limit1)];
        } catch (IndexOutOfBoundsException e) {
            return unwritten(addr, 1) ? 0 : read(addr);
        }
    }

    @Override
    public void writeByte(int addr, byte data) {
        byte[] b = bytes;
        if (b == null) {
            paged.writeByte(addr, data);
            return;
        }
        try {
            b[Objects.checkIndex(addr, limit1)] = data;
        } catch (IndexOutOfBoundsException e) {
            prepareWrite(addr, 1);
            writeByte(addr, data);
        }
    }

    @Override
    public short readShort(int addr) {
        byte[] b = bytes;
        if (b == null) {
            return paged.readShort(addr);
        }
        try {
            return (short) SHORT.get(b, Objects.checkIndex(addr, limit2));
        } catch (IndexOutOfBoundsException e) {
            return unwritten(addr, 2) ? 0 : readShort(addr);
        }
    }

    @Override
    public void writeShort(int addr, short data) {
        byte[] b = bytes;
        if (b == null) {
            paged.writeShort(addr, data);
            return;
        }
        try {
            SHORT.set(b, Objects.checkIndex(addr, limit2), data);
        } catch (IndexOutOfBoundsException e) {
            prepareWrite(addr, 2);
            writeShort(addr, data);
        }
    }

    @Override
    public int readInt(int addr) {
        byte[] b = bytes;
        if (b == null) {
            return paged.readInt(addr);
        }
        try {
            return (int) INT.get(b, Objects.checkIndex(addr, limit4));
        } catch (IndexOutOfBoundsException e) {
            return unwritten(addr, 4) ? 0 : readInt(addr);
        }
    }

    @Override
    public void writeI32(int addr, int data) {
        byte[] b = bytes;
        if (b == null) {
            paged.writeI32(addr, data);
            return;
        }
        try {
            INT.set(b, Objects.checkIndex(addr, limit4), data);
        } catch (IndexOutOfBoundsException e) {
            prepareWrite(addr, 4);
            writeI32(addr, data);
        }
    }

    @Override
    public long readLong(int addr) {
        byte[] b = bytes;
        if (b == null) {
            return paged.readLong(addr);
        }
        try {
            return (long) LONG.get(b, Objects.checkIndex(addr, limit8));
        } catch (IndexOutOfBoundsException e) {
            return unwritten(addr, 8) ? 0 : readLong(addr);
        }
    }

    @Override
    public void writeLong(int addr, long data) {
        byte[] b = bytes;
        if (b == null) {
            paged.writeLong(addr, data);
            return;
        }
        try {
            LONG.set(b, Objects.checkIndex(addr, limit8), data);
        } catch (IndexOutOfBoundsException e) {
            prepareWrite(addr, 8);
            writeLong(addr, data);
        }
    }

    @Override
    public float readFloat(int addr) {
        byte[] b = bytes;
        if (b == null) {
            return paged.readFloat(addr);
        }
        try {
            return (float) FLOAT.get(b, Objects.checkIndex(addr, limit4));
        } catch (IndexOutOfBoundsException e) {
            return unwritten(addr, 4) ? 0f : readFloat(addr);
        }
    }

    @Override
    public void writeF32(int addr, float data) {
        byte[] b = bytes;
        if (b == null) {
            paged.writeF32(addr, data);
            return;
        }
        try {
            FLOAT.set(b, Objects.checkIndex(addr, limit4), data);
        } catch (IndexOutOfBoundsException e) {
            prepareWrite(addr, 4);
            writeF32(addr, data);
        }
    }

    @Override
    public double readDouble(int addr) {
        byte[] b = bytes;
        if (b == null) {
            return paged.readDouble(addr);
        }
        try {
            return (double) DOUBLE.get(b, Objects.checkIndex(addr, limit8));
        } catch (IndexOutOfBoundsException e) {
            return unwritten(addr, 8) ? 0.0 : readDouble(addr);
        }
    }

    @Override
    public void writeF64(int addr, double data) {
        byte[] b = bytes;
        if (b == null) {
            paged.writeF64(addr, data);
            return;
        }
        try {
            DOUBLE.set(b, Objects.checkIndex(addr, limit8), data);
        } catch (IndexOutOfBoundsException e) {
            prepareWrite(addr, 8);
            writeF64(addr, data);
        }
    }

    // ---------------------------------------------------------------- bulk access

    @Override
    public void write(int addr, byte[] data, int offset, int size) {
        if (offset < 0 || size < 0 || (long) offset + size > data.length) {
            throw new WasmRuntimeException(outOfBounds(offset, size, data.length));
        }
        byte[] b = bytes == null ? null : checked(addr, size, true);
        if (b == null) {
            paged.write(addr, data, offset, size);
            return;
        }
        System.arraycopy(data, offset, b, addr, size);
    }

    /**
     * The array after checking {@code [addr, addr + length)} against the memory (a trap if it lies
     * outside), grown to hold the range if {@code writing}; null if the memory moved to pages.
     */
    private byte[] checked(int addr, int length, boolean writing) {
        check(addr, length);
        return writing ? holding(Integer.toUnsignedLong(addr) + Integer.toUnsignedLong(length)) : bytes;
    }

    @Override
    public byte[] readBytes(int addr, int len) {
        if (bytes == null) {
            return paged.readBytes(addr, len);
        }
        if (len < 0) {
            throw outOfBounds(addr, len);
        }
        byte[] b = checked(addr, len, false);
        byte[] result = new byte[len];
        int written = Math.min(len, b.length - addr); // the rest was never written: zeros
        if (written > 0) {
            System.arraycopy(b, addr, result, 0, written);
        }
        return result;
    }

    @Override
    public void fill(byte value, int fromIndex, int toIndex) {
        if (bytes == null) {
            paged.fill(value, fromIndex, toIndex);
            return;
        }
        int size = toIndex - fromIndex;
        // zeros need not be written where nothing was
        byte[] b = checked(fromIndex, size, value != 0);
        if (b == null) {
            paged.fill(value, fromIndex, toIndex);
            return;
        }
        int end = (int) Math.min(b.length, Integer.toUnsignedLong(fromIndex) + Integer.toUnsignedLong(size));
        if (fromIndex < end) {
            Arrays.fill(b, fromIndex, end, value);
        }
    }

    @Override
    public void zero() {
        if (bytes == null) {
            paged.zero();
        } else {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public void copy(int dest, int src, int size) {
        if (bytes == null) {
            paged.copy(dest, src, size);
            return;
        }
        check(src, size);
        byte[] b = checked(dest, size, true);
        // a source past what was written reads zeros: the array is grown over it too
        b = b == null ? null : holding(Integer.toUnsignedLong(src) + Integer.toUnsignedLong(size));
        if (b == null) {
            paged.copy(dest, src, size);
            return;
        }
        // System.arraycopy copies overlapping ranges of one array as if through a temporary copy
        System.arraycopy(b, src, b, dest, size);
    }

    // ---------------------------------------------------------------- data segments

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        keepDataSegments(instance, dataSegments, memoryIndex);
        if (dataSegments == null) {
            return;
        }
        List<SegmentBytes.Slice> data = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        long end = 0;
        for (int i = 0; i < dataSegments.length; i++) {
            DataSegment s = dataSegments[i];
            if (s instanceof ActiveDataSegment segment) {
                if (segment.index() == memoryIndex) {
                    SegmentBytes.Slice bytes = segment(dataSegments, i);
                    int offset =
                            (int) ConstantEvaluators.computeConstantValue(instance, segment.offsetInstructions())[0];
                    data.add(bytes);
                    offsets.add(offset);
                    end = Math.max(end, Integer.toUnsignedLong(offset) + bytes.length());
                }
            } else if (!(s instanceof PassiveDataSegment)) {
                throw new WasmEngineException("Data segment should be active or passive: " + s);
            }
        }
        reserve(end);
        long limit = byteSize();
        for (int i = 0; i < data.size(); i++) {
            SegmentBytes.Slice bytes = data.get(i);
            int offset = offsets.get(i);
            if (Integer.toUnsignedLong(offset) + bytes.length() > limit) {
                throw new UninstantiableException(outOfBounds(Integer.toUnsignedLong(offset), bytes.length(), limit));
            }
            write(offset, bytes.array(), bytes.from(), bytes.length());
        }
    }

    /**
     * Allocates the array once for the data segments, which end at {@code end}, instead of doubling
     * it segment by segment: each array is fresh heap that the operating system maps in page by
     * page, so intermediate arrays cost more than their copying.
     */
    private void reserve(long end) {
        byte[] b = bytes;
        long wanted = Math.min(byteSize(), (end + PAGE_SIZE - 1) & -PAGE_SIZE);
        if (b == null || wanted <= b.length) {
            return;
        }
        try {
            byte[] larger = new byte[(int) wanted];
            System.arraycopy(b, 0, larger, 0, b.length);
            bytes = larger;
        } catch (OutOfMemoryError e) {
            // the segments' own writes grow the array, or move the memory to pages
        }
    }
}
