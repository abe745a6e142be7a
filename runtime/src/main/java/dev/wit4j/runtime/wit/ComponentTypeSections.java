package dev.wit4j.runtime.wit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the {@code component-type*} custom sections of a core module (whose framing the binary
 * decoder has already checked).
 */
final class ComponentTypeSections {
    private static final String PREFIX = "component-type";

    /** One section: its name, the offset of its payload and the payload (a component binary). */
    record Section(String name, long offset, byte[] data) {}

    private ComponentTypeSections() {}

    static List<Section> read(byte[] module) {
        List<Section> out = new ArrayList<>();
        int[] pos = {8};
        while (pos[0] < module.length) {
            int id = module[pos[0]++] & 0xff;
            int size = (int) u32(module, pos);
            int end = pos[0] + size;
            if (id == 0) {
                int nameLength = (int) u32(module, pos);
                String name = new String(module, pos[0], nameLength, StandardCharsets.UTF_8);
                int data = pos[0] + nameLength;
                if (name.startsWith(PREFIX)) {
                    out.add(new Section(name, data, Arrays.copyOfRange(module, data, end)));
                }
            }
            pos[0] = end;
        }
        return out;
    }

    private static long u32(byte[] bytes, int[] pos) {
        long result = 0;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[pos[0]++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }
}
