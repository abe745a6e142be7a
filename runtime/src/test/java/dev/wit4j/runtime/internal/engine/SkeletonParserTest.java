package dev.wit4j.runtime.internal.engine;

import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.s32;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.section;
import static dev.wit4j.runtime.internal.engine.split.WasmEncoding.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.wit4j.runtime.internal.engine.split.DataSegments;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.DataSegment;

/** A skeleton read without its bodies has the module's other sections, data segments included, as Endive reads them. */
class SkeletonParserTest {

    /** One memory, one function, and the data segments given (their encoded bytes). */
    private static byte[] module(byte[]... segments) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        section(m, 1, new byte[] {1, 0x60, 0, 0});
        section(m, 3, new byte[] {1, 0});
        section(m, 5, new byte[] {1, 0, 1});
        section(m, 6, new byte[] {1, 0x7F, 0, 0x41, 8, 0x0B}); // global i32 = 8
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(u32(segments.length));
        for (byte[] s : segments) data.writeBytes(s);
        section(m, 12, u32(segments.length));
        section(m, 10, new byte[] {1, 3, 0, 0x00, 0x0B}); // unreachable
        section(m, 11, data.toByteArray());
        return m.toByteArray();
    }

    private static byte[] active(int mode, long offset, String text) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(u32(mode));
        if (mode == 2) s.write(0);
        s.write(0x41);
        s.writeBytes(s32(offset));
        s.write(0x0B);
        s.writeBytes(u32(text.length()));
        s.writeBytes(text.getBytes());
        return s.toByteArray();
    }

    private static byte[] passive(String text) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.write(1);
        s.writeBytes(u32(text.length()));
        s.writeBytes(text.getBytes());
        return s.toByteArray();
    }

    @Test
    void dataSegmentsAreReadAsEndiveReadsThem() {
        byte[] bytes = module(active(0, 16, "hello"), passive("later"), active(2, 65_000, "far"), active(0, -1, ""));
        assertEquals(4, DataSegments.read(bytes).segments().size());
        SkeletonParser.Skeleton skeleton = SkeletonParser.parse(bytes);
        assertEquals(
                0,
                skeleton.module().dataSection().getDataSegment(0).data().length,
                "a module whose memory is its own gets placeholders");
        assertSame(CoreModule.parseWorkingAround(bytes, false), skeleton);
    }

    @Test
    void anOffsetThatIsNotAConstantIsLeftToEndive() {
        ByteArrayOutputStream global = new ByteArrayOutputStream();
        global.writeBytes(new byte[] {0, 0x23, 0, 0x0B, 2, 'h', 'i'}); // offset global.get 0
        byte[] bytes = module(active(0, 1, "a"), global.toByteArray());
        assertNull(DataSegments.read(bytes));
        assertSame(CoreModule.parseWorkingAround(bytes, false), SkeletonParser.parse(bytes));
    }

    /** Placeholder segments' bytes are compared where they lie. */
    private static void assertSame(WasmModule expected, SkeletonParser.Skeleton skeleton) {
        WasmModule actual = skeleton.module();
        assertEquals(
                expected.functionSection().functionCount(), actual.codeSection().functionBodyCount());
        List<DataSegment> e = List.of(expected.dataSection().dataSegments());
        DataSegment[] segments = actual.dataSection().dataSegments();
        List<DataSegment> a = List.of(segments);
        assertEquals(e.size(), a.size());
        for (int i = 0; i < e.size(); i++) {
            assertEquals(e.get(i).getClass(), a.get(i).getClass(), "segment " + i);
            SegmentBytes.Slice bytes =
                    skeleton.segments() != null ? skeleton.segments().bytes(segments, i) : SegmentBytes.of(segments[i]);
            assertArrayEquals(
                    e.get(i).data(),
                    java.util.Arrays.copyOfRange(bytes.array(), bytes.from(), bytes.from() + bytes.length()),
                    "segment " + i);
            if (e.get(i) instanceof ActiveDataSegment ea) {
                ActiveDataSegment aa = (ActiveDataSegment) a.get(i);
                assertEquals(ea.index(), aa.index(), "segment " + i);
                assertEquals(
                        ea.offsetInstructions().size(), aa.offsetInstructions().size(), "segment " + i);
                for (int k = 0; k < ea.offsetInstructions().size(); k++) {
                    assertEquals(
                            ea.offsetInstructions().get(k).opcode(),
                            aa.offsetInstructions().get(k).opcode());
                    assertArrayEquals(
                            ea.offsetInstructions().get(k).operands(),
                            aa.offsetInstructions().get(k).operands());
                }
            }
        }
        assertEquals(
                expected.globalSection().globalCount(), actual.globalSection().globalCount());
        assertEquals(
                expected.memorySection().isPresent(), actual.memorySection().isPresent());
    }
}
