package dev.wit4j.runtime.internal.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Works around an Endive 1.0.0 parser bug: an import whose module name and field name are both
 * empty ({@code (import "" "" ...)}, common in component adapters) is rejected as "malformed import
 * kind". Such imports are rewritten to use {@link #PLACEHOLDER} as module name; {@link CoreModule}
 * reports them with the original empty name, and instantiation must supply them under the
 * placeholder.
 */
final class EmptyImportNames {

    /** The module name given to {@code "" ""} imports in the rewritten binary. */
    static final String PLACEHOLDER = "\u0000wit4j-empty";

    private final byte[] in;
    private int pos;

    private EmptyImportNames(byte[] in) {
        this.in = in;
    }

    /** The module with {@code "" ""} imports renamed, or null if there is nothing to rewrite. */
    static byte[] rewrite(byte[] module) {
        try {
            return new EmptyImportNames(module).run();
        } catch (RuntimeException e) {
            return null; // leave malformed input to the engine's own error
        }
    }

    private byte[] run() {
        pos = 8;
        while (pos < in.length) {
            int sectionStart = pos;
            int id = in[pos++] & 0xff;
            long size = u32();
            int contentStart = pos;
            if (id != 2) {
                pos = contentStart + (int) size;
                continue;
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            long count = u32();
            writeU32(content, count);
            boolean changed = false;
            for (long i = 0; i < count; i++) {
                byte[] module = name();
                byte[] field = name();
                int descStart = pos;
                skipImportDesc();
                if (module.length == 0 && field.length == 0) {
                    module = PLACEHOLDER.getBytes(StandardCharsets.UTF_8);
                    changed = true;
                }
                writeU32(content, module.length);
                content.writeBytes(module);
                writeU32(content, field.length);
                content.writeBytes(field);
                content.write(in, descStart, pos - descStart);
            }
            if (!changed) return null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(in, 0, sectionStart);
            out.write(2);
            writeU32(out, content.size());
            out.write(content.toByteArray(), 0, content.size());
            int end = contentStart + (int) size;
            out.write(in, end, in.length - end);
            return out.toByteArray();
        }
        return null;
    }

    private long u32() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = in[pos++] & 0xff;
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
            shift += 7;
        }
    }

    private byte[] name() {
        int len = (int) u32();
        byte[] out = Arrays.copyOfRange(in, pos, pos + len);
        pos += len;
        return out;
    }

    private void skipImportDesc() {
        int kind = in[pos++] & 0xff;
        switch (kind) {
            case 0x00:
                u32();
                break; // func
            case 0x01:
                skipRefType();
                skipLimits();
                break; // table
            case 0x02:
                skipLimits();
                break; // memory
            case 0x03:
                skipValType();
                pos++;
                break; // global
            case 0x04:
                pos++;
                u32();
                break; // tag
            default:
                throw new IllegalStateException("unknown import kind");
        }
    }

    private void skipLimits() {
        int flags = in[pos++] & 0xff;
        u32();
        if ((flags & 0x01) != 0) u32();
        if ((flags & 0x08) != 0) u32();
    }

    private void skipValType() {
        int b = in[pos] & 0xff;
        if (b == 0x63 || b == 0x64) {
            skipRefType();
        } else {
            pos++;
        }
    }

    private void skipRefType() {
        int b = in[pos++] & 0xff;
        if (b == 0x63 || b == 0x64) {
            int h = in[pos] & 0xff;
            if (h == 0x65) pos++; // shared
            u32(); // heap type as LEB (s33), skipped by its continuation bits
        }
    }

    private static void writeU32(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
