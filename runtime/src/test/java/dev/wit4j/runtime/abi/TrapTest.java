package dev.wit4j.runtime.abi;

import static dev.wit4j.runtime.abi.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every trap condition of lifting and lowering. */
class TrapTest {

    static Trap.Reason trap(Executable e) {
        return assertThrows(Trap.class, e).reason();
    }

    static final Mem MEM = new Mem(256, 128);

    static LiftLowerContext cx(StringEncoding e) {
        return MEM.context(e);
    }

    static Value liftFlat(StringEncoding e, ValueType t, long... flat) {
        return CanonicalAbi.liftFlat(cx(e), new FlatCursor(flat), t);
    }

    // ---------------------------------------------------------------- strings

    @Test
    void stringTooLong() {
        long max = Layout.MAX_STRING_BYTE_LENGTH;
        assertEquals(Trap.Reason.STRING_TOO_LONG, trap(() -> liftFlat(StringEncoding.UTF8, STRING, 0, max + 1)));
        // utf16 lengths count 2-byte code units
        assertEquals(
                Trap.Reason.STRING_TOO_LONG, trap(() -> liftFlat(StringEncoding.UTF16, STRING, 0, (max + 1) / 2 + 1)));
        assertEquals(
                Trap.Reason.STRING_TOO_LONG,
                trap(() ->
                        liftFlat(StringEncoding.LATIN1_UTF16, STRING, 0, StringCodec.UTF16_TAG | ((max + 1) / 2 + 1))));
        // exactly at the maximum it is the bounds check that fails
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> liftFlat(StringEncoding.UTF8, STRING, 0, max)));
    }

    @Test
    void stringOutOfBounds() {
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> liftFlat(StringEncoding.UTF8, STRING, 250, 7)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> liftFlat(StringEncoding.UTF16, STRING, 250, 4)));
        assertEquals("", ((Value.Str) liftFlat(StringEncoding.UTF8, STRING, 256, 0)).value(), "empty at the end");
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> liftFlat(StringEncoding.UTF8, STRING, 0xFFFF_FFFFL, 2)));
    }

    @Test
    void utf16StringMustBeAligned() {
        assertEquals(Trap.Reason.UNALIGNED_POINTER, trap(() -> liftFlat(StringEncoding.UTF16, STRING, 3, 1)));
        assertEquals(Trap.Reason.UNALIGNED_POINTER, trap(() -> liftFlat(StringEncoding.LATIN1_UTF16, STRING, 3, 1)));
        // utf8 has alignment 1
        liftFlat(StringEncoding.UTF8, STRING, 3, 1);
    }

    @Test
    void invalidEncodings() {
        Mem m = new Mem();
        m.memory.writeBytes(0, new byte[] {(byte) 0xC3, 0x28}, 0, 2); // bad continuation
        m.memory.writeBytes(4, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3); // UTF-8 encoded surrogate
        m.memory.writeBytes(8, new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2); // overlong NUL
        m.memory.writeBytes(12, new byte[] {0x00, (byte) 0xD8, 'a', 0}, 0, 4); // lone high surrogate
        m.memory.writeBytes(16, new byte[] {0x00, (byte) 0xDC}, 0, 2); // lone low surrogate
        m.memory.writeBytes(20, new byte[] {0x3D, (byte) 0xD8}, 0, 2); // high surrogate at the end
        LiftLowerContext u8 = m.context(StringEncoding.UTF8);
        LiftLowerContext u16 = m.context(StringEncoding.UTF16);
        LiftLowerContext l1 = m.context(StringEncoding.LATIN1_UTF16);
        Trap.Reason bad = Trap.Reason.INVALID_STRING_ENCODING;
        assertEquals(bad, trap(() -> StringCodec.loadFromRange(u8, 0, 2)));
        assertEquals(bad, trap(() -> StringCodec.loadFromRange(u8, 4, 3)));
        assertEquals(bad, trap(() -> StringCodec.loadFromRange(u8, 8, 2)));
        assertEquals(bad, trap(() -> StringCodec.loadFromRange(u16, 12, 2)));
        assertEquals(bad, trap(() -> StringCodec.loadFromRange(u16, 16, 1)));
        assertEquals(bad, trap(() -> StringCodec.loadFromRange(u16, 20, 1)));
        assertEquals(bad, trap(() -> StringCodec.loadFromRange(l1, 16, 1 | StringCodec.UTF16_TAG)));
        // Latin-1 accepts every byte
        assertEquals("\u00ED\u00A0\u0080", StringCodec.loadFromRange(l1, 4, 3).text());
    }

    // ---------------------------------------------------------------- lists

    @Test
    void listTooLong() {
        long maxElems = Layout.MAX_LIST_BYTE_LENGTH / 4;
        assertEquals(Trap.Reason.LIST_TOO_LONG, trap(() -> liftFlat(StringEncoding.UTF8, list(U32), 0, maxElems + 1)));
        assertEquals(Trap.Reason.LIST_TOO_LONG, trap(() -> liftFlat(StringEncoding.UTF8, list(U64), 0, 0xFFFF_FFFFL)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> liftFlat(StringEncoding.UTF8, list(U32), 0, maxElems)));
    }

    @Test
    void listAlignmentAndBounds() {
        assertEquals(Trap.Reason.UNALIGNED_POINTER, trap(() -> liftFlat(StringEncoding.UTF8, list(U32), 2, 1)));
        assertEquals(Trap.Reason.UNALIGNED_POINTER, trap(() -> liftFlat(StringEncoding.UTF8, list(U64), 4, 0)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> liftFlat(StringEncoding.UTF8, list(U32), 252, 2)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> liftFlat(StringEncoding.UTF8, list(U8), 300, 0)));
        assertEquals(Value.list(), liftFlat(StringEncoding.UTF8, list(U8), 256, 0));
    }

    @Test
    void nestedListInMemoryIsChecked() {
        Mem m = new Mem();
        m.memory.writeInt(0, 6); // list<u32> at 6: misaligned
        m.memory.writeInt(4, 1);
        assertEquals(
                Trap.Reason.UNALIGNED_POINTER,
                trap(() -> CanonicalAbi.load(m.context(StringEncoding.UTF8), 0, list(U32))));
    }

    // ---------------------------------------------------------------- top-level pointers

    @Test
    void loadAndStoreCheckTheirPointer() {
        LiftLowerContext c = cx(StringEncoding.UTF8);
        assertEquals(Trap.Reason.UNALIGNED_POINTER, trap(() -> CanonicalAbi.load(c, 2, U32)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> CanonicalAbi.load(c, 256, U8)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> CanonicalAbi.load(c, 256, U64)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> CanonicalAbi.load(c, 248, tuple(U64, U8))));
        assertEquals(Trap.Reason.UNALIGNED_POINTER, trap(() -> CanonicalAbi.store(c, Value.u64(1), U64, 4)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> CanonicalAbi.store(c, Value.u16(1), U16, 256)));
    }

    @Test
    void spilledParamsPointerIsChecked() {
        List<ValueType> types = new ArrayList<>(Collections.<ValueType>nCopies(17, U32));
        LiftLowerContext c = cx(StringEncoding.UTF8);
        assertEquals(
                Trap.Reason.UNALIGNED_POINTER,
                trap(() -> CanonicalAbi.liftFlatValues(c, Layout.MAX_FLAT_PARAMS, new long[] {2}, types)));
        assertEquals(
                Trap.Reason.OUT_OF_BOUNDS,
                trap(() -> CanonicalAbi.liftFlatValues(c, Layout.MAX_FLAT_PARAMS, new long[] {200}, types)));
    }

    @Test
    void outParamPointerIsChecked() {
        LiftLowerContext c = cx(StringEncoding.UTF8);
        List<ValueType> types = List.of(tuple(U64, U8));
        List<Value> values = List.of(Value.tuple(Value.u64(1), Value.u8(2)));
        assertEquals(
                Trap.Reason.UNALIGNED_POINTER,
                trap(() -> CanonicalAbi.lowerFlatValues(c, 1, values, types, new FlatCursor(new long[] {4}))));
        assertEquals(
                Trap.Reason.OUT_OF_BOUNDS,
                trap(() -> CanonicalAbi.lowerFlatValues(c, 1, values, types, new FlatCursor(new long[] {248}))));
    }

    // ---------------------------------------------------------------- realloc results

    static LiftLowerContext withRealloc(Realloc r) {
        return LiftLowerContext.withoutHandles(CanonicalOptions.of(StringEncoding.UTF16, new ByteArrayMemory(64), r));
    }

    @Test
    void reallocResultsAreChecked() {
        Value s = Value.string("abc");
        assertEquals(
                Trap.Reason.UNALIGNED_POINTER,
                trap(() -> CanonicalAbi.lowerFlat(withRealloc((o, os, a, n) -> 1), s, STRING)));
        assertEquals(
                Trap.Reason.OUT_OF_BOUNDS,
                trap(() -> CanonicalAbi.lowerFlat(withRealloc((o, os, a, n) -> 62), s, STRING)));
        assertEquals(
                Trap.Reason.UNALIGNED_POINTER,
                trap(() ->
                        CanonicalAbi.lowerFlat(withRealloc((o, os, a, n) -> 2), Value.list(Value.u32(1)), list(U32))));
        assertEquals(
                Trap.Reason.OUT_OF_BOUNDS,
                trap(() ->
                        CanonicalAbi.lowerFlat(withRealloc((o, os, a, n) -> 64), Value.list(Value.u32(1)), list(U32))));
        // a negative i32 from realloc is a large unsigned address
        assertEquals(
                Trap.Reason.OUT_OF_BOUNDS,
                trap(() ->
                        CanonicalAbi.lowerFlat(withRealloc((o, os, a, n) -> -4), Value.list(Value.u32(1)), list(U32))));
        List<ValueType> many = new ArrayList<>(Collections.<ValueType>nCopies(17, U32));
        List<Value> values = new ArrayList<>(Collections.nCopies(17, (Value) Value.u32(1)));
        assertEquals(
                Trap.Reason.UNALIGNED_POINTER,
                trap(() -> CanonicalAbi.lowerFlatValues(withRealloc((o, os, a, n) -> 2), 16, values, many)));
    }

    @Test
    void shrinkingReallocIsCheckedToo() {
        // utf8 -> utf16 shrinks at the end; a misaligned pointer from that second call traps
        List<Long> answers = new ArrayList<>(List.of(0L, 7L));
        LiftLowerContext c = withRealloc((o, os, a, n) -> answers.remove(0));
        HintedString h = new HintedString("é", StringEncoding.UTF8, 2);
        assertEquals(Trap.Reason.UNALIGNED_POINTER, trap(() -> StringCodec.store(c, h, 60)));
    }

    // ---------------------------------------------------------------- scalars and variants

    @Test
    void invalidChars() {
        for (long bad : new long[] {0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0x110000, 0xFFFF_FFFFL}) {
            assertEquals(Trap.Reason.INVALID_CHAR, trap(() -> liftFlat(StringEncoding.UTF8, CHAR, bad)));
        }
        Mem m = new Mem();
        m.memory.writeInt(0, 0x110000);
        assertEquals(Trap.Reason.INVALID_CHAR, trap(() -> CanonicalAbi.load(m.context(StringEncoding.UTF8), 0, CHAR)));
        m.memory.writeInt(8, 0xDFFF);
        m.memory.writeInt(16, 8);
        m.memory.writeInt(20, 1);
        assertEquals(
                Trap.Reason.INVALID_CHAR,
                trap(() -> CanonicalAbi.load(m.context(StringEncoding.UTF8), 16, list(CHAR))));
    }

    @Test
    void invalidDiscriminants() {
        Trap.Reason r = Trap.Reason.INVALID_DISCRIMINANT;
        assertEquals(r, trap(() -> liftFlat(StringEncoding.UTF8, option(U8), 2, 0)));
        assertEquals(r, trap(() -> liftFlat(StringEncoding.UTF8, result(null, null), 2)));
        assertEquals(r, trap(() -> liftFlat(StringEncoding.UTF8, enumType("e", "a", "b", "c"), 3)));
        assertEquals(r, trap(() -> liftFlat(StringEncoding.UTF8, variant("v", "a", null), 0xFFFF_FFFFL)));
        Mem m = new Mem();
        m.memory.writeByte(0, (byte) 2);
        assertEquals(r, trap(() -> CanonicalAbi.load(m.context(StringEncoding.UTF8), 0, option(U32))));
        m.memory.writeShort(8, (short) 300);
        assertEquals(r, trap(() -> CanonicalAbi.load(m.context(StringEncoding.UTF8), 8, enumOfSize(300))));
        m.memory.writeShort(8, (short) 299);
        assertEquals(Value.enumCase("c299"), CanonicalAbi.load(m.context(StringEncoding.UTF8), 8, enumOfSize(300)));
    }

    @Test
    void boolIsTrueForAnyNonZero() {
        assertEquals(Value.bool(true), liftFlat(StringEncoding.UTF8, BOOL, 2));
        assertEquals(Value.bool(true), liftFlat(StringEncoding.UTF8, BOOL, 0x8000_0000L));
        assertEquals(Value.bool(false), liftFlat(StringEncoding.UTF8, BOOL, 0));
        Mem m = new Mem();
        m.memory.writeByte(0, (byte) 0x80);
        assertEquals(Value.bool(true), CanonicalAbi.load(m.context(StringEncoding.UTF8), 0, BOOL));
    }

    @Test
    void flagsBitsBeyondTheLabelsAreIgnored() {
        ValueType f = flags("f", "a", "b", "c");
        assertEquals(Value.flags("a", "c"), liftFlat(StringEncoding.UTF8, f, 0xFFFF_FFF5L));
        Mem m = new Mem();
        m.memory.writeByte(0, (byte) 0xFA);
        assertEquals(Value.flags("b"), CanonicalAbi.load(m.context(StringEncoding.UTF8), 0, f));
    }

    @Test
    void trapCarriesCallSiteNames() {
        Trap t = new Trap(Trap.Reason.OUT_OF_BOUNDS, "detail").in("comp", "run");
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, t.reason());
        assertEquals("comp", t.componentName().orElseThrow());
        assertEquals("run", t.functionName().orElseThrow());
        assertTrue(t.getMessage().contains("out of bounds") && t.getMessage().contains("`run`"), t.getMessage());
    }

    @Test
    void memoryImplementationChecksBounds() {
        ByteArrayMemory m = new ByteArrayMemory(8);
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> m.readLong(1)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> m.writeInt(-1, 0)));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, trap(() -> m.readBytes(4, 5)));
    }
}
