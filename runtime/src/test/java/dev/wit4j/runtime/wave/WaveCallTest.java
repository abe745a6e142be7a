package dev.wit4j.runtime.wave;

import static dev.wit4j.runtime.value.TestTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaveCallTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "add(1, 2)|add",
                "  add (1, 2)|add",
                "nullary()|nullary",
                "ui.string(\"\")|ui.string",
                "ui:tests/ui.string@0.1.0(\"\")|ui:tests/ui.string@0.1.0",
                "wasi:cli/run@0.2.0#run()|wasi:cli/run@0.2.0#run",
                "types#get-name()|types#get-name",
                "[method]counter.inc(5)|[method]counter.inc",
                "[static]counter.new-with(5)|[static]counter.new-with",
                "[constructor]counter()|[constructor]counter",
            })
    void readsTheFunctionName(String call, String name) {
        assertEquals(name, Wave.parseCall(call).functionName());
    }

    @Test
    void parsesArgumentsForTheParameterTypes() {
        assertEquals(
                List.of(Value.u32(1), Value.string("a")),
                Wave.parseCall("f(1, \"a\")").arguments(List.of(U32, STRING)));
        assertEquals(List.of(Value.u32(1)), Wave.parseCall("f(1,)").arguments(List.of(U32)));
        assertEquals(List.of(), Wave.parseCall("f()").arguments(List.of()));
        assertEquals(List.of(), Wave.parseCall("f( // nothing\n)").arguments(List.of()));
        assertEquals(
                List.of(Value.tuple(Value.u8(1), Value.u8(2))),
                Wave.parseCall("f((1, 2))").arguments(List.of(tuple(U8, U8))));
        assertEquals(
                List.of(Value.list(Value.u8(1))),
                Wave.parseCall("f([1]) // done").arguments(List.of(list(U8))));
    }

    @Test
    void trailingOptionArgumentsMayBeLeftOut() {
        var params = List.of(option(U8), option(U8), option(U8));
        List<Value> expected = List.of(Value.some(Value.u8(1)), Value.none(), Value.none());
        assertEquals(expected, Wave.parseCall("f(some(1))").arguments(params));
        assertEquals(expected, Wave.parseCall("f(some(1), none)").arguments(params));
        assertEquals(expected, Wave.parseCall("f(1, none, none)").arguments(params));
        assertEquals(
                List.of(Value.none(), Value.none(), Value.none()),
                Wave.parseCall("f()").arguments(params));
    }

    @Test
    void argumentErrors() {
        assertEquals(
                "missing argument 2 of type u8: expected 2 arguments, found 1 at column 4",
                assertThrows(WaveException.class, () -> Wave.parseCall("f(1)").arguments(List.of(U8, U8)))
                        .getMessage());
        assertEquals(
                "too many arguments: expected 1 argument, found 2 at column 6",
                assertThrows(
                                WaveException.class,
                                () -> Wave.parseCall("f(1, 2)").arguments(List.of(U8)))
                        .getMessage());
        assertEquals(
                "too many arguments: expected 0 arguments, found \"\" at column 9",
                assertThrows(
                                WaveException.class,
                                () -> Wave.parseCall("nullary(\"\")").arguments(List.of()))
                        .getMessage());
        assertEquals(
                "unexpected `x` after the call at column 6",
                assertThrows(WaveException.class, () -> Wave.parseCall("f(1) x").arguments(List.of(U8)))
                        .getMessage());
        assertEquals(
                "expected `,` or `)`, found end of input at column 4",
                assertThrows(WaveException.class, () -> Wave.parseCall("f(1").arguments(List.of(U8)))
                        .getMessage());
        assertEquals(
                "expected u8, found \"a\" at column 3",
                assertThrows(
                                WaveException.class,
                                () -> Wave.parseCall("f(\"a\")").arguments(List.of(U8)))
                        .getMessage());
    }

    @Test
    void nameErrors() {
        assertEquals(
                "expected `(` after the function name `f` at column 2",
                assertThrows(WaveException.class, () -> Wave.parseCall("f")).getMessage());
        assertEquals(
                "expected `(` after the function name `f`, found `1` at column 3",
                assertThrows(WaveException.class, () -> Wave.parseCall("f 1")).getMessage());
        assertEquals(
                "unexpected character `!` in the function name at column 2",
                assertThrows(WaveException.class, () -> Wave.parseCall("f!()")).getMessage());
        assertEquals(
                "expected a function name, as in `f(1, 2)` at column 1",
                assertThrows(WaveException.class, () -> Wave.parseCall("(1)")).getMessage());
    }

    @Test
    void bareArgumentText() {
        assertEquals(List.of(Value.u8(1), Value.string("a")), Wave.parseArguments("1, \"a\"", List.of(U8, STRING)));
        assertEquals(List.of(), Wave.parseArguments("  ", List.of()));
        assertEquals(List.of(Value.u8(1), Value.none()), Wave.parseArguments("1", List.of(U8, option(STRING))));
    }
}
