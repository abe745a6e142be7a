package dev.wit4j.runtime.wave;

import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Objects;

/**
 * WAVE, the WebAssembly Value Encoding: the text form of component values that wasmtime's and
 * wasm-tools' command lines use (the {@code wasm-wave} crate). Examples for each kind:
 *
 * <pre>
 * bool          true, false
 * integers      42, -1
 * floats        1.5, 6.022e23, nan, inf, -inf
 * char          'x', '\'', '&#92;u{1F30A}'
 * string        "a\tb", """ + line break ... line break + """ (multiline, dedented)
 * list          [1, 2, 3], []
 * tuple         (1, "a")
 * record        {name: "x", size: 3}   (any order; option fields that are none may be left out; {:} if all are)
 * variant       empty, body([1, 2]), %err("x")   (% in front of case names that are keywords)
 * enum          north, %true
 * option        some(1), none, or just 1 (unless the payload is itself an option or result)
 * result        ok, ok(1), err("x"), or just 1 for ok(1) (same rule)
 * flags         {read, write}, {}
 * map           [("k", 1)]   (a wit4j extension: wasm-wave has no map syntax yet)
 * </pre>
 *
 * Whitespace and {@code //} line comments may appear between tokens; lists, tuples, records and
 * flags accept a trailing comma. Keywords are {@code true false some none ok err inf nan}.
 *
 * <p>Errors in the text are reported as {@link WaveException}, with the position.
 */
public final class Wave {

    private Wave() {}

    /**
     * Parses WAVE text as a value of the given type.
     *
     * @throws WaveException if the text is not a value of that type
     */
    public static Value parse(String text, ValueType type) {
        Objects.requireNonNull(type, "type");
        return new Parser(new Lexer(text, 0, text.length())).parseWhole(type);
    }

    /**
     * Parses the text between the parentheses of a call, {@code 1, "a"}, as arguments for the
     * given parameter types. As in wasm-wave, trailing {@code option} arguments may be left out
     * (they become {@code none}).
     *
     * @throws WaveException if the text does not match the parameters
     */
    public static List<Value> parseArguments(String text, List<ValueType> params) {
        return new Parser(new Lexer(text, 0, text.length())).arguments(List.copyOf(params), Lexer.Kind.END);
    }

    /**
     * Reads a function call {@code name(arg, ...)}; the name is available at once, and the
     * arguments are parsed when the caller knows the parameter types (see {@link WaveCall}).
     *
     * @throws WaveException if the text does not start with a function name and {@code (}
     */
    public static WaveCall parseCall(String text) {
        return WaveCall.parse(text);
    }

    /**
     * Prints a value as one-line WAVE, as wasm-wave does. Record fields and flags come out in the
     * order the value holds them; see {@link #print(Value, ValueType)} for declaration order.
     *
     * <p>WAVE has no syntax for resource handles, streams, futures and error-contexts; they print
     * as {@code own<file>#3}-style text that does not parse back.
     *
     * @throws IllegalArgumentException for a value nested more than {@link ValueTypes#MAX_DEPTH}
     *     levels deep
     */
    public static String print(Value value) {
        return Printer.print(Objects.requireNonNull(value, "value"), null);
    }

    /**
     * Prints a value of the given type as one-line WAVE, with record fields and flags in their
     * declaration order.
     *
     * @throws dev.wit4j.runtime.value.ValueTypeMismatchException if the value does not have the type
     *     (or nests more than {@link ValueTypes#MAX_DEPTH} levels deep)
     */
    public static String print(Value value, ValueType type) {
        ValueTypes.check(value, type);
        return Printer.print(value, type);
    }
}
