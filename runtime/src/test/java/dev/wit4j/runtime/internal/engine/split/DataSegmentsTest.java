package dev.wit4j.runtime.internal.engine.split;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import run.endive.runtime.Instance;
import run.endive.wasm.Parser;

/**
 * A skeleton's data segments are written as few segments where that cannot be seen: the same
 * memory after instantiation, the same failure when a segment is out of bounds, and nothing merged
 * where an instruction could name a segment, the memory is imported, or segments overlap.
 */
class DataSegmentsTest {

    /** Segments at 16, 20 (adjacent), 94 (66 bytes after the last: over the limit), 100 and 1000. */
    private static final int[][] SPREAD = {{16, 4}, {20, 8}, {94, 3}, {100, 5}, {1000, 2}};

    @Test
    void nearbySegmentsBecomeOneAndMemoryIsTheSame() {
        byte[] module = module(SPREAD, false, false, 1);
        byte[] skeleton = ModuleSplitter.skeleton(module, ModuleSplitter.Additions.NONE);
        // 16..28 and 94..105 are closer than the limit to their neighbours; 1000 is far
        assertEquals(3, Parser.parse(skeleton).dataSection().dataSegmentCount());
        assertArrayEquals(memory(module), memory(skeleton));
    }

    @Test
    void withADataCountSectionOnlyWhenTheCodeNamesNoSegment() {
        byte[] module = module(SPREAD, true, false, 1);
        byte[] kept = ModuleSplitter.skeleton(module, ModuleSplitter.Additions.NONE, () -> true);
        byte[] merged = ModuleSplitter.skeleton(module, ModuleSplitter.Additions.NONE, () -> false);
        assertEquals(5, Parser.parse(kept).dataSection().dataSegmentCount());
        // the data count section now gives the new count, or the parser would refuse the module
        assertEquals(3, Parser.parse(merged).dataSection().dataSegmentCount());
        assertArrayEquals(memory(module), memory(merged));
    }

    @Test
    void anOutOfBoundsSegmentStillFailsInstantiation() {
        byte[] module = module(new int[][] {{16, 4}, {65534, 4}}, false, false, 1);
        byte[] skeleton = ModuleSplitter.skeleton(module, ModuleSplitter.Additions.NONE);
        assertThrows(RuntimeException.class, () -> memory(module));
        assertThrows(RuntimeException.class, () -> memory(skeleton));
    }

    @Test
    void segmentsStayAsTheyAreWhereMergingCouldBeSeen() {
        int[][] overlapping = {{16, 8}, {20, 8}};
        int[][] descending = {{40, 4}, {16, 4}};
        for (byte[] module : List.of(
                module(SPREAD, true, false, 1),
                module(SPREAD, false, true, 1),
                module(overlapping, false, false, 1),
                module(descending, false, false, 1))) {
            int before = Parser.parse(module).dataSection().dataSegmentCount();
            byte[] skeleton = ModuleSplitter.skeleton(module, ModuleSplitter.Additions.NONE);
            assertEquals(before, Parser.parse(skeleton).dataSection().dataSegmentCount());
        }
    }

    private static byte[] memory(byte[] module) {
        Instance instance = Instance.builder(Parser.parse(module)).build();
        return instance.memory().readBytes(0, 2048);
    }

    /**
     * A module with one function, memory 0 of {@code pages} (imported if {@code importMemory}), a
     * data count section if {@code dataCount}, and an active segment per {@code {offset, length}}
     * whose bytes are {@code offset + i}.
     */
    private static byte[] module(int[][] segments, boolean dataCount, boolean importMemory, int pages) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00});
        WasmEncoding.section(m, 1, WasmEncoding.vec(List.of(new byte[] {0x60, 0x00, 0x00})));
        if (importMemory) {
            WasmEncoding.section(
                    m, 2, WasmEncoding.vec(List.of(new byte[] {0x01, 'm', 0x01, 'm', 0x02, 0x00, (byte) pages})));
        }
        WasmEncoding.section(m, 3, WasmEncoding.vec(List.of(new byte[] {0x00})));
        if (!importMemory) {
            WasmEncoding.section(m, 5, WasmEncoding.vec(List.of(new byte[] {0x00, (byte) pages})));
        }
        if (dataCount) WasmEncoding.section(m, 12, WasmEncoding.u32(segments.length));
        WasmEncoding.section(m, 10, WasmEncoding.vec(List.of(new byte[] {0x02, 0x00, 0x0b})));
        List<byte[]> data = new ArrayList<>();
        for (int[] s : segments) {
            ByteArrayOutputStream d = new ByteArrayOutputStream();
            d.writeBytes(new byte[] {0x00, 0x41});
            d.writeBytes(WasmEncoding.s32(s[0]));
            d.write(0x0b);
            d.writeBytes(WasmEncoding.u32(s[1]));
            for (int i = 0; i < s[1]; i++) d.write(s[0] + i);
            data.add(d.toByteArray());
        }
        WasmEncoding.section(m, 11, WasmEncoding.vec(data));
        return m.toByteArray();
    }
}
