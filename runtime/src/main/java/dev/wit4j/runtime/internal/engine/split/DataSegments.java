package dev.wit4j.runtime.internal.engine.split;

import dev.wit4j.runtime.internal.engine.CoreSections;
import dev.wit4j.runtime.internal.engine.CoreSections.Section;
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

    /**
     * One segment, its bytes {@code module[from, from + length)} of the module it was read from (not
     * copied); {@code offset} is null for a passive segment.
     */
    public record Segment(int memory, Long offset, byte[] module, int from, int length) {}

    /**
     * A module's data segments in order (empty without a data section), and the module without its
     * code and data sections: what is left for a generic reader when the bodies are not needed and
     * the segments were read here (tens of KB of a 3 MB skeleton).
     */
    public record Parts(List<Segment> segments, byte[] withoutCodeAndData) {}

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
            for (Section section : ModuleInfo.sections(module)) {
                if (section.id() == CoreSections.DATA) {
                    segments = segments(module, section);
                    if (segments == null) return null;
                } else if (section.id() != CoreSections.CODE) {
                    rest.write(module, section.start(), section.end() - section.start());
                }
            }
            return new Parts(segments, rest.toByteArray());
        } catch (Bytes.Malformed e) {
            return null;
        }
    }

    /** Zeros between two segments up to which they are written as one. */
    static final int MAX_GAP = 64;

    /**
     * The data section of {@code info}'s module with runs of nearby segments written as one, or
     * null to keep it as it is: instances then copy a few large segments instead of thousands of
     * small ones (a JavaScript engine's snapshot: 10,000), which is what reading and instantiating
     * a precompiled module spent most of its time on. Only where that cannot be told apart: every
     * segment active in memory 0, which the module defines itself (so it starts zeroed, and no
     * instantiation that fails halfway is visible through an import), in ascending order without
     * overlap (so the zeros written between two segments are what is there anyway, and the last
     * segment is the one that could be out of bounds). The caller makes sure that no instruction
     * names a segment ({@code memory.init}, {@code data.drop}; they need a data count section).
     */
    static Rewritten coalesced(ModuleInfo info) {
        Section data = info.section(CoreSections.DATA);
        if (data == null || info.importedMemories > 0 || info.section(CoreSections.MEMORY) == null) {
            return null;
        }
        List<Segment> segments = segments(info.bytes, data);
        if (segments == null || segments.size() < 2) return null;
        long end = 0;
        for (Segment s : segments) {
            if (s.offset() == null || s.memory() != 0) return null;
            long start = s.offset() & 0xFFFF_FFFFL;
            if (start < end) return null;
            end = start + s.length();
        }
        List<byte[]> merged = new ArrayList<>();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        long runStart = -1;
        long runEnd = -1;
        for (Segment s : segments) {
            long start = s.offset() & 0xFFFF_FFFFL;
            if (runStart >= 0 && start - runEnd > MAX_GAP) {
                merged.add(activeSegment(runStart, run.toByteArray()));
                run.reset();
                runStart = -1;
            }
            if (runStart < 0) {
                runStart = start;
            } else {
                for (long z = runEnd; z < start; z++) run.write(0);
            }
            run.write(s.module(), s.from(), s.length());
            runEnd = start + s.length();
        }
        merged.add(activeSegment(runStart, run.toByteArray()));
        if (merged.size() == segments.size()) return null;
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        Bytes.u32(payload, merged.size());
        for (byte[] segment : merged) payload.writeBytes(segment);
        return new Rewritten(merged.size(), payload.toByteArray());
    }

    /**
     * The data section of {@code info}'s module with every segment's bytes left out, or null to
     * keep it as it is: what validating the module needs of it (the segments, their memories and
     * offsets) without megabytes to copy.
     */
    static Rewritten emptied(ModuleInfo info) {
        Section data = info.section(CoreSections.DATA);
        if (data == null) return null;
        List<Segment> segments;
        try {
            segments = segments(info.bytes, data);
        } catch (Bytes.Malformed e) {
            return null; // the engine reads it and says what is wrong
        }
        if (segments == null) return null;
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        Bytes.u32(payload, segments.size());
        for (Segment segment : segments) {
            if (segment.offset() == null) {
                payload.write(0x01);
            } else {
                if (segment.offset() != segment.offset().intValue()) return null; // not an i32: the engine says so
                payload.write(0x02);
                Bytes.u32(payload, segment.memory());
                payload.write(0x41);
                Bytes.s32(payload, segment.offset().intValue());
                payload.write(0x0B);
            }
            payload.write(0x00); // no bytes
        }
        return new Rewritten(segments.size(), payload.toByteArray());
    }

    /** A data section's new payload, of {@code count} segments. */
    record Rewritten(int count, byte[] payload) {}

    /** An active segment of memory 0 at {@code offset} (written as an {@code i32.const}). */
    private static byte[] activeSegment(long offset, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x00);
        out.write(0x41);
        Bytes.s32(out, (int) offset);
        out.write(0x0B);
        Bytes.u32(out, bytes.length);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    /** The segments of the data section, or null if one has an offset other than {@code i32.const}. */
    private static List<Segment> segments(byte[] module, Section section) {
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
            out.add(new Segment(memory, offset, module, from, length));
        }
        return s.atEnd() ? out : null;
    }
}
