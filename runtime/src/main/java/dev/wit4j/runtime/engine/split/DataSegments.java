package dev.wit4j.runtime.engine.split;

import java.util.ArrayList;
import java.util.List;

/**
 * The data segments of a module, read straight from its bytes: what a module's instances copy into
 * memory. A JavaScript engine's snapshot is 10,000 segments of 3 MB, whose generic reading (each
 * offset an expression of parsed instructions) costs about 0.1 s in a fresh JVM; nearly all real
 * segments are active with an {@code i32.const} offset, or passive, and those are read here.
 */
public final class DataSegments {

    /** One segment: {@code offset} is null for a passive segment. */
    public record Segment(int memory, Long offset, byte[] data) {
    }

    private DataSegments() {}

    /**
     * The module without its code and data sections: what is left for a generic reader when the
     * bodies are not needed and the segments were read here (tens of KB of a 3 MB skeleton).
     */
    public static byte[] withoutCodeAndData(byte[] module) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(module, 0, 8);
        Bytes.Reader r = new Bytes.Reader(module, 8, module.length);
        while (!r.atEnd()) {
            int start = r.pos;
            int id = r.u8();
            int size = r.u32();
            int body = r.pos;
            r.skip(size);
            if (id != 10 && id != 11) out.write(module, start, body - start + size);
        }
        return out.toByteArray();
    }

    /**
     * The module's data segments in order (empty without a data section), or null if a segment has
     * an offset other than {@code i32.const} (the caller then reads them the generic way).
     */
    public static List<Segment> read(byte[] module) {
        try {
            Bytes.Reader r = new Bytes.Reader(module, 8, module.length);
            while (!r.atEnd()) {
                int id = r.u8();
                int size = r.u32();
                if (id != 11) {
                    r.skip(size);
                    continue;
                }
                Bytes.Reader s = new Bytes.Reader(module, r.pos, r.pos + size);
                int count = s.u32();
                List<Segment> out = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    int mode = s.u32();
                    int memory = mode == 2 ? s.u32() : 0;
                    Long offset = null;
                    if (mode == 0 || mode == 2) {
                        if (s.u8() != 0x41) return null; // i32.const
                        offset = s.s33();
                        if (s.u8() != 0x0B) return null; // end
                    } else if (mode != 1) {
                        return null;
                    }
                    int length = s.u32();
                    int from = s.pos;
                    s.skip(length);
                    byte[] data = new byte[length];
                    System.arraycopy(module, from, data, 0, length);
                    out.add(new Segment(memory, offset, data));
                }
                return s.atEnd() ? out : null;
            }
            return List.of();
        } catch (Bytes.Malformed e) {
            return null;
        }
    }
}
