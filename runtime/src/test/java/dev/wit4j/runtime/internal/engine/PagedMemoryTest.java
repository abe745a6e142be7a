package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.types.MemoryLimits;

class PagedMemoryTest {

    private static final int PAGE = Memory.PAGE_SIZE;

    /** Four pages, growable to eight. */
    private static PagedMemory small() {
        return new PagedMemory(new MemoryLimits(4, 8));
    }

    private static void assertTrap(Runnable access) {
        WasmRuntimeException e = assertThrows(WasmRuntimeException.class, access::run);
        assertTrue(e.getMessage().startsWith("out of bounds memory access"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {-7, -4, -3, -2, -1, 0, 1, 5})
    void scalarsAcrossASegmentBoundaryAreLittleEndian(int delta) {
        PagedMemory m = small();
        int a = PAGE + delta;
        m.writeLong(a, 0x0807060504030201L);
        for (int i = 0; i < 8; i++) {
            assertEquals(i + 1, m.read(a + i));
        }
        assertEquals(0x0807060504030201L, m.readLong(a));
        assertEquals(0x04030201, m.readInt(a));
        assertEquals(0x0201, m.readShort(a));
        assertEquals(0x0201L, m.readU16(a));
        m.writeI32(a, 0xCAFEBABE);
        assertEquals(0xCAFEBABE, m.readInt(a));
        assertEquals(0x0807060504030201L & 0xFFFFFFFF00000000L | 0xCAFEBABEL, m.readLong(a));
        m.writeShort(a, (short) 0xBEEF);
        assertEquals((short) 0xBEEF, m.readShort(a));
        assertEquals(0xBEEFL, m.readU16(a));
        m.writeF32(a, 1.5f);
        assertEquals(1.5f, m.readFloat(a));
        assertEquals(Float.floatToRawIntBits(1.5f), (int) m.readF32(a));
        m.writeF64(a, -2.25);
        assertEquals(-2.25, m.readDouble(a));
        assertEquals(Double.doubleToRawLongBits(-2.25), m.readF64(a));
        m.writeByte(a, (byte) 0x7f);
        assertEquals(0x7f, m.read(a));
        assertEquals(m.readLong(a), ByteArrayMemoryMirror.of(m, a, 8));
    }

    /** Each width's value matches what Endive's own memory stores for the same writes. */
    @Test
    void agreesWithEndiveOnRandomAccesses() {
        PagedMemory m = new PagedMemory(new MemoryLimits(3, 3));
        ByteArrayMemory reference = new ByteArrayMemory(new MemoryLimits(3, 3));
        Random random = new Random(42);
        int size = 3 * PAGE;
        for (int i = 0; i < 20_000; i++) {
            int width = 1 << random.nextInt(4);
            int a = random.nextBoolean() ? PAGE - 8 + random.nextInt(16) : random.nextInt(size - 7);
            long v = random.nextLong();
            switch (width) {
                case 1 -> {
                    m.writeByte(a, (byte) v);
                    reference.writeByte(a, (byte) v);
                }
                case 2 -> {
                    m.writeShort(a, (short) v);
                    reference.writeShort(a, (short) v);
                }
                case 4 -> {
                    m.writeI32(a, (int) v);
                    reference.writeI32(a, (int) v);
                }
                default -> {
                    m.writeLong(a, v);
                    reference.writeLong(a, v);
                }
            }
            int r = random.nextBoolean() ? 2 * PAGE - 8 + random.nextInt(16) : random.nextInt(size - 7);
            assertEquals(reference.readLong(r), m.readLong(r));
            assertEquals(reference.readInt(r), m.readInt(r));
            assertEquals(reference.readShort(r), m.readShort(r));
            assertEquals(reference.read(r), m.read(r));
        }
        assertArrayEquals(reference.readBytes(0, size), m.readBytes(0, size));
    }

    @Test
    void untouchedMemoryReadsAsZero() {
        PagedMemory m = small();
        assertEquals(0L, m.readLong(3 * PAGE - 4));
        assertEquals(0, m.readInt(4 * PAGE - 4));
        assertArrayEquals(new byte[4 * PAGE], m.readBytes(0, 4 * PAGE));
    }

    @Test
    void outOfBoundsAccessesTrap() {
        PagedMemory m = small();
        int end = 4 * PAGE;
        assertTrap(() -> m.read(end));
        assertTrap(() -> m.writeByte(end, (byte) 1));
        assertTrap(() -> m.readShort(end - 1));
        assertTrap(() -> m.writeShort(end - 1, (short) 1));
        assertTrap(() -> m.readInt(end - 3));
        assertTrap(() -> m.writeI32(end - 3, 1));
        assertTrap(() -> m.readLong(end - 7));
        assertTrap(() -> m.writeLong(end - 7, 1));
        assertTrap(() -> m.readFloat(end - 2));
        assertTrap(() -> m.writeF64(end - 2, 1));
        assertTrap(() -> m.readInt(-1)); // 0xFFFF_FFFF, unsigned
        assertTrap(() -> m.readBytes(end - 2, 3));
        assertTrap(() -> m.write(end - 2, new byte[3], 0, 3));
        assertTrap(() -> m.fill((byte) 1, end - 2, end + 1));
        assertTrap(() -> m.copy(end - 2, 0, 3));
        assertTrap(() -> m.copy(0, end - 2, 3));
        // the last in-bounds long still works
        assertEquals(0L, m.readLong(end - 8));
        m.writeLong(end - 8, -1L);
        assertEquals(-1L, m.readLong(end - 8));
    }

    @Test
    void growRespectsTheMaximumAndMakesMemoryAccessible() {
        PagedMemory m = small();
        assertTrap(() -> m.writeI32(5 * PAGE, 1));
        assertEquals(4, m.grow(2));
        assertEquals(6, m.pages());
        m.writeI32(5 * PAGE + 3, 0x11223344);
        assertEquals(0x11223344, m.readInt(5 * PAGE + 3));
        assertEquals(-1, m.grow(3));
        assertEquals(-1, m.grow(-1)); // 0xFFFF_FFFF pages, unsigned
        assertEquals(6, m.grow(2));
        assertEquals(8, m.grow(0));
        assertEquals(8, m.maximumPages());
        assertEquals(8, m.growLimit());
    }

    @Test
    void reachesTheFullWasm32RangeWithoutCommittingIt() {
        PagedMemory m = new PagedMemory(new MemoryLimits(1, MemoryLimits.MAX_PAGES));
        assertEquals(65536, m.growLimit());
        assertEquals(Memory.RUNTIME_MAX_PAGES, m.maximumPages()); // as Endive reports it, for import checks
        assertEquals(1, m.grow(65530));
        assertEquals(65531, m.pages());
        assertEquals(65531, m.grow(5));
        assertEquals(-1, m.grow(1));
        m.writeByte(0, (byte) 1);
        m.writeI32(1, 0x01020304);
        assertEquals(0x01020304, m.readInt(1));
        // the top of a 4 GiB memory (addresses passed as unsigned ints)
        assertEquals(0L, m.readLong(-8));
        assertTrap(() -> m.readLong(-7));
    }

    @Test
    void growsBeyondTwoGibibytesWhenTheHeapAllows() {
        // touching the bytes around 2 GiB commits the pages touched and nothing else
        PagedMemory m = new PagedMemory(new MemoryLimits(0));
        assertEquals(0, m.grow(32768 + 16)); // 2 GiB + 1 MiB
        int twoGiB = Integer.MIN_VALUE; // 0x8000_0000 as an unsigned address
        int last = twoGiB + (1 << 20) - 4;
        m.writeLong(twoGiB - 4, 0x1122334455667788L); // straddles the segment boundary at 2 GiB
        m.writeI32(last, 0x7f000001);
        assertEquals(0x1122334455667788L, m.readLong(twoGiB - 4));
        assertEquals(0x55667788, m.readInt(twoGiB - 4));
        assertEquals(0x11223344, m.readInt(twoGiB));
        assertEquals(0x7f000001, m.readInt(last));
        assertTrap(() -> m.read(last + 4));
        assertTrap(() -> m.readInt(last + 1));
        m.zero();
        assertEquals(0, m.readInt(last));
    }

    /**
     * Growing one page at a time and touching each new page never copies a page already in use:
     * each keeps its array (a guest's allocator growing its heap must not pay for what it used).
     */
    @Test
    void growthNeverCopiesPagesInUse() {
        PagedMemory m = new PagedMemory(new MemoryLimits(1));
        m.writeByte(0, (byte) 1);
        byte[] first = m.pageArray(0);
        java.util.List<byte[]> arrays = new java.util.ArrayList<>();
        for (int page = 1; page < 2_000; page++) {
            assertEquals(page, m.grow(1));
            m.writeI32(page * PAGE + 8, page);
            arrays.add(m.pageArray(page));
        }
        org.junit.jupiter.api.Assertions.assertSame(first, m.pageArray(0));
        for (int page = 1; page < 2_000; page++) {
            org.junit.jupiter.api.Assertions.assertSame(arrays.get(page - 1), m.pageArray(page));
            assertEquals(page, m.readInt(page * PAGE + 8));
        }
        assertEquals(1, m.read(0));
    }

    /** Reading memory never written commits nothing; growth alone commits nothing. */
    @Test
    void readsAndGrowthCommitNothing() {
        PagedMemory m = new PagedMemory(new MemoryLimits(2));
        m.grow(30_000);
        assertEquals(0L, m.readLong(20_000 * PAGE + 5));
        assertArrayEquals(new byte[3 * PAGE], m.readBytes(10 * PAGE, 3 * PAGE));
        m.copy(5 * PAGE, 100 * PAGE, 2 * PAGE);
        m.fill((byte) 0, 7 * PAGE, 9 * PAGE);
        for (int page = 0; page < m.pages(); page += 997) {
            org.junit.jupiter.api.Assertions.assertNull(m.pageArray(page));
        }
        org.junit.jupiter.api.Assertions.assertNull(m.pageArray(5));
        org.junit.jupiter.api.Assertions.assertNull(m.pageArray(6));
    }

    @Test
    void bulkWriteAndReadAcrossPages() {
        PagedMemory m = small();
        byte[] data = new byte[2 * PAGE + 100];
        new Random(1).nextBytes(data);
        m.write(PAGE / 2, data, 0, data.length);
        assertArrayEquals(data, m.readBytes(PAGE / 2, data.length));
        assertEquals(data[PAGE / 2], m.read(PAGE));
        m.write(10, data, 5, 3);
        assertArrayEquals(new byte[] {data[5], data[6], data[7]}, m.readBytes(10, 3));
    }

    @Test
    void fillAcrossPages() {
        PagedMemory m = small();
        m.fill((byte) 7, PAGE - 3, 3 * PAGE + 3);
        assertEquals(0, m.read(PAGE - 4));
        assertEquals(7, m.read(PAGE - 3));
        assertEquals(7, m.read(2 * PAGE));
        assertEquals(7, m.read(3 * PAGE + 2));
        assertEquals(0, m.read(3 * PAGE + 3));
        m.fill((byte) 0, PAGE, 3 * PAGE);
        assertEquals(7, m.read(PAGE - 1));
        assertEquals(0, m.read(PAGE));
        assertEquals(0, m.read(3 * PAGE - 1));
        assertEquals(7, m.read(3 * PAGE));
        m.fill((byte) 1, 4 * PAGE, 4 * PAGE); // empty at the end: fine
        m.zero();
        assertEquals(0, m.read(PAGE - 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {-PAGE - 7, -PAGE, -5, -1, 1, 5, PAGE, PAGE + 3, PAGE + 10_000})
    void copyAcrossPagesHandlesOverlapInBothDirections(int shift) {
        PagedMemory m = small();
        byte[] reference = new byte[4 * PAGE];
        Random random = new Random(shift);
        byte[] data = new byte[PAGE + PAGE / 2];
        random.nextBytes(data);
        int src = PAGE + PAGE / 3;
        m.write(src, data, 0, data.length);
        System.arraycopy(data, 0, reference, src, data.length);
        int length = data.length + 200; // includes bytes that were never touched
        int dest = src + shift;
        m.copy(dest, src, length);
        System.arraycopy(reference.clone(), src, reference, dest, length);
        assertArrayEquals(reference, m.readBytes(0, 4 * PAGE));
    }

    @Test
    void copyFromUntouchedMemoryZeroes() {
        PagedMemory m = small();
        m.fill((byte) 9, 0, PAGE + 10);
        m.copy(0, 2 * PAGE + 5, PAGE + 10);
        assertArrayEquals(new byte[PAGE + 10], m.readBytes(0, PAGE + 10));
    }

    @Test
    void unsharedAtomicsWork() {
        PagedMemory m = small();
        m.atomicWriteInt(PAGE - 4, 5);
        assertEquals(5, m.atomicAddInt(PAGE - 4, 2));
        assertEquals(7, m.atomicReadInt(PAGE - 4));
        assertEquals(7L, m.atomicCmpxchgLong(PAGE - 4, 7L, 9L) & 0xFFFFFFFFL);
        assertEquals(9, m.atomicReadInt(PAGE - 4));
    }

    /** Little-endian bytes of {@code m} through single-byte reads: an independent decoding. */
    private static final class ByteArrayMemoryMirror {
        static long of(Memory m, int a, int width) {
            long v = 0;
            for (int i = width - 1; i >= 0; i--) {
                v = (v << 8) | (m.read(a + i) & 0xFF);
            }
            return v;
        }
    }
}
