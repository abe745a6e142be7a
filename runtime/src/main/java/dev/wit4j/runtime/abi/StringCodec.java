package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Loading and storing strings in all three encodings with the exact allocation and transcoding
 * steps of CanonicalABI.md ({@code load_string_from_range}, {@code store_string_into_range} and
 * the {@code store_*} functions it dispatches to). Memory and realloc come from the context.
 */
public final class StringCodec {

    /**
     * The bit of a {@code latin1+utf16} length that marks the string as UTF-16
     * ({@code utf16_tag('i32')}).
     */
    public static final long UTF16_TAG = 1L << 31;

    private StringCodec() {}

    /** A pointer and a (tagged) code unit count, as stored for a string. */
    record Stored(long pointer, long taggedCodeUnits) {}

    // ---------------------------------------------------------------- loading

    /** {@code load_string}: reads the pointer and tagged length at {@code ptr}, then the string. */
    public static HintedString load(LiftLowerContext cx, long ptr) {
        GuestMemory mem = cx.memory();
        long begin = Integer.toUnsignedLong(mem.readInt(ptr));
        long taggedCodeUnits = Integer.toUnsignedLong(mem.readInt(ptr + 4));
        return loadFromRange(cx, begin, taggedCodeUnits);
    }

    /** {@link #load} for a string that goes on to another component (see {@link #loadForTransfer}). */
    static StringSource loadForTransfer(LiftLowerContext cx, long ptr, boolean sameEncoding) {
        GuestMemory mem = cx.memory();
        long begin = Integer.toUnsignedLong(mem.readInt(ptr));
        long taggedCodeUnits = Integer.toUnsignedLong(mem.readInt(ptr + 4));
        return loadForTransfer(cx, begin, taggedCodeUnits, sameEncoding);
    }

    /**
     * {@code load_string_from_range}: decodes the string at {@code ptr} in the context's encoding,
     * trapping if it is too long, misaligned, out of bounds or not validly encoded.
     */
    public static HintedString loadFromRange(LiftLowerContext cx, long ptr, long taggedCodeUnits) {
        return loadFromRange(cx, ptr, taggedCodeUnits, Long.MAX_VALUE).hinted;
    }

    /**
     * {@code load_string_from_range} for a string that goes on to another component: every check
     * and trap of {@link #loadFromRange(LiftLowerContext, long, long)}, but the string stays in the
     * source memory until it is stored ({@link StringSource#inMemory}) when it is very long, or
     * when both sides use the same encoding (storing then copies its bytes).
     */
    static StringSource loadForTransfer(LiftLowerContext cx, long ptr, long taggedCodeUnits, boolean sameEncoding) {
        Loaded l = loadFromRange(cx, ptr, taggedCodeUnits, sameEncoding ? 0 : StringSource.IN_MEMORY_THRESHOLD);
        return l.source != null ? l.source : StringSource.of(l.hinted);
    }

    /** The result of loading: the string, or a source left in memory. */
    private record Loaded(HintedString hinted, StringSource source) {}

    /** Strings of more than {@code stayAbove} bytes stay in the source memory. */
    private static Loaded loadFromRange(LiftLowerContext cx, long ptr, long taggedCodeUnits, long stayAbove) {
        GuestMemory mem = cx.memory();
        StringEncoding encoding = cx.options().stringEncoding();
        long alignment;
        long byteLength;
        boolean utf16;
        switch (encoding) {
            case UTF8:
                alignment = 1;
                byteLength = taggedCodeUnits;
                utf16 = false;
                break;
            case UTF16:
                alignment = 2;
                byteLength = 2 * taggedCodeUnits;
                utf16 = true;
                break;
            default:
                alignment = 2;
                utf16 = (taggedCodeUnits & UTF16_TAG) != 0;
                byteLength = utf16 ? 2 * (taggedCodeUnits ^ UTF16_TAG) : taggedCodeUnits;
        }
        if (byteLength > cx.options().maxStringByteLength()) {
            throw new Trap(Trap.Reason.STRING_TOO_LONG, byteLength + " bytes");
        }
        Bounds.checkAligned(ptr, alignment);
        Bounds.checkInBounds(mem, ptr, byteLength);
        if (byteLength > stayAbove) {
            return new Loaded(null, StringSource.inMemory(mem, ptr, byteLength, encoding, utf16, taggedCodeUnits));
        }
        byte[] bytes = mem.readBytes(ptr, (int) byteLength);
        String s;
        if (encoding == StringEncoding.UTF8) {
            s = decodeUtf8(bytes);
        } else if (utf16) {
            s = decodeUtf16(bytes);
        } else {
            s = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return new Loaded(new HintedString(s, encoding, taggedCodeUnits), null);
    }

    static String decodeUtf8(byte[] bytes) {
        // The JDK's decoder is intrinsified (ASCII/Latin-1 fast paths) but replaces malformed input
        // with U+FFFD; only when that character shows up is the strict decoder needed to tell a
        // real U+FFFD from an error.
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.indexOf('\uFFFD') < 0) {
            return s;
        }
        return decodeUtf8Strict(bytes);
    }

    private static String decodeUtf8Strict(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Trap(Trap.Reason.INVALID_STRING_ENCODING, "invalid UTF-8");
        }
    }

    /** UTF-16LE, trapping on unpaired surrogates (as Python's strict {@code utf-16-le} codec). */
    static String decodeUtf16(byte[] bytes) {
        char[] chars = new char[bytes.length / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] & 0xFF) << 8);
        }
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new Trap(Trap.Reason.INVALID_STRING_ENCODING, "unpaired surrogate in UTF-16");
            }
        }
        return new String(chars);
    }

    // ---------------------------------------------------------------- storing

    /** {@code store_string}: stores the string and writes its pointer and tagged length at {@code ptr}. */
    public static void store(LiftLowerContext cx, HintedString v, long ptr) {
        Stored s = storeIntoRange(cx, v);
        GuestMemory mem = cx.memory();
        mem.writeInt(ptr, (int) s.pointer());
        mem.writeInt(ptr + 4, (int) s.taggedCodeUnits());
    }

    /** {@link #store(LiftLowerContext, HintedString, long)} of any {@link StringSource}. */
    static void store(LiftLowerContext cx, StringSource v, long ptr) {
        Stored s = storeIntoRange(cx, v);
        GuestMemory mem = cx.memory();
        mem.writeInt(ptr, (int) s.pointer());
        mem.writeInt(ptr + 4, (int) s.taggedCodeUnits());
    }

    /** {@link #store(LiftLowerContext, HintedString, long)} of a string value (see {@link #storeValue}). */
    static void storeValue(LiftLowerContext cx, Value v, long ptr) {
        Stored s = storeValue(cx, v);
        GuestMemory mem = cx.memory();
        mem.writeInt(ptr, (int) s.pointer());
        mem.writeInt(ptr + 4, (int) s.taggedCodeUnits());
    }

    /**
     * {@code lower_flat_string}: stores the string and returns its pointer and tagged length as two
     * flat {@code i32}s. Use it when a string passes between components with its hint intact.
     */
    public static long[] lowerFlat(LiftLowerContext cx, HintedString v) {
        Stored s = storeIntoRange(cx, v);
        return new long[] {s.pointer(), s.taggedCodeUnits()};
    }

    /**
     * {@code store_string_into_range}: allocates with realloc and writes the string in the
     * context's encoding, transcoding from the hint's encoding as the spec's case analysis says.
     */
    static Stored storeIntoRange(LiftLowerContext cx, HintedString v) {
        return storeIntoRange(cx, StringSource.of(v));
    }

    /** {@link #storeIntoRange(LiftLowerContext, HintedString)} of any {@link StringSource}. */
    static Stored storeIntoRange(LiftLowerContext cx, StringSource v) {
        StringSource src = v;
        StringEncoding srcEncoding = v.encoding();
        long srcTagged = v.taggedCodeUnits();
        // Split latin1+utf16 into its two simple encodings, as the spec does.
        boolean srcLatin1 = false;
        boolean srcUtf16 = srcEncoding == StringEncoding.UTF16;
        long srcCodeUnits = srcTagged;
        if (srcEncoding == StringEncoding.LATIN1_UTF16) {
            if ((srcTagged & UTF16_TAG) != 0) {
                srcUtf16 = true;
                srcCodeUnits = srcTagged ^ UTF16_TAG;
            } else {
                srcLatin1 = true;
            }
        }
        boolean srcUtf8 = srcEncoding == StringEncoding.UTF8;
        switch (cx.options().stringEncoding()) {
            case UTF8:
                if (srcUtf8) {
                    return storeStringCopy(cx, src, srcCodeUnits, 1, 1, Target.UTF8);
                }
                return srcUtf16 ? storeUtf16ToUtf8(cx, src, srcCodeUnits) : storeLatin1ToUtf8(cx, src, srcCodeUnits);
            case UTF16:
                if (srcUtf8) {
                    return storeUtf8ToUtf16(cx, src, srcCodeUnits);
                }
                return storeStringCopy(cx, src, srcCodeUnits, 2, 2, Target.UTF16);
            default:
                if (srcEncoding != StringEncoding.LATIN1_UTF16) {
                    return storeStringToLatin1OrUtf16(cx, src, srcCodeUnits);
                }
                if (srcLatin1) {
                    return storeStringCopy(cx, src, srcCodeUnits, 1, 2, Target.LATIN1);
                }
                return storeProbablyUtf16ToLatin1OrUtf16(cx, src, srcCodeUnits);
        }
    }

    private enum Target {
        UTF8,
        UTF16,
        LATIN1
    }

    /** {@code store_string_copy}: the destination size is known up front; one allocation. */
    private static Stored storeStringCopy(
            LiftLowerContext cx,
            StringSource source,
            long srcCodeUnits,
            int dstCodeUnitSize,
            int dstAlignment,
            Target dstEncoding) {
        long dstByteLength = dstCodeUnitSize * srcCodeUnits;
        checkReallocSize(cx, dstByteLength);
        long ptr = cx.allocate(dstAlignment, dstByteLength);
        Bounds.checkAligned(ptr, dstAlignment);
        Bounds.checkInBounds(cx.memory(), ptr, dstByteLength);
        if (source.copyBytes(cx.memory(), ptr, dstByteLength)) {
            return new Stored(ptr, srcCodeUnits);
        }
        String src = source.text();
        byte[] encoded =
                dstEncoding == Target.UTF8 ? utf8(src) : dstEncoding == Target.UTF16 ? utf16(src) : latin1(src);
        if (encoded.length != dstByteLength) {
            throw new IllegalArgumentException("string length hint " + srcCodeUnits + " does not match the text");
        }
        cx.memory().writeBytes(ptr, encoded, 0, encoded.length);
        return new Stored(ptr, srcCodeUnits);
    }

    private static Stored storeUtf16ToUtf8(LiftLowerContext cx, StringSource src, long srcCodeUnits) {
        return storeStringToUtf8(cx, src, srcCodeUnits, srcCodeUnits * 3);
    }

    private static Stored storeLatin1ToUtf8(LiftLowerContext cx, StringSource src, long srcCodeUnits) {
        return storeStringToUtf8(cx, src, srcCodeUnits, srcCodeUnits * 2);
    }

    /**
     * {@code store_string_to_utf8}: optimistically allocates one byte per source code unit; at the
     * first non-ASCII code point reallocates to {@code worstCaseSize}, finishes the copy and
     * shrinks to the exact size.
     */
    private static Stored storeStringToUtf8(
            LiftLowerContext cx, StringSource source, long srcCodeUnits, long worstCaseSize) {
        checkReallocSize(cx, srcCodeUnits);
        GuestMemory mem = cx.memory();
        long ptr = cx.allocate(1, srcCodeUnits);
        Bounds.checkInBounds(mem, ptr, srcCodeUnits);
        int ascii = source.prefixBelow(0x80);
        // The spec writes each ASCII code point as it goes; writing the prefix in bulk is the same.
        mem.writeBytes(ptr, latin1(source.prefix(ascii)), 0, ascii);
        if (source.hasLength(ascii)) {
            return new Stored(ptr, srcCodeUnits);
        }
        checkReallocSize(cx, worstCaseSize);
        ptr = cx.reallocate(ptr, srcCodeUnits, 1, worstCaseSize);
        Bounds.checkInBounds(mem, ptr, worstCaseSize);
        byte[] encoded = utf8(source.text());
        mem.writeBytes(ptr + ascii, encoded, ascii, encoded.length - ascii);
        if (worstCaseSize > encoded.length) {
            ptr = cx.reallocate(ptr, worstCaseSize, 1, encoded.length);
            Bounds.checkInBounds(mem, ptr, encoded.length);
        }
        return new Stored(ptr, encoded.length);
    }

    /**
     * {@code store_utf8_to_utf16}: allocates the worst case (two bytes per UTF-8 byte), then
     * shrinks to the exact size if smaller.
     */
    private static Stored storeUtf8ToUtf16(LiftLowerContext cx, StringSource src, long srcCodeUnits) {
        long worstCaseSize = 2 * srcCodeUnits;
        checkReallocSize(cx, worstCaseSize);
        GuestMemory mem = cx.memory();
        long ptr = cx.allocate(2, worstCaseSize);
        Bounds.checkAligned(ptr, 2);
        Bounds.checkInBounds(mem, ptr, worstCaseSize);
        byte[] encoded = utf16(src.text());
        mem.writeBytes(ptr, encoded, 0, encoded.length);
        if (encoded.length < worstCaseSize) {
            ptr = cx.reallocate(ptr, worstCaseSize, 2, encoded.length);
            Bounds.checkAligned(ptr, 2);
            Bounds.checkInBounds(mem, ptr, encoded.length);
        }
        return new Stored(ptr, encoded.length / 2);
    }

    /**
     * {@code store_string_to_latin1_or_utf16}: speculates that the string is Latin-1; at the first
     * code point that is not, reallocates to the UTF-16 worst case, inflates the Latin-1 bytes
     * copied so far in place, finishes in UTF-16 and shrinks. A Latin-1 result is shrunk too.
     */
    private static Stored storeStringToLatin1OrUtf16(LiftLowerContext cx, StringSource source, long srcCodeUnits) {
        checkReallocSize(cx, srcCodeUnits);
        GuestMemory mem = cx.memory();
        long ptr = cx.allocate(2, srcCodeUnits);
        Bounds.checkAligned(ptr, 2);
        Bounds.checkInBounds(mem, ptr, srcCodeUnits);
        int latin1 = source.prefixBelow(0x100);
        mem.writeBytes(ptr, latin1(source.prefix(latin1)), 0, latin1);
        int dstByteLength = latin1;
        if (!source.hasLength(latin1)) {
            long worstCaseSize = 2 * srcCodeUnits;
            checkReallocSize(cx, worstCaseSize);
            ptr = cx.reallocate(ptr, srcCodeUnits, 2, worstCaseSize);
            Bounds.checkAligned(ptr, 2);
            Bounds.checkInBounds(mem, ptr, worstCaseSize);
            // Inflate the Latin-1 bytes already copied (now at the new ptr) into UTF-16 code units.
            byte[] narrow = mem.readBytes(ptr, dstByteLength);
            byte[] wide = new byte[2 * dstByteLength];
            for (int j = 0; j < dstByteLength; j++) {
                wide[2 * j] = narrow[j];
            }
            mem.writeBytes(ptr, wide, 0, wide.length);
            byte[] encoded = utf16(source.text());
            mem.writeBytes(ptr + 2L * dstByteLength, encoded, 2 * dstByteLength, encoded.length - 2 * dstByteLength);
            if (worstCaseSize > encoded.length) {
                ptr = cx.reallocate(ptr, worstCaseSize, 2, encoded.length);
                Bounds.checkAligned(ptr, 2);
                Bounds.checkInBounds(mem, ptr, encoded.length);
            }
            return new Stored(ptr, (encoded.length / 2) | UTF16_TAG);
        }
        if (dstByteLength < srcCodeUnits) {
            ptr = cx.reallocate(ptr, srcCodeUnits, 2, dstByteLength);
            Bounds.checkAligned(ptr, 2);
            Bounds.checkInBounds(mem, ptr, dstByteLength);
        }
        return new Stored(ptr, dstByteLength);
    }

    /**
     * {@code store_probably_utf16_to_latin1_or_utf16}: allocates for UTF-16 and copies; if every
     * code point turns out to be Latin-1, deflates in place and shrinks.
     */
    private static Stored storeProbablyUtf16ToLatin1OrUtf16(
            LiftLowerContext cx, StringSource source, long srcCodeUnits) {
        long srcByteLength = 2 * srcCodeUnits;
        checkReallocSize(cx, srcByteLength);
        GuestMemory mem = cx.memory();
        long ptr = cx.allocate(2, srcByteLength);
        Bounds.checkAligned(ptr, 2);
        Bounds.checkInBounds(mem, ptr, srcByteLength);
        String src = source.text();
        byte[] encoded = utf16(src);
        mem.writeBytes(ptr, encoded, 0, encoded.length);
        if (!isLatin1(src)) {
            return new Stored(ptr, (encoded.length / 2) | UTF16_TAG);
        }
        int latin1Size = encoded.length / 2;
        byte[] narrow = new byte[latin1Size];
        for (int i = 0; i < latin1Size; i++) {
            narrow[i] = mem.readByte(ptr + 2L * i);
        }
        mem.writeBytes(ptr, narrow, 0, latin1Size);
        // The spec reallocates with alignment 1 here and checks only the bounds.
        ptr = cx.reallocate(ptr, srcByteLength, 1, latin1Size);
        Bounds.checkInBounds(mem, ptr, latin1Size);
        return new Stored(ptr, latin1Size);
    }

    /**
     * The spec asserts sizes passed to realloc fit; a host value that does not is too long. With a
     * string length limit above the spec's, every allocation must also stay within the limit (see
     * {@link CanonicalOptions}).
     */
    private static void checkReallocSize(LiftLowerContext cx, long size) {
        if (size > Layout.REALLOC_I32_MAX) {
            throw new Trap(Trap.Reason.STRING_TOO_LONG, size + " bytes do not fit a 32-bit memory");
        }
        if (cx.options().limitsAllocations() && size > cx.options().maxStringByteLength()) {
            throw new Trap(Trap.Reason.STRING_TOO_LONG, "storing it needs " + size + " bytes");
        }
    }

    // ---------------------------------------------------------------- encoding helpers

    static byte[] utf8(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return replacementFree(s, b, 1) ? b : encodeStrict(s, StandardCharsets.UTF_8);
    }

    static byte[] utf16(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        return replacementFree(s, b, 2) ? b : encodeStrict(s, StandardCharsets.UTF_16LE);
    }

    /**
     * Whether {@code encoded} (the JDK's lenient encoding of {@code s}, which turns an unpaired
     * surrogate into {@code '?'}) is certainly exact: {@code s} has no {@code '?'} and the output
     * has no {@code '?'} byte. Otherwise the strict encoder decides.
     */
    private static boolean replacementFree(String s, byte[] encoded, int unit) {
        return s.indexOf('?') < 0 && !containsQuestionMark(encoded);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether some byte is {@code 0x3F}, eight bytes at a time (SWAR zero-byte test). */
    private static boolean containsQuestionMark(byte[] b) {
        int i = 0;
        int end = b.length - 7;
        for (; i < end; i += 8) {
            long v = (long) LONGS.get(b, i) ^ 0x3F3F_3F3F_3F3F_3F3FL;
            if (((v - 0x0101_0101_0101_0101L) & ~v & 0x8080_8080_8080_8080L) != 0) {
                return true;
            }
        }
        for (; i < b.length; i++) {
            if (b[i] == '?') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code store_string} of a host string into a UTF-8 context: exactly what storing
     * {@link HintedString#forHost} does (one allocation of the UTF-8 length, then the copy), with
     * one encoding pass. {@code s} has no unpaired surrogates (a {@code Value.Str}).
     */
    static Stored storeHostUtf8(LiftLowerContext cx, String s) {
        byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
        long length = encoded.length;
        checkReallocSize(cx, length);
        long ptr = cx.allocate(1, length);
        Bounds.checkInBounds(cx.memory(), ptr, length);
        cx.memory().writeBytes(ptr, encoded, 0, encoded.length);
        return new Stored(ptr, length);
    }

    /** {@code store_string_into_range} of a string value, with its remembered hint if any. */
    static Stored storeValue(LiftLowerContext cx, Value v) {
        HintedString h = cx.rememberedHint(v);
        if (h == null && cx.options().stringEncoding() == StringEncoding.UTF8) {
            return storeHostUtf8(cx, ((Value.Str) v).value());
        }
        return storeIntoRange(cx, h != null ? h : cx.hintFor(v));
    }

    /** Only called on strings whose characters are all below U+0100. */
    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] encodeStrict(String s, Charset cs) {
        try {
            ByteBuffer b = cs.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("string has an unpaired surrogate", e);
        }
    }

    /** The UTF-8 byte length of a string without unpaired surrogates. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Whether every character is below U+0100. */
    static boolean isLatin1(String s) {
        return latin1PrefixLength(s) == s.length();
    }

    private static int latin1PrefixLength(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) < 0x100) {
            i++;
        }
        return i;
    }

    private static int asciiPrefixLength(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) < 0x80) {
            i++;
        }
        return i;
    }
}
