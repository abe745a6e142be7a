package dev.wit4j.runtime.internal.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.WeakHashMap;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.PassiveDataSegment;

/**
 * What every unshared wasm32 memory of wit4j's has in common, whatever holds its bytes
 * ({@link FlatMemory}, {@link PagedMemory}): its size in pages and how far it may grow (the declared
 * maximum, up to 65536 pages, and the instance's {@link Budget}), passive data segments, the trap
 * message of an out-of-bounds access, and atomics, which are plain on an unshared memory.
 */
abstract class UnsharedMemory implements Memory {

    /** Little-endian views of a {@code byte[]}, one per access width, for the memories' arrays. */
    static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    /** The most pages a wasm32 memory can have (4 GiB). */
    static final int MAX_PAGES = MemoryLimits.MAX_PAGES;

    final MemoryLimits limits;
    private final int maxPages;
    /** What every memory of the instance may still take together. */
    final Budget budget;
    /** The memory's size. */
    int pages;
    /** The data segments of the instance that defines this memory (its {@code memory.init}), or null. */
    private DataSegment[] dataSegments;
    /** Those of instances that import it, for their {@code memory.init} (compiled code says who calls), or null. */
    private Map<Instance, DataSegment[]> importers;
    /** Where the bytes of its defining module's placeholder segments lie, or null ({@link SegmentBytes}). */
    SegmentBytes segmentBytes;
    /**
     * The numeric globals of the instance whose memory 0 this is ({@link GlobalCells}), or null
     * when its module keeps them elsewhere.
     */
    long[] cells;

    /**
     * A memory whose pages, initial and grown, are taken from {@code budget}.
     *
     * @throws LimitExceededException if the budget cannot hold the initial pages
     */
    UnsharedMemory(MemoryLimits limits, Budget budget) {
        if (limits.shared()) {
            throw new IllegalArgumentException("a " + getClass().getSimpleName() + " cannot be shared");
        }
        this.limits = limits;
        this.maxPages = Math.min(Math.max(limits.maximumPages(), 0), MAX_PAGES);
        if (limits.initialPages() < 0 || limits.initialPages() > maxPages) {
            throw new IllegalArgumentException(
                    "initial pages " + limits.initialPages() + " exceed the maximum " + maxPages);
        }
        this.budget = budget;
        if (budget != Budget.UNLIMITED) {
            budget.createMemory((long) limits.initialPages() * PAGE_SIZE);
        }
        this.pages = limits.initialPages();
    }

    // ---------------------------------------------------------------- size

    @Override
    public int pages() {
        return pages;
    }

    long byteSize() {
        return (long) pages * PAGE_SIZE;
    }

    /**
     * The size in pages after growing by {@code delta} (unsigned), taken from the budget; -1 if
     * that passes the maximum or the budget (failing is what {@code memory.grow} may always do).
     * The size itself is the caller's to change.
     */
    long takePages(int delta) {
        long wanted = pages + Integer.toUnsignedLong(delta);
        if (wanted > maxPages) {
            return -1;
        }
        if (budget != Budget.UNLIMITED && !budget.tryGrowMemory((wanted - pages) * PAGE_SIZE)) {
            return -1;
        }
        return wanted;
    }

    /** Gives {@code count} pages taken by {@link #takePages} back, for a growth that then failed. */
    void givePagesBack(long count) {
        if (budget != Budget.UNLIMITED) {
            budget.releaseMemory(count * PAGE_SIZE);
        }
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

    /** Endive's message for an access of {@code length} bytes at {@code address} past {@code limit}. */
    static String outOfBounds(long address, long length, long limit) {
        return "out of bounds memory access: attempted to access address: " + address + " but limit is: " + limit
                + " and size: " + length;
    }

    // ---------------------------------------------------------------- widths read through others

    @Override
    public long readU16(int addr) {
        return readShort(addr) & 0xFFFFL;
    }

    @Override
    public long readF32(int addr) {
        return readInt(addr);
    }

    @Override
    public long readF64(int addr) {
        return readLong(addr);
    }

    // ---------------------------------------------------------------- data segments

    /**
     * Keeps {@code instance}'s data segments (its own array, in which {@code data.drop} empties a
     * segment) for {@code memory.init}: as the defining instance's, or, if this memory is its
     * {@code memoryIndex}th import, as an importer's.
     */
    void keepDataSegments(Instance instance, DataSegment[] dataSegments, int memoryIndex) {
        if (instance == null || memoryIndex >= instance.imports().memoryCount()) {
            this.dataSegments = dataSegments;
        } else {
            if (importers == null) importers = new WeakHashMap<>();
            importers.put(instance, dataSegments);
        }
    }

    @Override
    public void initialize(Instance instance, DataSegment[] dataSegments) {
        initialize(instance, dataSegments, 0);
    }

    /** The bytes of segment {@code i} of {@code segments}, where they lie. */
    SegmentBytes.Slice segment(DataSegment[] segments, int i) {
        return segmentBytes != null ? segmentBytes.bytes(segments, i) : SegmentBytes.of(segments[i]);
    }

    /**
     * {@code memory.init} by code that does not say which instance runs it (the interpreter): that
     * of the instance interpreted on this thread ({@link InterpretedCode}).
     */
    @Override
    public void initPassiveSegment(int segmentId, int dest, int offset, int size) {
        initPassiveSegment(importers == null ? null : InterpretedCode.running(), segmentId, dest, offset, size);
    }

    /** {@code memory.init} by {@code instance}'s code. */
    void initPassiveSegment(Instance instance, int segmentId, int dest, int offset, int size) {
        DataSegment[] segments = importers == null || instance == null ? null : importers.get(instance);
        initPassiveSegment(segments != null ? segments : dataSegments, segmentId, dest, offset, size);
    }

    private void initPassiveSegment(DataSegment[] segments, int segmentId, int dest, int offset, int size) {
        // an active segment was dropped when the instance was made (Core spec, 4.5.4 Instantiation)
        SegmentBytes.Slice data =
                segments[segmentId] instanceof ActiveDataSegment ? SegmentBytes.NONE : segment(segments, segmentId);
        long from = Integer.toUnsignedLong(offset);
        long length = Integer.toUnsignedLong(size);
        if (from + length > data.length()) {
            throw new WasmRuntimeException(outOfBounds(from, length, data.length()));
        }
        write(dest, data.array(), data.from() + offset, size);
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
