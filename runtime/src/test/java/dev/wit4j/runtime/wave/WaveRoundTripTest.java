package dev.wit4j.runtime.wave;

import static dev.wit4j.runtime.value.TestTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For every kind: parsing then printing gives wasm-wave's canonical text, which parses back to the same value. */
class WaveRoundTripTest {

    static final ValueType POINT = record("point", "x", S32, "y", S32);
    static final ValueType BASIC = record("basic", "required", U8, "optional", option(U8));
    static final ValueType ALL_OPTIONAL = record("all-optional", "a", option(U8), "b", option(U8));
    static final ValueType KEYWORD_FIELDS =
            record("keyword-fields", "true", BOOL, "some", option(U8), "ok", result(null, null), "nan", F32);
    static final ValueType RESPONSE = variant("response", "empty", null, "body", list(U8), "err", STRING, "some", U8);
    static final ValueType HAND = enumType("hand", "left", "right", "ok", "none");
    static final ValueType PERMS = flags("perms", "read", "write", "exec");

    static Stream<Arguments> cases() {
        return Stream.of(
                // type, input, canonical output
                Arguments.of(BOOL, "true", "true"),
                Arguments.of(BOOL, " false ", "false"),
                Arguments.of(S8, "-128", "-128"),
                Arguments.of(U8, "255", "255"),
                Arguments.of(S16, "-32768", "-32768"),
                Arguments.of(U16, "65535", "65535"),
                Arguments.of(S32, "-2147483648", "-2147483648"),
                Arguments.of(U32, "4294967295", "4294967295"),
                Arguments.of(S64, "-9223372036854775808", "-9223372036854775808"),
                Arguments.of(S64, "9223372036854775807", "9223372036854775807"),
                Arguments.of(U64, "18446744073709551615", "18446744073709551615"),
                Arguments.of(U64, "0", "0"),
                Arguments.of(S32, "-0", "0"),
                Arguments.of(F64, "1.5", "1.5"),
                Arguments.of(F64, "1", "1"),
                Arguments.of(F64, "1.0", "1"),
                Arguments.of(F64, "6.022e23", "602200000000000000000000"),
                Arguments.of(F64, "1e-7", "0.0000001"),
                Arguments.of(F64, "-0.0", "-0"),
                Arguments.of(F64, "0.1", "0.1"),
                Arguments.of(F64, "nan", "nan"),
                Arguments.of(F64, "inf", "inf"),
                Arguments.of(F64, "-inf", "-inf"),
                Arguments.of(F32, "3.4028234664e38", "340282350000000000000000000000000000000"),
                Arguments.of(F32, "3.4028234664e39", "inf"),
                Arguments.of(F32, "1.4012984643e-45", "0.000000000000000000000000000000000000000000001"),
                Arguments.of(F32, "1.4012984643e-46", "0"),
                Arguments.of(F32, "-3.1415", "-3.1415"),
                Arguments.of(F32, "0.1", "0.1"),
                Arguments.of(F32, "0e+1", "0"),
                Arguments.of(CHAR, "'x'", "'x'"),
                Arguments.of(CHAR, "'🌊'", "'🌊'"),
                Arguments.of(CHAR, "'\\''", "'\\''"),
                Arguments.of(CHAR, "'\"'", "'\\\"'"),
                Arguments.of(CHAR, "'\\u{78}'", "'x'"),
                Arguments.of(CHAR, "'\\u{000078}'", "'x'"),
                Arguments.of(CHAR, "'\\u{0}'", "'\\u{0}'"),
                Arguments.of(CHAR, "'\\u{2603}'", "'☃'"),
                Arguments.of(CHAR, "'\\t'", "'\\t'"),
                Arguments.of(STRING, "\"\"", "\"\""),
                Arguments.of(STRING, "\"WAVE🌊\"", "\"WAVE🌊\""),
                Arguments.of(STRING, "\"\\\\\\'\\\"\\t\\n\\r\"", "\"\\\\\\'\\\"\\t\\n\\r\""),
                Arguments.of(STRING, "\"'\\'\\u{27}\"", "\"\\'\\'\\'\""),
                Arguments.of(STRING, "\"\\u{1F30A}\\u{7f}\\u{1b}\"", "\"🌊\\u{7f}\\u{1b}\""),
                Arguments.of(STRING, "\"e\\u{301}\"", "\"e\\u{301}\""),
                Arguments.of(STRING, "\"tab\there\"", "\"tab\\there\""),
                Arguments.of(STRING, "\"nbsp\\u{a0}\"", "\"nbsp\\u{a0}\""),
                Arguments.of(list(U8), "[]", "[]"),
                Arguments.of(list(U8), "[ 1,2 ,3, ]", "[1, 2, 3]"),
                Arguments.of(list(list(STRING)), "[[], [\"a\"]]", "[[], [\"a\"]]"),
                Arguments.of(fixedList(U8, 2), "[1, 2]", "[1, 2]"),
                Arguments.of(tuple(U8, STRING), "(1, \"a\")", "(1, \"a\")"),
                Arguments.of(tuple(U8), "(1,)", "(1)"),
                Arguments.of(POINT, "{x: 1, y: -2}", "{x: 1, y: -2}"),
                Arguments.of(POINT, "{y: -2, x: 1,}", "{x: 1, y: -2}"),
                Arguments.of(POINT, "{%x: 1, %y: 2}", "{x: 1, y: 2}"),
                Arguments.of(BASIC, "{required: 1}", "{required: 1}"),
                Arguments.of(BASIC, "{required: 1, optional: none}", "{required: 1}"),
                Arguments.of(BASIC, "{optional: some(2), required: 1}", "{required: 1, optional: some(2)}"),
                Arguments.of(BASIC, "{optional: 2, required: 1}", "{required: 1, optional: some(2)}"),
                Arguments.of(ALL_OPTIONAL, "{:}", "{:}"),
                Arguments.of(ALL_OPTIONAL, "{ : }", "{:}"),
                Arguments.of(ALL_OPTIONAL, "{a: none, b: none}", "{:}"),
                Arguments.of(ALL_OPTIONAL, "{b: some(2), a: 1}", "{a: some(1), b: some(2)}"),
                Arguments.of(
                        KEYWORD_FIELDS,
                        "{true: true, some: some(1), ok: ok, nan: nan}",
                        "{true: true, some: some(1), ok: ok, nan: nan}"),
                Arguments.of(RESPONSE, "empty", "empty"),
                Arguments.of(RESPONSE, "%empty", "empty"),
                Arguments.of(RESPONSE, "body([79, 75])", "body([79, 75])"),
                Arguments.of(RESPONSE, "%err(\"oops\")", "%err(\"oops\")"),
                Arguments.of(RESPONSE, "%some(1)", "%some(1)"),
                Arguments.of(HAND, "left", "left"),
                Arguments.of(HAND, "%ok", "%ok"),
                Arguments.of(HAND, "%none", "%none"),
                Arguments.of(option(U8), "some(1)", "some(1)"),
                Arguments.of(option(U8), "1", "some(1)"),
                Arguments.of(option(U8), "none", "none"),
                Arguments.of(option(option(U8)), "some(none)", "some(none)"),
                Arguments.of(option(option(U8)), "some(some(3))", "some(some(3))"),
                Arguments.of(option(option(U8)), "some(3)", "some(some(3))"),
                Arguments.of(option(option(U8)), "none", "none"),
                Arguments.of(option(STRING), "\"flat some\"", "some(\"flat some\")"),
                Arguments.of(option(RESPONSE), "empty", "some(empty)"),
                Arguments.of(result(U8, STRING), "ok(1)", "ok(1)"),
                Arguments.of(result(U8, STRING), "1", "ok(1)"),
                Arguments.of(result(U8, STRING), "err(\"x\")", "err(\"x\")"),
                Arguments.of(result(null, STRING), "ok", "ok"),
                Arguments.of(result(null, null), "err", "err"),
                Arguments.of(result(option(U8), null), "ok(none)", "ok(none)"),
                Arguments.of(result(result(U8, null), null), "ok(ok(1))", "ok(ok(1))"),
                Arguments.of(PERMS, "{}", "{}"),
                Arguments.of(PERMS, "{ read }", "{read}"),
                Arguments.of(PERMS, "{exec, read,}", "{read, exec}"),
                Arguments.of(PERMS, "{%write, read}", "{read, write}"),
                Arguments.of(map(STRING, U32), "[]", "[]"),
                Arguments.of(map(STRING, U32), "[(\"a\", 1), (\"b\", 2)]", "[(\"a\", 1), (\"b\", 2)]"),
                Arguments.of(alias("byte", U8), "7", "7"),
                Arguments.of(
                        list(record("entry", "key", STRING, "value", option(list(PERMS)))),
                        "[{key: \"k\", value: [{read}, {}]}, {key: \"z\"}]",
                        "[{key: \"k\", value: some([{read}, {}])}, {key: \"z\"}]"),
                Arguments.of(STRING, "// comment\n \"x\" // trailing\n", "\"x\""),
                Arguments.of(STRING, "\"\"\"\nA single line\n\"\"\"", "\"A single line\""),
                Arguments.of(
                        STRING,
                        "\"\"\"\n    Trailing indent\n  determines dedent\n      behavior.\n  \"\"\"",
                        "\"  Trailing indent\\ndetermines dedent\\n    behavior.\""),
                Arguments.of(STRING, "\"\"\"\n\nEmpty lines kept\n\n\"\"\"", "\"\\nEmpty lines kept\\n\""),
                Arguments.of(STRING, "\"\"\"\r\n  CRLF \\r\r\n  \"\"\"", "\"CRLF \\r\""),
                Arguments.of(STRING, "\"\"\"\nquotes: \"\"\\\"\"\n\"\"\"", "\"quotes: \\\"\\\"\\\"\\\"\""),
                Arguments.of(STRING, "\"\"\"\n\"\"\"", "\"\""));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void parsePrintParse(ValueType type, String input, String canonical) {
        Value value = Wave.parse(input, type);
        assertEquals(canonical, Wave.print(value, type));
        assertEquals(value, Wave.parse(canonical, type), "canonical text parses back to the same value");
        value.typeCheck(type);
    }
}
