package dev.wit4j.runtime.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Trap;
import dev.wit4j.witx.model.ValueType.Primitive;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The string length limit (CanonicalABI.md {@code MAX_STRING_BYTE_LENGTH} by default, up to
 * wasmtime's 2^31-1 by engine option) and very long strings passed between components, which stay
 * in the source memory until stored.
 */
class StringLimitTest {

    private static final long WASMTIME = (1L << 31) - 1;

    @Test
    void theEngineDefaultIsTheSpecsLimitAndTheOptionIsChecked() {
        assertEquals(Layout.MAX_STRING_BYTE_LENGTH, Engine.create().maxStringByteLength());
        assertEquals(
                WASMTIME, Engine.builder().maxStringByteLength(WASMTIME).build().maxStringByteLength());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Engine.builder().maxStringByteLength(1L << 31));
        assertEquals("maxStringByteLength must be between 0 and 2^31-1 (2147483647), not 2147483648", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Engine.builder().maxStringByteLength(-1));
    }

    @Test
    void aStringLongerThanTheLimitTrapsBeforeItsBoundsAreChecked() {
        Mem m = new Mem();
        LiftLowerContext spec = LiftLowerContext.withoutHandles(m.options(StringEncoding.UTF8));
        Trap t = assertThrows(Trap.class, () -> StringCodec.loadFromRange(spec, 0, 1L << 28));
        assertEquals(Trap.Reason.STRING_TOO_LONG, t.reason());
        // with wasmtime's limit the same string is within the limit and out of bounds
        LiftLowerContext raised =
                LiftLowerContext.withoutHandles(m.options(StringEncoding.UTF8).withMaxStringByteLength(WASMTIME));
        t = assertThrows(Trap.class, () -> StringCodec.loadFromRange(raised, 0, 1L << 28));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, t.reason());
        t = assertThrows(Trap.class, () -> StringCodec.loadFromRange(raised, 0, 1L << 31));
        assertEquals(Trap.Reason.STRING_TOO_LONG, t.reason());
    }

    /**
     * Above the spec's limit, allocations for a string are limited too: UTF-8 to UTF-16 asks for
     * twice the source length up front, which for 2^30 bytes exceeds 2^31-1. Under the spec's own
     * limit that rule does not exist (the spec needs none), so realloc is asked.
     */
    @Test
    void aRaisedLimitAlsoLimitsAllocations() {
        HintedString hint = new HintedString("x", StringEncoding.UTF8, 1L << 30);
        Mem raised = new Mem();
        LiftLowerContext cx = LiftLowerContext.withoutHandles(
                raised.options(StringEncoding.UTF16).withMaxStringByteLength(WASMTIME));
        Trap t = assertThrows(Trap.class, () -> StringCodec.storeIntoRange(cx, hint));
        assertEquals(Trap.Reason.STRING_TOO_LONG, t.reason());
        assertEquals(List.of(), raised.calls, "trapped before realloc");

        List<Long> asked = new java.util.ArrayList<>();
        Realloc answersZero = (old, oldSize, align, newSize) -> {
            asked.add(newSize);
            return 0;
        };
        LiftLowerContext specCx = LiftLowerContext.withoutHandles(
                CanonicalOptions.of(StringEncoding.UTF16, new ByteArrayMemory(1024), answersZero));
        t = assertThrows(Trap.class, () -> StringCodec.storeIntoRange(specCx, hint));
        assertEquals(Trap.Reason.OUT_OF_BOUNDS, t.reason(), "2^31 bytes at 0 do not fit the memory");
        assertEquals(List.of(1L << 31), asked);
    }

    // ---------------------------------------------------------------- very long strings

    private static final int BIG = StringSource.IN_MEMORY_THRESHOLD + 1000;

    private static Mem source(byte[] bytes) {
        Mem m = new Mem(bytes.length + 64, bytes.length + 8);
        m.memory.writeBytes(8, bytes, 0, bytes.length);
        return m;
    }

    private static long[] transfer(
            Mem from, StringEncoding fromEncoding, long units, Mem to, StringEncoding toEncoding) {
        CallTransfer t =
                CallTransfer.of(List.of(Primitive.STRING), Optional.empty()).orElseThrow();
        LiftLowerContext src = LiftLowerContext.withoutHandles(from.options(fromEncoding));
        LiftLowerContext dst = LiftLowerContext.withoutHandles(to.options(toEncoding));
        long[] args = {8, units};
        return t.lowerParams(src, args, t.liftParams(src, args), dst);
    }

    @Test
    void aVeryLongStringIsCopiedByteForByteBetweenEqualEncodings() {
        byte[] text = new byte[BIG];
        Arrays.fill(text, (byte) 'a');
        text[BIG - 2] = (byte) 0xC3; // ÿ at the end
        text[BIG - 1] = (byte) 0xBF;
        Mem to = new Mem(BIG + 64, 16);
        long[] flat = transfer(source(text), StringEncoding.UTF8, BIG, to, StringEncoding.UTF8);
        assertEquals(BIG, flat[1]);
        assertArrayEquals(text, to.memory.readBytes(flat[0], BIG));
        assertEquals(1, to.calls.size());
    }

    @Test
    void aVeryLongStringIsTranscodedWithTheSpecsAllocations() {
        String s = "ÿ".repeat(BIG / 2);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        Mem to = new Mem(2 * utf8.length + 64, 16);
        long[] flat = transfer(source(utf8), StringEncoding.UTF8, utf8.length, to, StringEncoding.LATIN1_UTF16);
        // store_string_to_latin1_or_utf16: allocate the source length, all Latin-1: shrink
        assertEquals(
                List.of(List.of(0L, 2L, (long) utf8.length), List.of((long) utf8.length, 2L, (long) s.length())),
                to.requests());
        assertEquals(s.length(), flat[1]);
        assertEquals(s, new String(to.memory.readBytes(flat[0], s.length()), StandardCharsets.ISO_8859_1));
    }

    @Test
    void anInvalidVeryLongStringTrapsBeforeTheDestinationAllocates() {
        byte[] text = new byte[BIG];
        Arrays.fill(text, (byte) 'b');
        text[BIG - 1] = (byte) 0xFF;
        Mem to = new Mem(1024, 16);
        Trap t = assertThrows(
                Trap.class, () -> transfer(source(text), StringEncoding.UTF8, BIG, to, StringEncoding.UTF16));
        assertEquals(Trap.Reason.INVALID_STRING_ENCODING, t.reason());
        assertEquals(List.of(), to.calls);

        byte[] utf16 = new byte[BIG];
        utf16[BIG - 1] = (byte) 0xD8; // a high surrogate as the last code unit
        Trap u = assertThrows(
                Trap.class, () -> transfer(source(utf16), StringEncoding.UTF16, BIG / 2, to, StringEncoding.UTF8));
        assertEquals(Trap.Reason.INVALID_STRING_ENCODING, u.reason());
    }
}
