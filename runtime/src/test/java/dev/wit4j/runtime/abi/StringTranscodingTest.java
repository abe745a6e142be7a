package dev.wit4j.runtime.abi;

import static dev.wit4j.runtime.abi.StringCodec.UTF16_TAG;
import static dev.wit4j.runtime.abi.StringEncoding.LATIN1_UTF16;
import static dev.wit4j.runtime.abi.StringEncoding.UTF16;
import static dev.wit4j.runtime.abi.StringEncoding.UTF8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A string loaded by one component (with its encoding hint) and stored into another: the exact
 * realloc calls and results of CanonicalABI.md's {@code store_*} algorithms.
 */
class StringTranscodingTest {

    /** Loads {@code text} from a source memory where it is written in {@code encoding}. */
    static HintedString source(StringEncoding encoding, String text, boolean tagAsUtf16) {
        byte[] bytes;
        long units;
        if (encoding == UTF8) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            units = bytes.length;
        } else if (encoding == UTF16 || tagAsUtf16) {
            bytes = text.getBytes(StandardCharsets.UTF_16LE);
            units = text.length() | (encoding == LATIN1_UTF16 ? UTF16_TAG : 0);
        } else {
            bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            units = text.length();
        }
        Mem src = new Mem();
        src.memory.writeBytes(2, bytes, 0, bytes.length);
        HintedString h = StringCodec.loadFromRange(src.context(encoding), 2, units);
        assertEquals(text, h.text());
        assertEquals(units, h.taggedCodeUnits());
        return h;
    }

    record Expect(long taggedUnits, List<List<Long>> requests) {}

    static Arguments c(
            StringEncoding from, boolean tag, String text, StringEncoding to, long taggedUnits, long... requests) {
        List<List<Long>> reqs = new ArrayList<>();
        for (int i = 0; i < requests.length; i += 3) {
            reqs.add(List.of(requests[i], requests[i + 1], requests[i + 2]));
        }
        return Arguments.of(
                from + (tag ? "(utf16)" : "") + " -> " + to + " " + text,
                from,
                tag,
                text,
                to,
                new Expect(taggedUnits, reqs));
    }

    static Stream<Arguments> transcodings() {
        return Stream.of(
                // store_string_copy
                c(UTF8, false, "héllo", UTF8, 6, 0, 1, 6),
                c(UTF16, false, "h€", UTF16, 2, 0, 2, 4),
                c(LATIN1_UTF16, false, "hé", UTF16, 2, 0, 2, 4),
                c(LATIN1_UTF16, false, "héllo", LATIN1_UTF16, 5, 0, 2, 5),
                // store_utf16_to_utf8: optimistic, grow to 3x, shrink
                c(UTF16, false, "hello", UTF8, 5, 0, 1, 5),
                c(UTF16, false, "héllo", UTF8, 6, 0, 1, 5, 5, 1, 15, 15, 1, 6),
                c(UTF16, false, "😀", UTF8, 4, 0, 1, 2, 2, 1, 6, 6, 1, 4),
                c(UTF16, false, "€€€", UTF8, 9, 0, 1, 3, 3, 1, 9),
                c(LATIN1_UTF16, true, "h€", UTF8, 4, 0, 1, 2, 2, 1, 6, 6, 1, 4),
                // store_latin1_to_utf8: grow to 2x
                c(LATIN1_UTF16, false, "hello", UTF8, 5, 0, 1, 5),
                c(LATIN1_UTF16, false, "héllo", UTF8, 6, 0, 1, 5, 5, 1, 10, 10, 1, 6),
                c(LATIN1_UTF16, false, "ÿÿ", UTF8, 4, 0, 1, 2, 2, 1, 4),
                // store_utf8_to_utf16: worst case 2 bytes per UTF-8 byte, then shrink
                c(UTF8, false, "abc", UTF16, 3, 0, 2, 6),
                c(UTF8, false, "héllo", UTF16, 5, 0, 2, 12, 12, 2, 10),
                c(UTF8, false, "😀", UTF16, 2, 0, 2, 8, 8, 2, 4),
                // store_string_to_latin1_or_utf16
                c(UTF8, false, "hello", LATIN1_UTF16, 5, 0, 2, 5),
                c(UTF8, false, "héllo", LATIN1_UTF16, 5, 0, 2, 6, 6, 2, 5),
                c(UTF8, false, "h€", LATIN1_UTF16, 2 | UTF16_TAG, 0, 2, 4, 4, 2, 8, 8, 2, 4),
                c(UTF8, false, "é€", LATIN1_UTF16, 2 | UTF16_TAG, 0, 2, 5, 5, 2, 10, 10, 2, 4),
                c(UTF8, false, "ab😀", LATIN1_UTF16, 4 | UTF16_TAG, 0, 2, 6, 6, 2, 12, 12, 2, 8),
                c(UTF16, false, "hé", LATIN1_UTF16, 2, 0, 2, 2),
                c(UTF16, false, "h😀", LATIN1_UTF16, 3 | UTF16_TAG, 0, 2, 3, 3, 2, 6),
                // store_probably_utf16_to_latin1_or_utf16
                c(LATIN1_UTF16, true, "h€", LATIN1_UTF16, 2 | UTF16_TAG, 0, 2, 4),
                c(LATIN1_UTF16, true, "hé", LATIN1_UTF16, 2, 0, 2, 4, 4, 1, 2),
                c(LATIN1_UTF16, true, "𝄞x", LATIN1_UTF16, 3 | UTF16_TAG, 0, 2, 6),
                // empty strings
                c(UTF8, false, "", UTF16, 0, 0, 2, 0),
                c(UTF16, false, "", UTF8, 0, 0, 1, 0),
                c(UTF8, false, "", LATIN1_UTF16, 0, 0, 2, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcodings")
    void transcode(String label, StringEncoding from, boolean tag, String text, StringEncoding to, Expect expect) {
        HintedString h = source(from, text, tag);
        Mem dst = new Mem();
        LiftLowerContext cx = dst.context(to);
        StringCodec.store(cx, h, 8);
        assertEquals(expect.requests(), dst.requests(), "realloc calls");
        long ptr = Integer.toUnsignedLong(dst.memory.readInt(8));
        assertEquals(expect.taggedUnits(), Integer.toUnsignedLong(dst.memory.readInt(12)), "tagged code units");
        assertEquals(dst.calls.get(dst.calls.size() - 1).result(), ptr, "pointer of the last realloc");
        HintedString back = StringCodec.load(cx, 8);
        assertEquals(text, back.text());
        assertEquals(to, back.encoding());
    }

    @Test
    void flatFormOfAHintedString() {
        HintedString h = source(UTF16, "h€", false);
        Mem dst = new Mem();
        LiftLowerContext cx = dst.context(LATIN1_UTF16);
        long[] flat = StringCodec.lowerFlat(cx, h);
        assertEquals(2 | UTF16_TAG, flat[1]);
        assertEquals("h€", StringCodec.loadFromRange(cx, flat[0], flat[1]).text());
    }

    @Test
    void latin1InflationRewritesTheBytesAlreadyCopied() {
        HintedString h = source(UTF8, "éa€", false);
        Mem dst = new Mem();
        StringCodec.store(dst.context(LATIN1_UTF16), h, 8);
        long ptr = Integer.toUnsignedLong(dst.memory.readInt(8));
        assertArrayEquals("éa€".getBytes(StandardCharsets.UTF_16LE), dst.memory.readBytes(ptr, 6));
    }

    @Test
    void deflationToLatin1WritesOneBytePerCharacter() {
        HintedString h = source(LATIN1_UTF16, "ÿes", true);
        Mem dst = new Mem();
        StringCodec.store(dst.context(LATIN1_UTF16), h, 8);
        long ptr = Integer.toUnsignedLong(dst.memory.readInt(8));
        assertArrayEquals(new byte[] {(byte) 0xFF, 'e', 's'}, dst.memory.readBytes(ptr, 3));
        assertEquals(3, dst.memory.readInt(12));
    }

    @Test
    void utf16StoredLittleEndianWithSurrogatePairs() {
        Mem dst = new Mem();
        LiftLowerContext cx = dst.context(UTF16);
        long[] flat = CanonicalAbi.lowerFlat(cx, Value.string("a😀"), Types.STRING);
        assertEquals(3, flat[1]);
        assertArrayEquals(new byte[] {'a', 0, 0x3D, (byte) 0xD8, 0x00, (byte) 0xDE}, dst.memory.readBytes(flat[0], 6));
    }

    static Stream<Arguments> hostStrings() {
        return Stream.of(
                Arguments.of(UTF8, "héllo", 6L, List.of(List.of(0L, 1L, 6L))),
                Arguments.of(UTF16, "héllo", 5L, List.of(List.of(0L, 2L, 10L))),
                Arguments.of(LATIN1_UTF16, "héllo", 5L, List.of(List.of(0L, 2L, 5L))),
                Arguments.of(LATIN1_UTF16, "h€", 2L | UTF16_TAG, List.of(List.of(0L, 2L, 4L))),
                Arguments.of(UTF8, "😀", 4L, List.of(List.of(0L, 1L, 4L))));
    }

    @ParameterizedTest(name = "host string {1} into {0}")
    @MethodSource("hostStrings")
    void hostStringsNeedOneExactAllocation(StringEncoding to, String text, long units, List<List<Long>> requests) {
        Mem dst = new Mem();
        long[] flat = CanonicalAbi.lowerFlat(dst.context(to), Value.string(text), Types.STRING);
        assertEquals(units, flat[1]);
        assertEquals(requests, dst.requests());
    }

    @Test
    void everyPairOfEncodingsPreservesText() {
        String[] texts = {"", "plain", "Latin-1: àéîõü ÿ", "BMP: € 中文 ∑", "astral: 😀𝄞🎉", "mixed é😀x"};
        for (StringEncoding from : StringEncoding.values()) {
            for (StringEncoding to : StringEncoding.values()) {
                for (String text : texts) {
                    Mem a = new Mem(4096, 256);
                    LiftLowerContext ca = a.context(from);
                    long[] flat = CanonicalAbi.lowerFlat(ca, Value.string(text), Types.STRING);
                    HintedString h = StringCodec.loadFromRange(ca, flat[0], flat[1]);
                    Mem b = new Mem(4096, 256);
                    LiftLowerContext cb = b.context(to);
                    StringCodec.store(cb, h, 8);
                    assertEquals(text, StringCodec.load(cb, 8).text(), from + " -> " + to);
                }
            }
        }
    }
}
