package dev.wit4j.runtime.conformance;

import dev.wit4j.runtime.conformance.SExpr.Atom;
import dev.wit4j.runtime.conformance.SExpr.SList;
import dev.wit4j.runtime.conformance.SExpr.Text;
import dev.wit4j.runtime.value.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The component value syntax of {@code .wast} scripts (the Rust {@code wast} crate's
 * {@code WastVal}): {@code (u32.const 1)}, {@code (str.const "a")}, {@code (record.const (field "a"
 * (u8.const 1)))}, {@code (variant.const "case" (u8.const 0))}, {@code (option.none)}, … turned
 * into {@link Value}s.
 *
 * <p>Every form names its own type, so no function signature is needed. The suites write nested
 * values both parenthesised, {@code (field "a" (u8.const 1))}, and inline, {@code (field "a" u8.const 1)};
 * both are read.
 */
final class WastValues {

    private WastValues() {}

    /** The values of a run of forms, as the arguments of an {@code invoke} or the results of an assertion. */
    static List<Value> all(List<SExpr> forms) {
        List<Value> values = new ArrayList<>();
        for (SExpr form : forms) {
            values.add(value(form));
        }
        return values;
    }

    /** One value written as a parenthesised form. */
    static Value value(SExpr form) {
        if (!(form instanceof SList list)) {
            throw new IllegalArgumentException("expected a (type.const …) value, found " + form);
        }
        return inline(list.items());
    }

    /** A value written as a keyword and its operands, or as a single parenthesised form. */
    private static Value inline(List<SExpr> items) {
        if (items.size() == 1 && items.get(0) instanceof SList nested) {
            return inline(nested.items());
        }
        if (items.isEmpty() || !(items.get(0) instanceof Atom keyword)) {
            throw new IllegalArgumentException("expected a (type.const …) value, found " + items);
        }
        List<SExpr> args = items.subList(1, items.size());
        switch (keyword.text()) {
            case "bool.const":
                return Value.bool(
                        switch (atom(args, 0)) {
                            case "true" -> true;
                            case "false" -> false;
                            default -> throw new IllegalArgumentException("bool.const takes true or false");
                        });
            case "u8.const":
                return Value.u8(integer(atom(args, 0), 8).intValue() & 0xFF);
            case "s8.const":
                return Value.s8((byte) integer(atom(args, 0), 8).intValue());
            case "u16.const":
                return Value.u16(integer(atom(args, 0), 16).intValue() & 0xFFFF);
            case "s16.const":
                return Value.s16((short) integer(atom(args, 0), 16).intValue());
            case "u32.const":
                return Value.u32(integer(atom(args, 0), 32).longValue() & 0xFFFF_FFFFL);
            case "s32.const":
                return Value.s32(integer(atom(args, 0), 32).intValue());
            case "u64.const":
                return Value.u64(integer(atom(args, 0), 64).longValue());
            case "s64.const":
                return Value.s64(integer(atom(args, 0), 64).longValue());
            case "f32.const":
                return Value.f32(Float.intBitsToFloat(WatFloats.f32Bits(atom(args, 0))));
            case "f64.const":
                return Value.f64(Double.longBitsToDouble(WatFloats.f64Bits(atom(args, 0))));
            case "char.const":
                return character(text(args, 0));
            case "str.const":
                return Value.string(text(args, 0));
            case "list.const":
                return Value.list(all(args));
            case "tuple.const":
                return Value.tuple(all(args).toArray(Value[]::new));
            case "record.const":
                return record(args);
            case "variant.const":
                return args.size() == 1
                        ? Value.variant(text(args, 0))
                        : Value.variant(text(args, 0), inline(args.subList(1, args.size())));
            case "enum.const":
                return Value.enumCase(text(args, 0));
            case "option.none":
                return Value.none();
            case "option.some":
                return Value.some(inline(args));
            case "result.ok":
                return args.isEmpty() ? Value.ok() : Value.ok(inline(args));
            case "result.err":
                return args.isEmpty() ? Value.err() : Value.err(inline(args));
            case "flags.const":
                List<String> flags = new ArrayList<>();
                for (int i = 0; i < args.size(); i++) {
                    flags.add(text(args, i));
                }
                return Value.flags(flags);
            default:
                throw new IllegalArgumentException("unknown component value form `" + keyword.text() + "`");
        }
    }

    private static Value record(List<SExpr> fields) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (SExpr field : fields) {
            if (!(field instanceof SList f) || !"field".equals(f.head()) || f.size() < 3) {
                throw new IllegalArgumentException("expected (field \"name\" value) in record.const, found " + field);
            }
            values.put(text(f.items(), 1), inline(f.items().subList(2, f.size())));
        }
        return Value.record(values);
    }

    private static Value character(String s) {
        if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
            throw new IllegalArgumentException("char.const takes exactly one character, found \"" + s + "\"");
        }
        return Value.character(s.codePointAt(0));
    }

    private static String atom(List<SExpr> args, int i) {
        if (i >= args.size() || !(args.get(i) instanceof Atom a)) {
            throw new IllegalArgumentException(
                    "expected a number or keyword, found " + (i < args.size() ? args.get(i) : "nothing"));
        }
        return a.text();
    }

    private static String text(List<SExpr> args, int i) {
        if (i >= args.size() || !(args.get(i) instanceof Text t)) {
            throw new IllegalArgumentException(
                    "expected a string, found " + (i < args.size() ? args.get(i) : "nothing"));
        }
        return t.utf8();
    }

    /**
     * A wat integer literal ({@code -1}, {@code 0xff_ff}) that fits in {@code bits} bits either as a
     * signed or as an unsigned number, as the text format allows for both kinds of types.
     */
    static BigInteger integer(String literal, int bits) {
        String s = literal.replace("_", "");
        boolean negative = s.startsWith("-");
        if (negative || s.startsWith("+")) {
            s = s.substring(1);
        }
        BigInteger magnitude = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
        BigInteger n = negative ? magnitude.negate() : magnitude;
        BigInteger min = BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            throw new IllegalArgumentException(literal + " does not fit in " + bits + " bits");
        }
        return n.mod(BigInteger.ONE.shiftLeft(bits));
    }
}
