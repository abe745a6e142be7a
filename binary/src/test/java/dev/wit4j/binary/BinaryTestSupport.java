package dev.wit4j.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Helpers to write test binaries the way the .wast files do: strings with \hh escapes. */
final class BinaryTestSupport {

    static final String PREAMBLE = "\\00asm\\0d\\00\\01\\00";

    private BinaryTestSupport() {}

    /** Concatenates wat-style string bodies ({@code "\00asm"}) into bytes. */
    static byte[] bin(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c != '\\') {
                    byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                    out.write(b, 0, b.length);
                    continue;
                }
                char n = p.charAt(++i);
                switch (n) {
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case 'r' -> out.write('\r');
                    case '"' -> out.write('"');
                    case '\'' -> out.write('\'');
                    case '\\' -> out.write('\\');
                    default -> {
                        out.write(Integer.parseInt(p.substring(i, i + 2), 16));
                        i++;
                    }
                }
            }
        }
        return out.toByteArray();
    }

    /** A section with id {@code id} and contents {@code parts}, as an escaped string with its size. */
    static String sec(int id, String... parts) {
        byte[] body = bin(parts);
        StringBuilder out = new StringBuilder(String.format("\\%02x", id));
        long n = body.length;
        do {
            int b = (int) (n & 0x7f);
            n >>>= 7;
            out.append(String.format("\\%02x", n != 0 ? b | 0x80 : b));
        } while (n != 0);
        for (byte b : body) {
            out.append(String.format("\\%02x", b & 0xff));
        }
        return out.toString();
    }

    /** A component: the preamble followed by {@code parts}. */
    static byte[] component(String... parts) {
        String[] all = new String[parts.length + 1];
        all[0] = PREAMBLE;
        System.arraycopy(parts, 0, all, 1, parts.length);
        return bin(all);
    }
}
