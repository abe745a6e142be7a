package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every kind of value through exports, with the dynamic Value API. */
class ValuesTest {

    private static Instance instance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        return engine.linker().instantiate(Wasm.load(engine, "values"));
    }

    private static void roundTrip(Instance instance, String func, Value v) {
        assertEquals(Optional.of(v), instance.func(func).call(v), func);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void scalarsRoundTrip(ExecutionMode mode) {
        Instance in = instance(mode);
        roundTrip(in, "id-bool", Value.bool(true));
        roundTrip(in, "id-bool", Value.bool(false));
        roundTrip(in, "id-s8", Value.s8(-128));
        roundTrip(in, "id-u8", Value.u8(255));
        roundTrip(in, "id-s16", Value.s16(-32768));
        roundTrip(in, "id-u16", Value.u16(65535));
        roundTrip(in, "id-s32", Value.s32(Integer.MIN_VALUE));
        roundTrip(in, "id-u32", Value.u32(4294967295L));
        roundTrip(in, "id-s64", Value.s64(Long.MIN_VALUE));
        roundTrip(in, "id-u64", Value.u64(-1L));
        roundTrip(in, "id-f32", Value.f32(1.5f));
        roundTrip(in, "id-f64", Value.f64(-2.25));
        roundTrip(in, "id-char", Value.character(0x1F600));
        roundTrip(in, "id-enum", Value.enumCase("blue"));
        roundTrip(in, "id-flags", Value.flags("read", "exec"));
        roundTrip(in, "id-flags", Value.flags());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void compoundValuesRoundTrip(ExecutionMode mode) {
        Instance in = instance(mode);
        roundTrip(in, "id-string", Value.string("héllo wörld ☃ 😀"));
        roundTrip(in, "id-string", Value.string(""));
        roundTrip(in, "id-list", Value.list(Value.u32(1), Value.u32(2), Value.u32(4000000000L)));
        roundTrip(in, "id-list", Value.list(List.of()));
        roundTrip(in, "id-strings", Value.list(Value.string("a"), Value.string("βγ"), Value.string("")));
        roundTrip(
                in,
                "id-record",
                Value.recordBuilder()
                        .field("x", Value.s32(-1))
                        .field("y", Value.s32(7))
                        .build());
        roundTrip(in, "id-tuple", Value.tuple(Value.s32(3), Value.s32(-4)));
        roundTrip(in, "id-option", Value.some(Value.u32(9)));
        roundTrip(in, "id-option", Value.none());
        roundTrip(in, "id-result", Value.ok(Value.u32(12)));
        roundTrip(in, "id-result", Value.err(Value.string("bad")));
        roundTrip(in, "id-variant", Value.variant("circle", Value.f32(2.5f)));
        roundTrip(in, "id-variant", Value.variant("rect", Value.tuple(Value.f32(1f), Value.f32(-3f))));
        roundTrip(in, "id-variant", Value.variant("dot"));
        Map<String, Value> entry = new LinkedHashMap<>();
        entry.put("name", Value.string("n"));
        entry.put("tags", Value.list(Value.string("x"), Value.string("yz")));
        entry.put("score", Value.some(Value.f64(0.5)));
        roundTrip(in, "id-entry", Value.record(entry));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void manyParametersArePassedInMemory(ExecutionMode mode) {
        Instance in = instance(mode);
        List<Value> args = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            args.add(Value.u8(i));
        }
        assertEquals(Optional.of(Value.u32(153)), in.func("sum17").call(args));
        assertEquals(17, in.func("sum17").params().size());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void postReturnRunsAfterEachCall(ExecutionMode mode) {
        Instance in = instance(mode);
        in.func("id-string").call(Value.string("a"));
        in.func("id-string").call(Value.string("b"));
        assertEquals(Optional.of(Value.u32(2)), in.func("post-returns").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void describesTypesAndRejectsBadArguments(ExecutionMode mode) {
        Instance in = instance(mode);
        Func f = in.func("id-string");
        assertEquals(List.of(new Func.Param("x", ValueType.Primitive.STRING)), f.params());
        assertEquals(Optional.of(ValueType.Primitive.STRING), f.result());
        assertThrows(IllegalArgumentException.class, () -> f.call(Value.u32(1)));
        assertThrows(IllegalArgumentException.class, () -> f.call());
        assertTrue(in.exportNames().contains("color"));
        // a host mistake does not poison the instance
        roundTrip(in, "id-string", Value.string("still fine"));
    }
}
