package dev.wit4j.runtime.wave;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * Formats floats the way wasm-wave does (Rust's {@code Display}): the shortest decimal that reads
 * back as the same float, written out in full without an exponent ({@code 1}, {@code 0.1},
 * {@code -0}, {@code 340282350000000000000000000000000000000}), and {@code nan}, {@code inf},
 * {@code -inf}.
 */
final class FloatFormat {

    private FloatFormat() {}

    static String f32(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return special(f);
        }
        return shortest(new BigDecimal(f), 9, s -> Float.parseFloat(s) == f);
    }

    static String f64(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return special(d);
        }
        return shortest(new BigDecimal(d), 17, s -> Double.parseDouble(s) == d);
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.doubleToRawLongBits(d) < 0 ? "-0" : "0";
    }

    /**
     * Tries 1, 2, ... significant digits. At each precision the correctly rounded decimal is tried
     * first, then its neighbours one unit away, because next to a power of two the float's
     * rounding interval is lopsided and the nearest short decimal may lie on the far side.
     */
    private static String shortest(BigDecimal exact, int maxDigits, Predicate<String> readsBack) {
        for (int digits = 1; digits <= maxDigits; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-r.scale());
            BigDecimal[] candidates = {r, r.subtract(unit), r.add(unit)};
            BigDecimal best = null;
            for (BigDecimal c : candidates) {
                if (c.signum() == exact.signum()
                        && c.precision() <= digits
                        && readsBack.test(c.toString())
                        && (best == null
                                || c.subtract(exact)
                                                .abs()
                                                .compareTo(best.subtract(exact).abs())
                                        < 0)) {
                    best = c;
                }
            }
            if (best != null) {
                return best.stripTrailingZeros().toPlainString();
            }
        }
        // Unreachable: 9 (f32) or 17 (f64) significant digits always read back.
        return exact.toPlainString();
    }
}
