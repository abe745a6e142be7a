package dev.wit4j.runtime.conformance;

/**
 * Float literals of the WebAssembly text format as exact bit patterns: decimal and hexadecimal
 * numbers (with {@code _} separators and an optional {@code p} exponent), {@code inf}, and
 * {@code nan} or {@code nan:0x…} with its payload — the payload matters, since the suites check that
 * NaN bits pass through the canonical ABI.
 */
final class WatFloats {

    private WatFloats() {}

    static int f32Bits(String literal) {
        String s = literal.replace("_", "");
        int sign = s.startsWith("-") ? 0x8000_0000 : 0;
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (body.equals("inf")) {
            return sign | 0x7F80_0000;
        }
        if (body.startsWith("nan")) {
            int payload = body.startsWith("nan:0x") ? Integer.parseUnsignedInt(body.substring(6), 16) : 0x40_0000;
            return sign | 0x7F80_0000 | payload;
        }
        return Float.floatToRawIntBits(Float.parseFloat(javaSyntax(s)));
    }

    static long f64Bits(String literal) {
        String s = literal.replace("_", "");
        long sign = s.startsWith("-") ? Long.MIN_VALUE : 0;
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (body.equals("inf")) {
            return sign | 0x7FF0_0000_0000_0000L;
        }
        if (body.startsWith("nan")) {
            long payload =
                    body.startsWith("nan:0x") ? Long.parseUnsignedLong(body.substring(6), 16) : 0x8_0000_0000_0000L;
            return sign | 0x7FF0_0000_0000_0000L | payload;
        }
        return Double.doubleToRawLongBits(Double.parseDouble(javaSyntax(s)));
    }

    /** Java's parsers need the binary exponent of a hexadecimal float; wat makes it optional. */
    private static String javaSyntax(String s) {
        boolean hex = s.startsWith("0x") || s.startsWith("-0x") || s.startsWith("+0x");
        return hex && s.indexOf('p') < 0 && s.indexOf('P') < 0 ? s + "p0" : s;
    }
}
