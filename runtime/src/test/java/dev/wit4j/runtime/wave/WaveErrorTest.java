package dev.wit4j.runtime.wave;

import static dev.wit4j.runtime.value.TestTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gives a {@link WaveException} that says what was expected, what was found, and where. */
class WaveErrorTest {

    static final ValueType POINT = WaveRoundTripTest.POINT;
    static final ValueType ALL_OPTIONAL = WaveRoundTripTest.ALL_OPTIONAL;
    static final ValueType RESPONSE = WaveRoundTripTest.RESPONSE;
    static final ValueType HAND = WaveRoundTripTest.HAND;
    static final ValueType PERMS = WaveRoundTripTest.PERMS;

    static Stream<Arguments> errors() {
        return Stream.of(
                // type, input, full message
                Arguments.of(U32, "\"x\"", "expected u32, found \"x\" at column 1"),
                Arguments.of(list(U32), "[1, \"x\"]", "expected u32, found \"x\" at column 5"),
                Arguments.of(U8, "256", "256 is out of range for u8 (0 to 255) at column 1"),
                Arguments.of(U32, "-1", "-1 is out of range for u32 (0 to 4294967295) at column 1"),
                Arguments.of(
                        U64,
                        "18446744073709551616",
                        "18446744073709551616 is out of range for u64 (0 to 18446744073709551615) at column 1"),
                Arguments.of(
                        S64,
                        "-9223372036854775809",
                        "-9223372036854775809 is out of range for s64 (-9223372036854775808 to 9223372036854775807) at column 1"),
                Arguments.of(S8, "128", "128 is out of range for s8 (-128 to 127) at column 1"),
                Arguments.of(U32, "1.5", "expected u32, found 1.5 at column 1"),
                Arguments.of(U32, "1e3", "expected u32, found 1e3 at column 1"),
                Arguments.of(U8, "nan", "expected u8, found `nan` at column 1"),
                Arguments.of(U8, "01", "numbers must not have leading zeros at column 1"),
                Arguments.of(U8, "", "expected u8, found end of input at column 1"),
                Arguments.of(U8, "   // only a comment", "expected u8, found end of input at column 21"),
                Arguments.of(U8, "1 2", "unexpected 2 after the value at column 3"),
                Arguments.of(U8, "1.", "expected digits after the decimal point at column 1"),
                Arguments.of(U8, "12abc", "invalid number 12abc at column 1"),
                Arguments.of(F32, "-nan", "expected a digit after `-` at column 1"),
                Arguments.of(
                        F32,
                        "NaN",
                        "invalid label `NaN`: labels are kebab-case words, each all lower case or all upper case at column 1"),
                Arguments.of(F32, "INF", "expected f32, found `INF` at column 1"),
                Arguments.of(F32, "%nan", "expected f32, found `%nan` at column 1"),
                Arguments.of(F64, "infinity", "expected f64, found `infinity` at column 1"),
                Arguments.of(BOOL, "%true", "expected bool, found `%true` at column 1"),
                Arguments.of(BOOL, "1", "expected bool, found 1 at column 1"),
                Arguments.of(CHAR, "'\\u{D800}'", "invalid escape: U+D800 is not a Unicode scalar value at column 2"),
                Arguments.of(CHAR, "'\\u{dfff}'", "invalid escape: U+DFFF is not a Unicode scalar value at column 2"),
                Arguments.of(
                        CHAR, "'\\u{110000}'", "invalid escape: U+110000 is not a Unicode scalar value at column 2"),
                Arguments.of(
                        CHAR, "'\\u{1234567}'", "invalid escape: \\u{...} holds 1 to 6 hexadecimal digits at column 2"),
                Arguments.of(CHAR, "'\\u{}'", "invalid escape: \\u{...} holds 1 to 6 hexadecimal digits at column 2"),
                Arguments.of(CHAR, "'\\u12'", "invalid escape: expected `{` after `\\u`, as in \\u{1F30A} at column 2"),
                Arguments.of(
                        CHAR,
                        "'\\x1f'",
                        "invalid escape `\\x`; WAVE has \\\\ \\' \\\" \\t \\n \\r and \\u{...} at column 2"),
                Arguments.of(CHAR, "'ab'", "a char literal holds exactly one character at column 1"),
                Arguments.of(CHAR, "''", "empty char literal at column 1"),
                Arguments.of(CHAR, "'x", "unterminated char literal at column 1"),
                Arguments.of(CHAR, "\"x\"", "expected char, found \"x\" at column 1"),
                Arguments.of(STRING, "'x'", "expected string, found 'x' at column 1"),
                Arguments.of(
                        STRING,
                        "\"abc",
                        "unterminated string (a line break inside a string is written \\n) at column 1"),
                Arguments.of(
                        STRING,
                        "\"a\nb\"",
                        "unterminated string (a line break inside a string is written \\n) at line 1, column 1"),
                Arguments.of(
                        STRING,
                        "\"a\\qb\"",
                        "invalid escape `\\q`; WAVE has \\\\ \\' \\\" \\t \\n \\r and \\u{...} at column 3"),
                Arguments.of(
                        STRING, "\"\\u{d800}\"", "invalid escape: U+D800 is not a Unicode scalar value at column 2"),
                Arguments.of(
                        STRING,
                        "\"\"\"x\n\"\"\"",
                        "the opening \"\"\" of a multiline string must be followed by a line break at line 1, column 1"),
                Arguments.of(
                        STRING,
                        "\"\"\"\nx\"\"\"",
                        "the closing \"\"\" of a multiline string must be on a line of its own, preceded only by spaces at line 2, column 2"),
                Arguments.of(
                        STRING,
                        "\"\"\"\n x\n  \"\"\"",
                        "each line of a multiline string must be indented at least as much as the closing \"\"\" at line 2, column 1"),
                Arguments.of(STRING, "\"\"\"\nx\n", "unterminated multiline string at line 1, column 1"),
                Arguments.of(STRING, "\"a\" @", "unexpected character `@` at column 5"),
                Arguments.of(list(U8), "[1, 2", "expected `,` or `]`, found end of input at column 6"),
                Arguments.of(list(U8), "[1,,2]", "unexpected `,` at column 4"),
                Arguments.of(list(U8), "[,]", "expected u8, found `,` at column 2"),
                Arguments.of(list(U8), "[1 2]", "expected `,` or `]`, found 2 at column 4"),
                Arguments.of(list(U8), "(1)", "expected list<u8>, found `(` at column 1"),
                Arguments.of(list(U32), "[\n  1,\n  \"x\"\n]", "expected u32, found \"x\" at line 3, column 3"),
                Arguments.of(list(STRING), "[\"🌊\", 1]", "expected string, found 1 at column 7"),
                Arguments.of(fixedList(U8, 3), "[1, 2]", "expected list<u8, 3> with 3 elements, found 2 at column 1"),
                Arguments.of(
                        tuple(U8, U8), "(1)", "too few elements for tuple<u8, u8>: expected 2, found 1 at column 3"),
                Arguments.of(tuple(U8, U8), "(1, 2, 3)", "too many elements for tuple<u8, u8>: expected 2 at column 8"),
                Arguments.of(tuple(U8), "()", "too few elements for tuple<u8>: expected 1, found 0 at column 2"),
                Arguments.of(POINT, "{x: 1}", "missing field `y` of record `point` at column 1"),
                Arguments.of(POINT, "{x: 1, x: 2, y: 1}", "duplicate field `x` at column 8"),
                Arguments.of(POINT, "{x: 1, z: 2}", "record `point` has no field `z` at column 8"),
                Arguments.of(POINT, "{x 1}", "expected `:`, found 1 at column 4"),
                Arguments.of(POINT, "{x: 1,, y: 2}", "unexpected `,` at column 7"),
                Arguments.of(POINT, "{, x: 1}", "expected a label, found `,` at column 2"),
                Arguments.of(POINT, "{x: \"1\", y: 2}", "expected s32, found \"1\" at column 5"),
                Arguments.of(
                        ALL_OPTIONAL,
                        "{}",
                        "expected record `all-optional`, found `{}` (empty flags); a record whose fields are all omitted is written `{:}` at column 1"),
                Arguments.of(POINT, "{:}", "missing field `x` of record `point` at column 1"),
                Arguments.of(PERMS, "{read, read}", "duplicate flag `read` at column 8"),
                Arguments.of(PERMS, "{read, nope}", "flags `perms` has no flag `nope` at column 8"),
                Arguments.of(PERMS, "{read: true}", "expected `,` or `}`, found `:` at column 6"),
                Arguments.of(PERMS, "[read]", "expected flags `perms`, found `[` at column 1"),
                Arguments.of(
                        HAND,
                        "ok",
                        "expected enum `hand`, found the keyword `ok` (write a case named like a keyword as `%ok`) at column 1"),
                Arguments.of(HAND, "up", "enum `hand` has no case `up` at column 1"),
                Arguments.of(HAND, "left(1)", "enum case `left` takes no payload at column 5"),
                Arguments.of(
                        RESPONSE,
                        "some(1)",
                        "expected variant `response`, found the keyword `some` (write a case named like a keyword as `%some`) at column 1"),
                Arguments.of(
                        RESPONSE,
                        "body",
                        "case `body` needs a payload of type list<u8>, as in `body(...)` at column 1"),
                Arguments.of(RESPONSE, "empty(1)", "case `empty` takes no payload at column 6"),
                Arguments.of(RESPONSE, "body([1)", "expected `,` or `]`, found `)` at column 8"),
                Arguments.of(RESPONSE, "body([1]", "expected `)`, found end of input at column 9"),
                Arguments.of(RESPONSE, "nope", "variant `response` has no case `nope` at column 1"),
                Arguments.of(option(U8), "some", "some needs a payload of type u8, as in `some(...)` at column 1"),
                Arguments.of(option(U8), "some()", "expected u8, found `)` at column 6"),
                Arguments.of(option(U8), "none(0)", "none takes no payload at column 5"),
                Arguments.of(option(U8), "some(some(0))", "expected u8, found `some` at column 6"),
                Arguments.of(
                        option(option(U8)),
                        "3",
                        "expected option<option<u8>> (`some(...)` or `none`), found 3 at column 1"),
                Arguments.of(result(U8, null), "ok", "ok needs a payload of type u8, as in `ok(...)` at column 1"),
                Arguments.of(result(U8, null), "err(0)", "err takes no payload at column 4"),
                Arguments.of(
                        result(null, U8),
                        "0",
                        "expected result<_, u8> (`ok`, `err` or their payloads), found 0 at column 1"),
                Arguments.of(result(null, null), "ok(0)", "ok takes no payload at column 3"),
                Arguments.of(
                        result(option(U8), null),
                        "5",
                        "expected result<option<u8>> (`ok`, `err` or their payloads), found 5 at column 1"),
                Arguments.of(own(resource("file")), "1", "own<file> values cannot be written in WAVE at column 1"),
                Arguments.of(
                        ValueType.Primitive.ERROR_CONTEXT,
                        "1",
                        "error-context values cannot be written in WAVE at column 1"),
                Arguments.of(
                        U8,
                        "aB",
                        "invalid label `aB`: labels are kebab-case words, each all lower case or all upper case at column 1"),
                Arguments.of(
                        HAND,
                        "left-",
                        "invalid label `left-`: labels are kebab-case words, each all lower case or all upper case at column 1"),
                Arguments.of(
                        map(STRING, U8),
                        "[(\"a\")]",
                        "too few elements for tuple<string, u8>: expected 2, found 1 at column 6"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("errors")
    void reportsWhatAndWhere(ValueType type, String input, String message) {
        WaveException e = assertThrows(WaveException.class, () -> Wave.parse(input, type));
        assertEquals(message, e.getMessage());
    }

    @Test
    void exceptionCarriesThePosition() {
        WaveException e = assertThrows(WaveException.class, () -> Wave.parse("[\n  1,\n  \"x\"\n]", list(U32)));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertEquals(9, e.offset());
        assertEquals("expected u32, found \"x\"", e.reason());
    }

    @Test
    void longStringsAreShortenedInMessages() {
        String input = "\"" + "a".repeat(100) + "\"";
        WaveException e = assertThrows(WaveException.class, () -> Wave.parse(input, U8));
        assertEquals("expected u8, found \"" + "a".repeat(35) + "…\" at column 1", e.getMessage());
    }

    @Test
    void unpairedSurrogateInInputIsRejected() {
        WaveException e = assertThrows(WaveException.class, () -> Wave.parse("\"a\uD800\"", STRING));
        assertEquals("invalid character in string: unpaired surrogate at column 3", e.getMessage());
    }

    /** Mutated valid inputs fail only with WaveException, never with another exception. */
    @Test
    void mutatedInputsFailCleanly() {
        ValueType type =
                list(record("r", "a", option(list(tuple(U8, STRING))), "b", RESPONSE, "c", PERMS, "d", F64, "e", CHAR));
        String valid = "[{a: some([(1, \"x\\u{41}\")]), b: body([1, 2]), c: {read, exec}, d: -1.5e3, e: '\\n'}, "
                + "{b: %err(\"\"\"\n  q\n  \"\"\"), c: {}, d: nan, e: 'x'}]";
        Wave.parse(valid, type);
        String alphabet = "[](){}:,'\"\\%-.e0123456789azAZ \n/u";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(valid);
            for (int k = random.nextInt(3); k >= 0; k--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String input = s.toString();
            try {
                Wave.parse(input, type);
            } catch (WaveException expected) {
                // fine
            } catch (RuntimeException e) {
                fail("unexpected " + e + " for input " + input, e);
            }
        }
    }

    @Test
    void argumentListsReportPositionsInTheWholeText() {
        WaveException e =
                assertThrows(WaveException.class, () -> Wave.parseArguments("1, \"a\", 3", List.of(U8, STRING)));
        assertEquals("too many arguments: expected 2 arguments, found 3 at column 9", e.getMessage());
    }
}
