package dev.wit4j.runtime.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatFormatTest {

    @Test
    void knownValues() {
        assertEquals("0.3", FloatFormat.f64(0.3));
        assertEquals("0.30000000000000004", FloatFormat.f64(0.1 + 0.2));
        assertEquals("100000000000000000000000", FloatFormat.f64(1e23));
        assertEquals("9007199254740992", FloatFormat.f64(9007199254740993.0));
        assertEquals("0." + "0".repeat(323) + "5", FloatFormat.f64(Double.MIN_VALUE));
        assertEquals("17976931348623157" + "0".repeat(292), FloatFormat.f64(Double.MAX_VALUE));
        assertEquals("16777216", FloatFormat.f32(16777217f));
        assertEquals("340282350000000000000000000000000000000", FloatFormat.f32(Float.MAX_VALUE));
        assertEquals("-0", FloatFormat.f32(-0f));
        assertEquals("0", FloatFormat.f64(0));
        assertEquals("-1.5", FloatFormat.f32(-1.5f));
        assertEquals("inf", FloatFormat.f32(Float.POSITIVE_INFINITY));
    }

    /** Every output reads back exactly and is never longer than Java's own shortest-ish form. */
    @Test
    void randomDoublesReadBackAndAreShort() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = FloatFormat.f64(d);
            assertEquals(d, Double.parseDouble(s), s);
            assertTrue(digits(s) <= digits(Double.toString(d)), () -> s + " vs " + Double.toString(d));
        }
    }

    @Test
    void randomFloatsReadBackAndAreShort() {
        Random random = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            String s = FloatFormat.f32(f);
            assertEquals(f, Float.parseFloat(s), s);
            assertTrue(digits(s) <= digits(Float.toString(f)), () -> s + " vs " + Float.toString(f));
        }
    }

    private static int digits(String s) {
        return new BigDecimal(s).stripTrailingZeros().precision();
    }
}
