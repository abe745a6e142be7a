package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.wave.Wave;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Component-to-component calls of every WASI 0.2 value type through {@code transfer.wat}: the host
 * hands a value to the caller component, which passes it on to the callee component (UTF-8 to
 * UTF-16 or latin1+utf16), which returns it; the value must come back unchanged. Crafted calls
 * check the conversions on the way (truncation, NaN canonicalisation, flag bits, variant slots)
 * and every trap, with the component it is attributed to.
 */
class TransferTest {

    private static final String PAD = "(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)";

    private static Instance instance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        return engine.linker().instantiate(Wasm.load(engine, "transfer"));
    }

    static Stream<Arguments> echoes() {
        String bigBytes = bytes(200_000);
        List<Arguments> cases = new ArrayList<>();
        String[][] table = {
            {
                "rec",
                "{a: true, b: -5, c: 65535, d: -123456, e: 18446744073709551615, f: 1.5, g: -2.25, h: '😀',"
                        + " s: \"héllo ☃ 😀\", p: {x: 7, y: 4000000000}}"
            },
            {"bytes", "[]"},
            {"bytes", bigBytes},
            {"strings", "[\"\", \"a\", \"ÿ latin1\", \"☃ bmp\", \"😀 astral\"]"},
            {"pairs", "[{x: 1, y: 2}, {x: 255, y: 4294967295}, {x: 0, y: 0}]"},
            {"variant", "%none"},
            {"variant", "small(200)"},
            {"variant", "big(12345678901234)"},
            {"variant", "fl(-0.5)"},
            {"variant", "text(\"in a variant ☃\")"},
            {"variant", "nums([1, 2, 65535])"},
            {"ef", "(c, {f0, f9}, 9)"},
            {"ef", "(a, {}, 0)"},
            {"opt", "none"},
            {"opt", "some(\"x😀\")"},
            {"res", "ok(['a', 'ÿ', '☃', '😀'])"},
            {"res", "err(\"bad ☃\")"},
            {"tuple", "(1, \"two\", some(3))"},
            {"tuple", "(255, \"\", none)"},
            {"nested", "[[], [1, -1], [-32768, 32767, 0]]"},
            {"bools", "[true, false, true]"},
            {"floats", "[0, -0, 1.5, inf, -inf, nan]"},
            {"chars", "['x', '\\u{10ffff}']"},
            {"text-l1", "\"latin1 only: ÿé\""},
            {"text-l1", "\"needs utf16: ☃😀\""},
            // both sides UTF-8: validated in place and copied, a long one in chunks
            {"text-u8", "[\"\", \"same ☃ 😀\", \"" + "x".repeat(70_000) + "é\"]"},
        };
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (String[] row : table) {
                cases.add(Arguments.of(mode, row[0], row[1]));
            }
        }
        return cases.stream();
    }

    private static String bytes(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i > 0 ? ", " : "").append(i * 31 & 0xFF);
        }
        return b.append(']').toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("echoes")
    void valuesCrossBothWaysUnchanged(ExecutionMode mode, String name, String wave) {
        Instance instance = instance(mode);
        Func f = instance.func(name);
        Value x = Wave.parse(wave, f.params().get(0).type());
        Value pad = Wave.parse(PAD, f.params().get(1).type());
        assertEquals(Optional.of(x), f.call(x, pad));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void ownedHandlesMoveAndComeBack(ExecutionMode mode) {
        Instance instance = instance(mode);
        Func f = instance.func("owns");
        Value pad = Wave.parse(PAD, f.params().get(1).type());
        Value empty = Value.list(List.of());
        assertEquals(Optional.of(empty), f.call(empty, pad));
        // a handle from the caller's table moves to the callee's and back to a fresh index
        assertEquals(Optional.of(Value.u32(41)), instance.func("own-trip").call());
        // two handles in a list go to the callee and come back in order (5 and 6)
        assertEquals(Optional.of(Value.u32(5 + 60)), instance.func("owns-trip").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void borrowsAreLentForTheCall(ExecutionMode mode) {
        Instance instance = instance(mode);
        assertEquals(Optional.of(Value.u32(8)), instance.func("borrow-drop").call());
        Instance other = instance(mode);
        Trap t = assertThrows(Trap.class, () -> other.func("borrow-keep").call());
        assertEquals(Trap.Reason.BORROWS_OUTSTANDING, t.reason());
        assertEquals(Optional.of("transfer/callee"), t.componentName());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void scalarsAreConvertedAsLiftingThenLoweringDoes(ExecutionMode mode) {
        Instance instance = instance(mode);
        assertEquals(Optional.of(Value.u32(0xFF)), instance.func("u8-wide").call(), "u8 keeps the low 8 bits");
        assertEquals(
                Optional.of(Value.u32(0xFFFF_FFFFL)), instance.func("s8-neg").call(), "s8 0xFF is -1");
        assertEquals(Optional.of(Value.u32(1)), instance.func("bool-7").call(), "any non-zero bool is 1");
        assertEquals(Optional.of(Value.u32(0x1F600)), instance.func("char-ok").call());
        assertEquals(Optional.of(Value.u32(0x7fc0_0000)), instance.func("nan").call(), "NaN payload dropped");
        assertEquals(
                Optional.of(Value.u32(0x7fc0_0000)), instance.func("neg-nan").call(), "NaN sign dropped");
        assertEquals(Optional.of(Value.u32(0x3FF)), instance.func("flags-extra").call(), "bits past the flags dropped");
        assertEquals(Optional.of(Value.u32(2)), instance.func("enum-ok").call());
        assertEquals(Optional.of(Value.u32(0)), instance.func("opt-none").call(), "unused slots become zero");
        assertEquals(Optional.of(Value.u32(77)), instance.func("opt-some").call());
        assertEquals(Optional.of(Value.u32(5)), instance.func("string-ok").call(), "5 UTF-16 code units");
        assertEquals(Optional.of(Value.u32(100_000)), instance.func("same-long").call(), "UTF-8 to UTF-8");
        // an f32 case in a slot joined with u64: the callee sees the f32's bits, zero-extended
        assertEquals(
                Optional.of(Value.u64(0x4049_0FDBL)), instance.func("joined-f").call());
        assertEquals(
                Optional.of(Value.u64(0x1234_5678_90AB_CDEFL)),
                instance.func("joined-w").call());
    }

    static Stream<Arguments> callerTraps() {
        Object[][] table = {
            {"char-bad", Trap.Reason.INVALID_CHAR},
            {"enum-bad", Trap.Reason.INVALID_DISCRIMINANT},
            {"opt-bad", Trap.Reason.INVALID_DISCRIMINANT},
            {"bad-utf8", Trap.Reason.INVALID_STRING_ENCODING},
            {"string-oob", Trap.Reason.OUT_OF_BOUNDS},
            {"list-unaligned", Trap.Reason.UNALIGNED_POINTER},
            {"list-too-long", Trap.Reason.LIST_TOO_LONG},
            {"list-oob", Trap.Reason.OUT_OF_BOUNDS},
            {"own-bad", Trap.Reason.UNKNOWN_HANDLE},
            {"own-twice", Trap.Reason.UNKNOWN_HANDLE},
            {"lent-own", Trap.Reason.HANDLE_LENT},
            {"same-bad-utf8", Trap.Reason.INVALID_STRING_ENCODING},
            {"same-long-bad", Trap.Reason.INVALID_STRING_ENCODING},
            {"string-too-long", Trap.Reason.STRING_TOO_LONG},
            {"mem-unaligned", Trap.Reason.UNALIGNED_POINTER},
            {"out-unaligned", Trap.Reason.UNALIGNED_POINTER},
            {"order", Trap.Reason.INVALID_CHAR},
        };
        List<Arguments> cases = new ArrayList<>();
        for (ExecutionMode mode : ExecutionMode.values()) {
            for (Object[] row : table) {
                cases.add(Arguments.of(mode, row[0], row[1]));
            }
        }
        return cases.stream();
    }

    /**
     * Bad values of the caller trap in the caller, which is poisoned; the callee stays usable and,
     * since the spec lifts all arguments before lowering any, never saw a {@code realloc} call.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("callerTraps")
    void badValuesOfTheCallerTrapInTheCaller(ExecutionMode mode, String name, Trap.Reason reason) {
        Instance instance = instance(mode);
        Trap t = assertThrows(Trap.class, () -> instance.func(name).call());
        assertEquals(reason, t.reason(), t.getMessage());
        assertEquals(Optional.of("transfer/caller"), t.componentName(), t.getMessage());
        long reallocs = name.equals("out-unaligned") ? 1 : 0; // the parameter tuple was lowered before
        assertEquals(Optional.of(Value.u32(reallocs)), instance.func("reallocs").call(), "callee reallocs");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void badResultsOfTheCalleeTrapInTheCallee(ExecutionMode mode) {
        java.util.Map<String, Trap.Reason> expected = java.util.Map.of(
                "bad-char-out",
                Trap.Reason.INVALID_CHAR,
                "bad-disc-out",
                Trap.Reason.INVALID_DISCRIMINANT,
                "bad-utf16-out",
                Trap.Reason.INVALID_STRING_ENCODING);
        for (String name : expected.keySet()) {
            Instance instance = instance(mode);
            Trap t = assertThrows(Trap.class, () -> instance.func(name).call());
            assertEquals(expected.get(name), t.reason(), name);
            assertEquals(Optional.of("transfer/callee"), t.componentName(), t.getMessage());
            Trap again =
                    assertThrows(Trap.class, () -> instance.func("reallocs").call());
            assertEquals(Trap.Reason.CANNOT_ENTER, again.reason(), "the callee is poisoned");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void reallocOfTheCalleeIsChecked(ExecutionMode mode) {
        for (int m = 1; m <= 2; m++) {
            Instance instance = instance(mode);
            instance.func("set-mode").call(Value.u32(m));
            Func f = instance.func("strings");
            Value x = Wave.parse("[\"a\"]", f.params().get(0).type());
            Value pad = Wave.parse(PAD, f.params().get(1).type());
            Trap t = assertThrows(Trap.class, () -> f.call(x, pad));
            assertEquals(m == 1 ? Trap.Reason.UNALIGNED_POINTER : Trap.Reason.OUT_OF_BOUNDS, t.reason());
            assertEquals(Optional.of("transfer/callee"), t.componentName(), t.getMessage());
        }
    }
}
