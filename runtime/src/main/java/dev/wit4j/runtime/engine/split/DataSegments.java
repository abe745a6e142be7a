package dev.wit4j.runtime.engine.split;

import java.io.ByteArrayOutputStream;
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

    /**
     * A module's data segments in order (empty without a data section), and the module without its
     * code and data sections: what is left for a generic reader when the bodies are not needed and
     * the segments were read here (tens of KB of a 3 MB skeleton).
     */
    public record Parts(List<Segment> segments, byte[] withoutCodeAndData) {
    }

    private DataSegments() {}

    /**
     * The module's parts, in one pass over its sections, or null if a segment has an offset other
     * than {@code i32.const} (the caller then reads them the generic way).
     */
    public static Parts read(byte[] module) {
        try {
            List<Segment> segments = List.of();
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(module, 0, 8);
            for (ModuleInfo.Section section : ModuleInfo.sections(module)) {
                if (section.id() == ModuleInfo.DATA) {
                    segments = segments(module, section);
                    if (segments == null) return null;
                } else if (section.id() != ModuleInfo.CODE) {
                    rest.write(module, section.start(), section.end() - section.start());
                }
            }
            return new Parts(segments, rest.toByteArray());
        } catch (Bytes.Malformed e) {
            return null;
        }
    }

    /** The segments of the data section, or null if one has an offset other than {@code i32.const}. */
    private static List<Segment> segments(byte[] module, ModuleInfo.Section section) {
        Bytes.Reader s = new Bytes.Reader(module, section.payloadStart(), section.end());
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
}
