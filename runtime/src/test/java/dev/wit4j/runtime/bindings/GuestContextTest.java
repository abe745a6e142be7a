package dev.wit4j.runtime.bindings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.BorrowScope;
import dev.wit4j.runtime.abi.ByteArrayMemory;
import dev.wit4j.runtime.abi.CanonicalOptions;
import dev.wit4j.runtime.abi.HandleTable;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.abi.ResourceTypes;
import dev.wit4j.runtime.abi.StringEncoding;
import dev.wit4j.runtime.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every trap the primitives face raises, and strings in each encoding. */
class GuestContextTest {

    private final ByteArrayMemory memory = new ByteArrayMemory(65536);
    private long next = 1024;
    private long reallocResult = -1;
    private final HandleTable handles = new HandleTable();
    private final ResourceType rt = new ResourceType("thing", null);

    private GuestContext context(StringEncoding encoding, BorrowScope scope) {
        CanonicalOptions options = CanonicalOptions.of(encoding, memory, (oldPtr, oldSize, align, size) -> {
            if (reallocResult >= 0) {
                return reallocResult;
            }
            long p = (next + align - 1) / align * align;
            next = p + size;
            return p;
        });
        return GuestContext.of(new LiftLowerContext(options, handles, null, scope, ResourceTypes.none()));
    }

    private GuestContext utf8() {
        return context(StringEncoding.UTF8, null);
    }

    private static void traps(Trap.Reason reason, Executable e) {
        assertEquals(reason, assertThrows(Trap.class, e).reason());
    }

    @Test
    void scalarsAndTheirTraps() {
        assertEquals(0x10FFFF, GuestContext.liftChar(0x10FFFF));
        traps(Trap.Reason.INVALID_CHAR, () -> GuestContext.liftChar(0xD800));
        traps(Trap.Reason.INVALID_CHAR, () -> GuestContext.liftChar(0x110000));
        traps(Trap.Reason.INVALID_CHAR, () -> GuestContext.liftChar(0xFFFF_FFFFL));
        assertThrows(IllegalArgumentException.class, () -> GuestContext.lowerChar(0xDFFF));
        assertEquals(2, GuestContext.checkDiscriminant(2, 3));
        traps(Trap.Reason.INVALID_DISCRIMINANT, () -> GuestContext.checkDiscriminant(3, 3));
        traps(Trap.Reason.INVALID_DISCRIMINANT, () -> GuestContext.checkDiscriminant(0xFFFF_FFFFL, 3));
        // NaNs are canonicalised both ways; other bits are kept
        assertEquals(GuestContext.CANONICAL_FLOAT32_NAN, Float.floatToRawIntBits(GuestContext.liftF32(0x7fc00001L)));
        assertEquals(
                Integer.toUnsignedLong(GuestContext.CANONICAL_FLOAT32_NAN),
                GuestContext.lowerF32(Float.intBitsToFloat(0xffc00123)));
        assertEquals(
                GuestContext.CANONICAL_FLOAT64_NAN,
                GuestContext.lowerF64(Double.longBitsToDouble(0xfff8000000000123L)));
        assertEquals(-1.5f, GuestContext.liftF32(GuestContext.lowerF32(-1.5f)));
        assertEquals(Double.doubleToRawLongBits(-0.0), GuestContext.lowerF64(-0.0));
    }

    @Test
    void memoryAccessesAreCheckedAndLittleEndian() {
        GuestContext cx = utf8();
        cx.writeInt(8, 0x01020304);
        assertEquals(4, cx.readByte(8));
        assertEquals(0x01020304L, cx.readU32(8));
        cx.writeF64(16, Double.NaN);
        assertEquals(GuestContext.CANONICAL_FLOAT64_NAN, cx.readLong(16));
        cx.writeBool(24, true);
        assertTrue(cx.readBool(24));
        cx.writeByte(25, (byte) 2);
        assertTrue(cx.readBool(25), "any non-zero byte is true");
        cx.writeInt(28, 0xD800);
        traps(Trap.Reason.INVALID_CHAR, () -> cx.readChar(28));
        traps(Trap.Reason.OUT_OF_BOUNDS, () -> cx.readInt(65534));
        traps(Trap.Reason.OUT_OF_BOUNDS, () -> cx.writeLong(65530, 1));
    }

    @Test
    void pointerAndAllocationChecks() {
        GuestContext cx = utf8();
        assertEquals(64, cx.checkPointer(64, 8, 16));
        traps(Trap.Reason.UNALIGNED_POINTER, () -> cx.checkPointer(66, 4, 8));
        traps(Trap.Reason.OUT_OF_BOUNDS, () -> cx.checkPointer(65532, 4, 8));
        reallocResult = 1026;
        traps(Trap.Reason.UNALIGNED_POINTER, () -> cx.allocate(4, 8));
        reallocResult = 65528;
        traps(Trap.Reason.OUT_OF_BOUNDS, () -> cx.allocate(8, 16));
        reallocResult = -1;
        traps(Trap.Reason.LIST_TOO_LONG, () -> cx.checkList(0, 1L << 26, 8, 4));
        traps(Trap.Reason.UNALIGNED_POINTER, () -> cx.checkList(2, 1, 4, 4));
        traps(Trap.Reason.OUT_OF_BOUNDS, () -> cx.checkList(65000, 100, 8, 4));
        traps(Trap.Reason.LIST_TOO_LONG, () -> cx.allocateList(Integer.MAX_VALUE, 8, 4));
    }

    @ParameterizedTest
    @EnumSource(StringEncoding.class)
    void stringsRoundTripInEveryEncoding(StringEncoding encoding) {
        GuestContext cx = context(encoding, null);
        for (String s : List.of("", "plain", "Latin-1 é", "snow ☃ and 𝄞")) {
            long pair = cx.lowerString(s);
            assertEquals(s, cx.liftString(GuestContext.pointer(pair), GuestContext.length(pair)), encoding + ": " + s);
            cx.storeString(s, 16);
            assertEquals(s, cx.loadString(16));
        }
        if (encoding == StringEncoding.LATIN1_UTF16) {
            assertEquals(1, GuestContext.length(cx.lowerString("é")), "latin-1 when every character fits");
            assertEquals(1 | (1L << 31), GuestContext.length(cx.lowerString("☃")), "utf-16 tagged otherwise");
        }
        assertThrows(IllegalArgumentException.class, () -> cx.lowerString("a\uDC00"));
        assertThrows(NullPointerException.class, () -> cx.lowerString(null));
    }

    @Test
    void stringTraps() {
        GuestContext cx = utf8();
        memory.writeBytes(100, new byte[] {(byte) 0xC3, 0x28}, 0, 2);
        traps(Trap.Reason.INVALID_STRING_ENCODING, () -> cx.liftString(100, 2));
        traps(Trap.Reason.STRING_TOO_LONG, () -> cx.liftString(0, 1L << 28));
        traps(Trap.Reason.OUT_OF_BOUNDS, () -> cx.liftString(65530, 10));
        GuestContext utf16 = context(StringEncoding.UTF16, null);
        traps(Trap.Reason.UNALIGNED_POINTER, () -> utf16.liftString(101, 1));
    }

    @Test
    void listsOfNumbersAndOfRecords() {
        GuestContext cx = utf8();
        long ints = cx.lowerInts(new int[] {1, -2, 3});
        assertEquals(3, GuestContext.length(ints));
        assertArrayEquals(new int[] {1, -2, 3}, cx.liftInts(GuestContext.pointer(ints), GuestContext.length(ints)));
        long bytes = cx.lowerBytes(new byte[] {9, 8});
        assertArrayEquals(new byte[] {9, 8}, cx.liftBytes(GuestContext.pointer(bytes), GuestContext.length(bytes)));
        long shorts = cx.lowerShorts(new short[] {-1, 7});
        assertArrayEquals(
                new short[] {-1, 7}, cx.liftShorts(GuestContext.pointer(shorts), GuestContext.length(shorts)));
        long longs = cx.lowerLongs(new long[] {Long.MIN_VALUE});
        assertArrayEquals(
                new long[] {Long.MIN_VALUE}, cx.liftLongs(GuestContext.pointer(longs), GuestContext.length(longs)));
        float[] f = cx.liftFloats(
                GuestContext.pointer(cx.lowerFloats(new float[] {1.5f, Float.intBitsToFloat(0x7f800001)})), 2);
        assertEquals(GuestContext.CANONICAL_FLOAT32_NAN, Float.floatToRawIntBits(f[1]));
        assertArrayEquals(
                new double[] {2.25}, cx.liftDoubles(GuestContext.pointer(cx.lowerDoubles(new double[] {2.25})), 1));
        List<int[]> points = List.of(new int[] {1, 2}, new int[] {3, 4});
        long pair = cx.lowerList(points, 8, 4, (c, v, at) -> {
            c.writeInt(at, v[0]);
            c.writeInt(at + 4, v[1]);
        });
        assertEquals(2, GuestContext.length(pair));
        long p = GuestContext.pointer(pair);
        List<Integer> sums = cx.liftList(p, 2, 8, 4, (c, at) -> c.readInt(at) + c.readInt(at + 4));
        assertEquals(List.of(3, 7), sums);
        traps(Trap.Reason.UNALIGNED_POINTER, () -> cx.liftInts(2, 1));
    }

    @Test
    void ownHandles() {
        GuestContext cx = utf8();
        long i = cx.lowerOwn(42, rt);
        assertEquals(42, cx.liftOwn(i, rt));
        traps(Trap.Reason.UNKNOWN_HANDLE, () -> cx.liftOwn(i, rt));
        long j = cx.lowerOwn(7, rt);
        traps(Trap.Reason.HANDLE_TYPE_MISMATCH, () -> cx.liftOwn(j, new ResourceType("other", null)));
        Value.Own h = utf8().liftOwnHandle(cx.lowerOwn(5, rt), rt, "thing");
        assertEquals(5, h.handle().rep());
        assertThrows(IllegalArgumentException.class, () -> cx.lowerOwnHandle(h, new ResourceType("other", null)));
        traps(Trap.Reason.UNKNOWN_HANDLE, () -> cx.liftOwn(0, rt));
    }

    @Test
    void borrowsAreCountedAndLent() {
        BorrowScope.Task task = new BorrowScope.Task();
        GuestContext callee = context(StringEncoding.UTF8, task);
        long b = callee.lowerBorrow(9, rt);
        assertEquals(1, task.numBorrows());
        traps(Trap.Reason.BORROWS_OUTSTANDING, task::checkAllBorrowsDropped);
        handles.resourceDrop(rt, (int) b);
        task.checkAllBorrowsDropped();

        BorrowScope.Subtask subtask = new BorrowScope.Subtask();
        GuestContext caller = context(StringEncoding.UTF8, subtask);
        long own = caller.lowerOwn(11, rt);
        assertEquals(11, caller.liftBorrow(own, rt));
        assertEquals(1, subtask.lentCount());
        traps(Trap.Reason.HANDLE_LENT, () -> caller.liftOwn(own, rt)); // a trap: the caller is lost anyway
        subtask.deliverResolve();
        assertEquals(0, subtask.lentCount());
        long other = caller.lowerOwn(12, rt);
        assertEquals(12, caller.liftOwn(other, rt));
        assertThrows(IllegalStateException.class, () -> utf8().liftBorrow(1, rt), "lifting a borrow needs a subtask");
    }
}
