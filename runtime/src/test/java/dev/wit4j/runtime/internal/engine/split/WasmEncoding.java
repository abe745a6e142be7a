package dev.wit4j.runtime.internal.engine.split;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Writing core module bytes in tests: LEB128 numbers, sections and vectors, as the splitter writes them. */
public final class WasmEncoding {

    private WasmEncoding() {}

    /** {@code value} as an unsigned LEB128. */
    public static byte[] u32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bytes.u32(out, value);
        return out.toByteArray();
    }

    /** {@code value} as a signed LEB128 (also for {@code i64.const}). */
    public static byte[] s32(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Bytes.s32(out, value);
        return out.toByteArray();
    }

    /** Appends section {@code id} holding {@code payload} to the module {@code m}. */
    public static void section(ByteArrayOutputStream m, int id, byte[] payload) {
        m.write(id);
        m.writeBytes(u32(payload.length));
        m.writeBytes(payload);
    }

    /** A vector of {@code items}: their count, then each. */
    public static byte[] vec(List<byte[]> items) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.writeBytes(u32(items.size()));
        for (byte[] i : items) v.writeBytes(i);
        return v.toByteArray();
    }
}
