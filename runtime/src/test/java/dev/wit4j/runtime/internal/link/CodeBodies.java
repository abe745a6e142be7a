package dev.wit4j.runtime.internal.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The function bodies of a core module's code section, for tests that look at code. */
final class CodeBodies {

    private CodeBodies() {}

    static List<byte[]> of(byte[] module) {
        int[] pos = {8};
        while (pos[0] < module.length) {
            int id = module[pos[0]++] & 0xff;
            int size = (int) leb(module, pos);
            int end = pos[0] + size;
            if (id == 10) {
                List<byte[]> bodies = new ArrayList<>();
                long count = leb(module, pos);
                for (long i = 0; i < count; i++) {
                    int length = (int) leb(module, pos);
                    bodies.add(Arrays.copyOfRange(module, pos[0], pos[0] + length));
                    pos[0] += length;
                }
                return bodies;
            }
            pos[0] = end;
        }
        return List.of();
    }

    private static long leb(byte[] b, int[] pos) {
        long result = 0;
        int shift = 0;
        int x;
        do {
            x = b[pos[0]++] & 0xff;
            result |= (long) (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return result;
    }
}
