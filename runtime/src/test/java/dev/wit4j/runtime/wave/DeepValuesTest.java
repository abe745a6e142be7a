package dev.wit4j.runtime.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypeMismatchException;
import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.witx.model.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Types and values nested deeper than {@link ValueTypes#MAX_DEPTH}, as the Java API can build
 * them, are refused with a typed error by WAVE and the type checker, not with a
 * {@link StackOverflowError}; as deep as allowed works.
 */
class DeepValuesTest {

    private static ValueType nestedOptions(int depth) {
        ValueType t = ValueType.Primitive.U8;
        for (int i = 0; i < depth; i++) t = new ValueType.OptionType(t);
        return t;
    }

    private static Value nestedSome(int depth) {
        Value v = Value.u8(7);
        for (int i = 0; i < depth; i++) v = Value.some(v);
        return v;
    }

    @Test
    void tooDeepIsATypedError() {
        int deep = 2_000;
        String text = "some(".repeat(deep) + "7" + ")".repeat(deep);
        WaveException parse = assertThrows(WaveException.class, () -> Wave.parse(text, nestedOptions(deep)));
        assertTrue(parse.reason().contains("nested more than"), parse.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Wave.print(nestedSome(deep)));
        ValueTypeMismatchException check =
                assertThrows(ValueTypeMismatchException.class, () -> Wave.print(nestedSome(deep), nestedOptions(deep)));
        assertTrue(check.getMessage().contains("nested more than"), check.getMessage());
        assertThrows(ValueTypeMismatchException.class, () -> ValueTypes.check(nestedSome(deep), nestedOptions(deep)));
        assertTrue(ValueTypes.describe(nestedOptions(deep)).contains("…"));
    }

    @Test
    void asDeepAsAllowedRoundTrips() {
        int depth = ValueTypes.MAX_DEPTH - 1;
        String text = "some(".repeat(depth) + "7" + ")".repeat(depth);
        Value v = Wave.parse(text, nestedOptions(depth));
        assertEquals(nestedSome(depth), v);
        assertEquals(text, Wave.print(v, nestedOptions(depth)));
    }
}
