package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import run.endive.runtime.Memory;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.types.MemoryLimits;

class FlatMemoryTest {

    private static final int PAGE = Memory.PAGE_SIZE;

    private static void assertTrap(Runnable access) {
        WasmRuntimeException e = assertThrows(WasmRuntimeException.class, access::run);
        assertTrue(e.getMessage().startsWith("out of bounds memory access"), e.getMessage());
    }

    /**
     * Every access of every width is checked against the memory's size, not the array's length:
     * the array holds only what was written, reads past it find zeros and writes past it grow it.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void accessesAreCheckedAgainstTheMemoryNotTheArray(int grownPages) {
        FlatMemory m = new FlatMemory(new MemoryLimits(1, 16), Budget.UNLIMITED);
        for (int i = 0; i < grownPages; i++) {
            m.grow(1);
        }
        assertEquals(0, m.heldBytes()); // growing allocates nothing
        int size = (1 + grownPages) * PAGE;
        assertEquals(0L, m.readLong(size - 8)); // never written
        for (int width : new int[] {1, 2, 4, 8}) {
            int last = size - width;
            write(m, width, last, -1L);
            assertEquals(-1L, read(m, width, last) | ~mask(width));
            for (int a : new int[] {last + 1, size, size + 7, -1, Integer.MIN_VALUE, -width}) {
                assertTrap(() -> read(m, width, a));
                assertTrap(() -> write(m, width, a, 1));
            }
        }
        assertEquals(size, m.heldBytes());
        assertFalse(m.isPaged());
    }

    @Test
    void theArrayGrowsOnlyAsFarAsWritesReachAndReadsStraddlingItsEndSeeBoth() {
        FlatMemory m = new FlatMemory(new MemoryLimits(64, 64), Budget.UNLIMITED);
        m.writeByte(10, (byte) 7);
        assertEquals(PAGE, m.heldBytes());
        assertEquals(0, m.readLong(40 * PAGE)); // a read allocates nothing
        assertEquals(PAGE, m.heldBytes());
        m.writeI32(PAGE - 4, 0x01020304);
        assertEquals(0x01020304L, m.readLong(PAGE - 4)); // straddles the end of what was written
        m.writeByte(3 * PAGE, (byte) 1);
        assertEquals(4 * PAGE, m.heldBytes()); // twice the length, or as far as the write
        assertEquals(7, m.read(10));
        assertArrayEquals(new byte[] {1, 0, 0}, m.readBytes(3 * PAGE, 3));
        assertArrayEquals(new byte[5], m.readBytes(50 * PAGE, 5));
        m.fill((byte) 0, 60 * PAGE, 61 * PAGE); // zeros where nothing was written: no allocation
        assertEquals(4 * PAGE, m.heldBytes());
        m.copy(63 * PAGE, 10, 1);
        assertEquals(7, m.read(63 * PAGE));
        assertEquals(64 * PAGE, m.heldBytes());
    }

    @Test
    void anEmptyMemoryTrapsOnEveryAccess() {
        FlatMemory m = new FlatMemory(new MemoryLimits(0, 1), Budget.UNLIMITED);
        for (int width : new int[] {1, 2, 4, 8}) {
            assertTrap(() -> read(m, width, 0));
        }
        assertTrap(() -> m.readBytes(0, 1));
        assertArrayEquals(new byte[0], m.readBytes(0, 0));
        assertEquals(0, m.grow(1));
        assertEquals(0, m.readLong(PAGE - 8));
        assertEquals(0, m.heldBytes());
    }

    /**
     * A random sequence of scalar and bulk accesses and growth gives the same bytes as a
     * {@link PagedMemory}, in a memory that starts flat and moves to pages on the way.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 64})
    void agreesWithPagedMemoryThroughGrowthAndTheMoveToPages(int flatPages) {
        MemoryLimits limits = new MemoryLimits(1, 8);
        FlatMemory m = new FlatMemory(limits, Budget.UNLIMITED, flatPages);
        PagedMemory reference = new PagedMemory(limits);
        Random random = new Random(7 + flatPages);
        for (int i = 0; i < 40_000; i++) {
            int size = reference.pages() * PAGE;
            int op = random.nextInt(100);
            if (op == 0 && reference.pages() < 8) {
                assertEquals(reference.grow(1), m.grow(1));
                continue;
            }
            int a = random.nextInt(size + 16) - 8;
            long v = random.nextLong();
            if (op < 60) {
                int width = 1 << random.nextInt(4);
                same(reference, m, mem -> write(mem, width, a, v));
                int r = random.nextInt(size + 16) - 8;
                assertEquals(readOrTrap(reference, width, r), readOrTrap(m, width, r));
            } else if (op < 70) {
                byte[] data = new byte[random.nextInt(2 * PAGE)];
                random.nextBytes(data);
                same(reference, m, mem -> mem.write(a, data, 0, data.length));
            } else if (op < 80) {
                int length = random.nextInt(2 * PAGE);
                same(reference, m, mem -> mem.fill((byte) v, a, a + length));
            } else if (op < 90) {
                int from = random.nextInt(size + 16) - 8;
                int length = random.nextInt(PAGE + PAGE / 2);
                same(reference, m, mem -> mem.copy(a, from, length));
            } else {
                int length = random.nextInt(PAGE);
                if (Integer.toUnsignedLong(a) + length <= size) {
                    assertArrayEquals(reference.readBytes(a, length), m.readBytes(a, length));
                } else {
                    assertTrap(() -> m.readBytes(a, length));
                }
            }
        }
        assertEquals(reference.pages(), m.pages());
        int size = reference.pages() * PAGE;
        assertArrayEquals(reference.readBytes(0, size), m.readBytes(0, size));
        assertEquals(flatPages < 8 && reference.pages() > flatPages, m.isPaged());
    }

    /** Runs {@code access} on both memories: both trap, or neither does. */
    private static void same(Memory reference, Memory m, Consumer<Memory> access) {
        boolean referenceTrapped = trapped(reference, access);
        assertEquals(referenceTrapped, trapped(m, access));
    }

    /** The value read, or null if the access trapped. */
    private static Long readOrTrap(Memory memory, int width, int a) {
        try {
            return read(memory, width, a);
        } catch (WasmRuntimeException e) {
            return null;
        }
    }

    private static boolean trapped(Memory memory, Consumer<Memory> access) {
        try {
            access.accept(memory);
            return false;
        } catch (WasmRuntimeException e) {
            assertTrue(e.getMessage().startsWith("out of bounds memory access"), e.getMessage());
            return true;
        }
    }

    @Test
    void growingPastTheFlatLimitKeepsEveryByteAndGrowsOn() {
        FlatMemory m = new FlatMemory(new MemoryLimits(2, 10), Budget.UNLIMITED, 2);
        m.writeLong(8, 0x1122334455667788L);
        m.writeI32(2 * PAGE - 4, 42);
        assertEquals(2, m.grow(3));
        assertTrue(m.isPaged());
        assertEquals(0x1122334455667788L, m.readLong(8));
        assertEquals(42, m.readInt(2 * PAGE - 4));
        m.writeLong(5 * PAGE - 8, 7L);
        assertEquals(7L, m.readLong(5 * PAGE - 8));
        assertTrap(() -> m.readLong(5 * PAGE - 7));
        assertEquals(5, m.grow(5));
        assertEquals(-1, m.grow(1));
        assertEquals(10, m.pages());
    }

    @Test
    void aMemoryLargerThanTheFlatLimitStartsPaged() {
        FlatMemory m = new FlatMemory(new MemoryLimits(3, 4), Budget.UNLIMITED, 2);
        assertTrue(m.isPaged());
        m.writeI32(3 * PAGE - 4, 9);
        assertEquals(9, m.readInt(3 * PAGE - 4));
        assertTrap(() -> m.readInt(3 * PAGE - 3));
    }

    @Test
    void growthIsHeldToTheDeclaredMaximumAndTheBudget() {
        Budget budget = new Budget(3L * PAGE, Long.MAX_VALUE);
        FlatMemory m = new FlatMemory(new MemoryLimits(1, 5), budget);
        assertEquals(1, m.grow(2));
        assertEquals(-1, m.grow(1)); // the budget: three pages
        assertEquals(3, m.pages());
        FlatMemory bounded = new FlatMemory(new MemoryLimits(1, 2), Budget.UNLIMITED);
        assertEquals(-1, bounded.grow(2));
        assertEquals(1, bounded.grow(1));
        assertEquals(-1, bounded.grow(-1)); // an unsigned delta of 2^32 - 1 pages
        assertEquals(2, bounded.growLimit());
    }

    @Test
    void theFactoryUsesAFlatMemoryForUnsharedMemories() {
        assertTrue(CoreModuleInstance.newMemory(new MemoryLimits(1, 2), Budget.UNLIMITED, null) instanceof FlatMemory);
        assertTrue(CoreModuleInstance.newMemory(new MemoryLimits(1), Budget.UNLIMITED, null) instanceof FlatMemory);
        assertFalse(
                CoreModuleInstance.newMemory(new MemoryLimits(1, 2, true), Budget.UNLIMITED, null)
                        instanceof FlatMemory);
    }

    private static long mask(int width) {
        return width == 8 ? -1L : (1L << (8 * width)) - 1;
    }

    private static long read(Memory m, int width, int a) {
        return switch (width) {
            case 1 -> m.read(a) & 0xFFL;
            case 2 -> m.readU16(a);
            case 4 -> m.readInt(a) & 0xFFFFFFFFL;
            default -> m.readLong(a);
        };
    }

    private static void write(Memory m, int width, int a, long v) {
        switch (width) {
            case 1 -> m.writeByte(a, (byte) v);
            case 2 -> m.writeShort(a, (short) v);
            case 4 -> m.writeI32(a, (int) v);
            default -> m.writeLong(a, v);
        }
    }
}
