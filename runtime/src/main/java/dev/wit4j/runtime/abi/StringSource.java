package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A string on its way from one component to another, as {@code store_string} reads it: its text,
 * the encoding it came from and its (tagged) length there. Usually the text is at hand
 * ({@link #of(HintedString)}); a very long string lifted from another component's memory stays
 * there ({@link #inMemory}), validated but not decoded, so that storing it can allocate (and trap)
 * before the whole text is needed, and copy it byte for byte when both sides use the same encoding.
 * The source memory cannot change in between: see {@link CallTransfer}.
 */
abstract class StringSource {

    /** Strings longer than this many bytes are left in the source memory until stored. */
    static final int IN_MEMORY_THRESHOLD = 1 << 24;

    private static final int CHUNK = 1 << 16;

    abstract StringEncoding encoding();

    abstract long taggedCodeUnits();

    /** The whole text. */
    abstract String text();

    /** The number of leading characters below {@code limit} (0x80 or 0x100). */
    int prefixBelow(int limit) {
        String s = text();
        int i = 0;
        while (i < s.length() && s.charAt(i) < limit) {
            i++;
        }
        return i;
    }

    /** Whether the string has exactly {@code chars} UTF-16 characters. */
    boolean hasLength(int chars) {
        return text().length() == chars;
    }

    /** The first {@code chars} characters, all below U+0100 (a {@link #prefixBelow} prefix). */
    String prefix(int chars) {
        return text().substring(0, chars);
    }

    /**
     * Copies the source bytes to {@code to} when they are already what the destination encoding
     * stores ({@code store_string_copy} between equal encodings); false if this source cannot.
     */
    boolean copyBytes(GuestMemory dst, long to, long byteLength) {
        return false;
    }

    /** A string whose text is at hand. */
    static StringSource of(HintedString h) {
        return new StringSource() {
            @Override
            StringEncoding encoding() {
                return h.encoding();
            }

            @Override
            long taggedCodeUnits() {
                return h.taggedCodeUnits();
            }

            @Override
            String text() {
                return h.text();
            }
        };
    }

    /**
     * A validated string of {@code byteLength} bytes at {@code ptr} in {@code memory}, as UTF-8,
     * UTF-16 code units ({@code utf16}) or Latin-1 bytes; checks the encoding in chunks
     * ({@code load_string_from_range}'s decoding traps) without keeping the text.
     */
    static StringSource inMemory(
            GuestMemory memory,
            long ptr,
            long byteLength,
            StringEncoding encoding,
            boolean utf16,
            long taggedCodeUnits) {
        InMemory s = new InMemory(memory, ptr, (int) byteLength, encoding, utf16, taggedCodeUnits);
        s.validate();
        return s;
    }

    private static final class InMemory extends StringSource {
        private final GuestMemory memory;
        private final long ptr;
        private final int byteLength;
        private final StringEncoding encoding;
        private final boolean utf8;
        private final boolean utf16;
        private final long taggedCodeUnits;
        private String text;
        /** The bytes of a string short enough to keep them (read once, then copied from here). */
        private byte[] bytes;

        InMemory(
                GuestMemory memory,
                long ptr,
                int byteLength,
                StringEncoding encoding,
                boolean utf16,
                long taggedCodeUnits) {
            this.memory = memory;
            this.ptr = ptr;
            this.byteLength = byteLength;
            this.encoding = encoding;
            this.utf8 = encoding == StringEncoding.UTF8;
            this.utf16 = utf16;
            this.taggedCodeUnits = taggedCodeUnits;
        }

        @Override
        StringEncoding encoding() {
            return encoding;
        }

        @Override
        long taggedCodeUnits() {
            return taggedCodeUnits;
        }

        @Override
        String text() {
            if (text == null) {
                byte[] bytes = memory.readBytes(ptr, byteLength);
                text = new String(
                        bytes,
                        utf8
                                ? StandardCharsets.UTF_8
                                : utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
            }
            return text;
        }

        private void validate() {
            if (byteLength <= CHUNK) {
                // short: decode once (the checks of load_string_from_range) and keep the bytes
                bytes = memory.readBytes(ptr, byteLength);
                text = utf8
                        ? StringCodec.decodeUtf8(bytes)
                        : utf16 ? StringCodec.decodeUtf16(bytes) : new String(bytes, StandardCharsets.ISO_8859_1);
                return;
            }
            if (utf8) {
                validateUtf8();
            } else if (utf16) {
                validateUtf16();
            }
        }

        private void validateUtf8() {
            CharsetDecoder decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer sink = CharBuffer.allocate(CHUNK);
            // (only for strings longer than a chunk)
            ByteBuffer in = ByteBuffer.allocate(CHUNK + 8);
            in.flip();
            long at = 0;
            while (true) {
                int n = (int) Math.min(CHUNK, byteLength - at);
                if (n > 0) {
                    byte[] chunk = memory.readBytes(ptr + at, n);
                    at += n;
                    if (!in.hasRemaining() && isAscii(chunk)) {
                        continue; // nothing pending and nothing to decode
                    }
                    in.compact();
                    in.put(chunk);
                    in.flip();
                }
                boolean end = at == byteLength;
                CoderResult r;
                do {
                    sink.clear();
                    r = decoder.decode(in, sink, end);
                } while (r.isOverflow());
                if (r.isError()) {
                    throw new Trap(Trap.Reason.INVALID_STRING_ENCODING, "invalid UTF-8");
                }
                if (end) {
                    do {
                        sink.clear();
                        r = decoder.flush(sink);
                    } while (r.isOverflow());
                    if (in.hasRemaining()) {
                        throw new Trap(Trap.Reason.INVALID_STRING_ENCODING, "invalid UTF-8");
                    }
                    return;
                }
            }
        }

        private static boolean isAscii(byte[] b) {
            for (byte x : b) {
                if (x < 0) {
                    return false;
                }
            }
            return true;
        }

        private void validateUtf16() {
            boolean pendingHigh = false;
            for (long at = 0; at < byteLength; at += CHUNK) {
                int n = (int) Math.min(CHUNK, byteLength - at);
                byte[] chunk = memory.readBytes(ptr + at, n);
                for (int i = 0; i + 1 < n; i += 2) {
                    char c = (char) ((chunk[i] & 0xFF) | (chunk[i + 1] & 0xFF) << 8);
                    if (pendingHigh) {
                        if (!Character.isLowSurrogate(c)) {
                            throw new Trap(Trap.Reason.INVALID_STRING_ENCODING, "unpaired surrogate in UTF-16");
                        }
                        pendingHigh = false;
                    } else if (Character.isHighSurrogate(c)) {
                        pendingHigh = true;
                    } else if (Character.isLowSurrogate(c)) {
                        throw new Trap(Trap.Reason.INVALID_STRING_ENCODING, "unpaired surrogate in UTF-16");
                    }
                }
            }
            if (pendingHigh) {
                throw new Trap(Trap.Reason.INVALID_STRING_ENCODING, "unpaired surrogate in UTF-16");
            }
        }

        /**
         * Walks the leading characters below {@code limit}: returns their count, and in
         * {@code bytes[0]} the source bytes they take. Stops after {@code maxChars}.
         */
        private int scan(int limit, int maxChars, long[] bytes) {
            int chars = 0;
            long at = 0;
            byte[] chunk = null;
            long chunkStart = 0;
            while (at < byteLength && chars < maxChars) {
                if (chunk == null || at + 1 >= chunkStart + chunk.length) {
                    chunkStart = at;
                    chunk = memory.readBytes(ptr + at, (int) Math.min(CHUNK, byteLength - at));
                }
                int i = (int) (at - chunkStart);
                int b = chunk[i] & 0xFF;
                int width;
                int c;
                if (utf16) {
                    c = b | (chunk[i + 1] & 0xFF) << 8;
                    width = 2;
                } else if (!utf8 || b < 0x80) {
                    c = b;
                    width = 1;
                } else if ((b == 0xC2 || b == 0xC3) && at + 1 < byteLength) {
                    c = (b & 0x1F) << 6 | (chunk[i + 1] & 0x3F); // validated: a continuation byte follows
                    width = 2;
                } else {
                    break;
                }
                if (c >= limit) {
                    break;
                }
                chars++;
                at += width;
            }
            bytes[0] = at;
            return chars;
        }

        @Override
        int prefixBelow(int limit) {
            if (text != null) {
                return super.prefixBelow(limit);
            }
            return scan(limit, Integer.MAX_VALUE, new long[1]);
        }

        @Override
        boolean hasLength(int chars) {
            if (text != null) {
                return super.hasLength(chars);
            }
            long[] bytes = new long[1];
            scan(0x100, chars, bytes);
            return bytes[0] == byteLength; // only asked about a prefix of characters below U+0100
        }

        @Override
        String prefix(int chars) {
            if (text != null) {
                return super.prefix(chars);
            }
            long[] bytes = new long[1];
            scan(0x100, chars, bytes);
            byte[] b = memory.readBytes(ptr, (int) bytes[0]);
            return new String(
                    b, utf8 ? StandardCharsets.UTF_8 : utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
        }

        @Override
        boolean copyBytes(GuestMemory dst, long to, long length) {
            if (length != byteLength) {
                return false;
            }
            if (bytes != null) {
                dst.writeBytes(to, bytes, 0, byteLength);
                return true;
            }
            byte[] buffer = new byte[(int) Math.min(length, 1 << 20)];
            for (long done = 0; done < length; ) {
                int n = (int) Math.min(buffer.length, length - done);
                memory.readBytes(ptr + done, buffer, 0, n);
                dst.writeBytes(to + done, buffer, 0, n);
                done += n;
            }
            return true;
        }
    }
}
