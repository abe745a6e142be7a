package dev.wit4j.runtime.internal.engine.split;

import dev.wit4j.runtime.internal.engine.CoreReader;
import java.io.ByteArrayOutputStream;

/** Reading and writing the binary format's integers (LEB128). */
final class Bytes {

    private Bytes() {}

    /** A cursor over a module's bytes; reads past {@code end} fail as malformed. */
    static final class Reader extends CoreReader {
        Reader(byte[] bytes, int pos, int end) {
            super(bytes, pos, end);
        }

        /** Names the byte where reading stopped, not {@code at}: the splitter's reasons always have. */
        @Override
        protected RuntimeException malformed(String reason, int at) {
            return new Malformed(reason + " at byte " + pos);
        }
    }

    /** A module this package cannot read: it is left as it is (the engine validated it already). */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static void u32(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    static void s32(ByteArrayOutputStream out, long value) {
        while (true) {
            int b = (int) (value & 0x7F);
            value >>= 7;
            boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            out.write(done ? b : b | 0x80);
            if (done) return;
        }
    }

    static int u32Size(long value) {
        int n = 1;
        while ((value >>>= 7) != 0) n++;
        return n;
    }
}
