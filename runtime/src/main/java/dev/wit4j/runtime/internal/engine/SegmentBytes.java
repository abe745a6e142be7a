package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.internal.engine.split.DataSegments;
import java.util.List;
import run.endive.wasm.types.DataSegment;

/**
 * Where the bytes of a module's data segments lie in the module's own binary, for a module whose
 * engine segments are placeholders without bytes ({@link SkeletonParser}). Endive copies a
 * segment's bytes when the segment is made and again each time they are read; for a JavaScript
 * engine's 3 MB snapshot those copies (and the collection they bring about) were about a tenth of a
 * fresh JVM's start. A memory given this table copies a placeholder's bytes into itself straight
 * from the binary, at instantiation and on {@code memory.init}.
 *
 * <p>A placeholder is recognised by identity, index by index: an instance's segment array starts
 * as the placeholders and a dropped segment is replaced by Endive's empty one, which is then what
 * is read. Only for modules whose every memory is their own and unshared (so the memories are
 * wit4j's and are initialised with this table); any other module keeps Endive's segments.
 */
final class SegmentBytes {

    /** Tells a memory where a placeholder's bytes are: {@code array[from, from + length)}. */
    record Slice(byte[] array, int from, int length) {}

    /** No bytes: a dropped segment's. */
    static final Slice NONE = new Slice(new byte[0], 0, 0);

    private final DataSegment[] placeholders;
    private final List<DataSegments.Segment> segments;

    /** {@code placeholders[i]} stands for {@code segments.get(i)}. */
    SegmentBytes(DataSegment[] placeholders, List<DataSegments.Segment> segments) {
        if (placeholders.length != segments.size()) throw new IllegalArgumentException("one placeholder per segment");
        this.placeholders = placeholders;
        this.segments = segments;
    }

    /**
     * The bytes of {@code segments[i]}: from the binary if it is this table's placeholder, else
     * (another module's segment, or a dropped one) the segment's own.
     */
    Slice bytes(DataSegment[] instanceSegments, int i) {
        DataSegment s = instanceSegments[i];
        if (i < placeholders.length && s == placeholders[i]) {
            DataSegments.Segment d = segments.get(i);
            return new Slice(d.module(), d.from(), d.length());
        }
        return of(s);
    }

    /** A segment's own bytes (a copy Endive makes). */
    static Slice of(DataSegment s) {
        byte[] data = s.data();
        return new Slice(data, 0, data.length);
    }
}
