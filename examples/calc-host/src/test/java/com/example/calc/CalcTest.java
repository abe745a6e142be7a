package com.example.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.types.Result;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Calls every export of the calc component through the generated {@link Calc}. */
class CalcTest {
    private final Calc calc = Main.instantiate();
    private final Math math = calc.math();

    @Test
    void strings() {
        assertEquals("HELLO, WIT4J!", calc.shout("hello, wit4j"));
        assertEquals("!", calc.shout(""));
        assertEquals("GRÜN!", calc.shout("grÜn"), "non-ASCII bytes pass through unchanged");
    }

    @Test
    void aNullArgumentIsNamed() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> math.translate(null, 3));
        assertEquals("argument `p` of `translate` is null", e.getMessage());
        assertEquals(3, math.add(1, 2), "the instance is still usable");
    }

    @Test
    void numbers() {
        assertEquals(3, math.add(1, 2));
        assertEquals(-1, math.add(Integer.MAX_VALUE, Integer.MIN_VALUE));
    }

    @Test
    void records() {
        assertEquals(new Math.Point(4, 5), math.translate(new Math.Point(1, 2), 3));
    }

    @Test
    void variants() {
        assertEquals(12, math.area(new Math.Shape.Circle(2)));
        assertEquals(12, math.area(new Math.Shape.Rect(new Math.Point(3, 4))));
        assertEquals(0, math.area(new Math.Shape.Empty()));
    }

    @Test
    void listsAndOptions() {
        assertEquals(10, math.sum(new int[] {1, 2, 3, 4}));
        assertEquals(0, math.sum(new int[0]));
        assertEquals(Optional.of(7), math.first(new int[] {7, 8}));
        assertEquals(Optional.empty(), math.first(new int[0]));
    }

    @Test
    void results() {
        assertEquals(Result.ok(3), math.safeDiv(7, 2));
        assertEquals(Result.err("division by zero"), math.safeDiv(1, 0));
    }

    @Test
    void nullArgumentsAreRejectedBeforeTheCall() {
        assertThrows(NullPointerException.class, () -> math.translate(null, 1));
        assertEquals(3, math.add(1, 2), "the instance is still usable");
    }

    @Test
    void instancesAreIndependent() {
        Calc other = Main.instantiate();
        assertEquals("A!", other.shout("a"));
        assertEquals("B!", calc.shout("b"));
    }

    @Test
    void theComponentCompiledIntoTheApplicationBehavesTheSame() {
        Calc compiledIn = Calc.instantiate();
        assertEquals(calc.shout("wasm"), compiledIn.shout("wasm"));
        assertEquals(math.add(40, 2), compiledIn.math().add(40, 2));
        assertEquals(math.sum(new int[] {1, 2, 3}), compiledIn.math().sum(new int[] {1, 2, 3}));
        assertEquals(math.safeDiv(1, 0), compiledIn.math().safeDiv(1, 0));
    }
}
