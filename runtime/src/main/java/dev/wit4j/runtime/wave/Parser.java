package dev.wit4j.runtime.wave;

import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.runtime.wave.Lexer.Kind;
import dev.wit4j.runtime.wave.Lexer.Token;
import dev.wit4j.witx.model.ValueType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads WAVE text as a value of a known type. Parsing is driven by the type, which is what makes
 * the shorthands (a bare {@code 5} for {@code some(5)}, omitted {@code none} fields) unambiguous
 * and lets errors say what was expected.
 */
final class Parser {

    private final Lexer lex;
    /** Handles by name, for calls that pass resources ({@link WaveCall#arguments(List, java.util.function.Function)}); else null. */
    private final Function<String, Optional<Value>> handles;

    Parser(Lexer lex) {
        this(lex, null);
    }

    Parser(Lexer lex, Function<String, Optional<Value>> handles) {
        this.lex = lex;
        this.handles = handles;
    }

    /** Parses one value and requires that nothing but whitespace and comments follow. */
    Value parseWhole(ValueType type) {
        Value v = value(type);
        Token t = lex.peek();
        if (t.kind() != Kind.END) {
            throw lex.error("unexpected " + found(t) + " after the value", t.start());
        }
        return v;
    }

    /**
     * Parses comma-separated function arguments up to {@code close} (which is not consumed;
     * {@link Kind#END} for bare argument text). Trailing {@code option} parameters may be left
     * out and become {@code none}.
     */
    List<Value> arguments(List<ValueType> params, Kind close) {
        List<Value> args = new ArrayList<>();
        while (lex.peek().kind() != close) {
            Token t = lex.peek();
            if (args.size() == params.size()) {
                throw lex.error(
                        "too many arguments: expected " + count(params.size(), "argument") + ", found " + found(t),
                        t.start());
            }
            args.add(value(params.get(args.size())));
            if (!separator(close)) {
                break;
            }
        }
        Token closing = lex.peek();
        expectKind(closing, close);
        for (int i = args.size(); i < params.size(); i++) {
            if (!(ValueTypes.resolve(params.get(i)) instanceof ValueType.OptionType)) {
                throw lex.error(
                        "missing argument " + (i + 1) + " of type " + ValueTypes.describe(params.get(i)) + ": expected "
                                + count(params.size(), "argument") + ", found " + args.size(),
                        closing.start());
            }
            args.add(Value.none());
        }
        return args;
    }

    // ---------------------------------------------------------------- values

    private int depth;

    private Value value(ValueType declared) {
        if (depth >= ValueTypes.MAX_DEPTH) {
            throw lex.error(
                    "value nested more than " + ValueTypes.MAX_DEPTH + " levels deep",
                    lex.peek().start());
        }
        depth++;
        try {
            return nested(declared);
        } finally {
            depth--;
        }
    }

    private Value nested(ValueType declared) {
        ValueType type = ValueTypes.resolve(declared);
        if (type instanceof ValueType.Primitive p) {
            return primitive(p, declared);
        } else if (type instanceof ValueType.ListType l) {
            return Value.list(sequence(Kind.LBRACKET, Kind.RBRACKET, l.element(), declared));
        } else if (type instanceof ValueType.FixedListType l) {
            Token open = lex.peek();
            List<Value> elements = sequence(Kind.LBRACKET, Kind.RBRACKET, l.element(), declared);
            if (elements.size() != l.length()) {
                throw lex.error(
                        "expected " + ValueTypes.describe(declared) + " with " + count(l.length(), "element")
                                + ", found " + elements.size(),
                        open.start());
            }
            return Value.fixedList(elements);
        } else if (type instanceof ValueType.TupleType t) {
            return tuple(t, declared);
        } else if (type instanceof ValueType.RecordType r) {
            return record(r, declared);
        } else if (type instanceof ValueType.VariantType v) {
            return variant(v, declared);
        } else if (type instanceof ValueType.EnumType e) {
            return enumCase(e, declared);
        } else if (type instanceof ValueType.FlagsType f) {
            return flags(f, declared);
        } else if (type instanceof ValueType.OptionType o) {
            return option(o, declared);
        } else if (type instanceof ValueType.ResultType r) {
            return result(r, declared);
        } else if (type instanceof ValueType.MapType m) {
            return map(m);
        }
        if (type instanceof ValueType.HandleType h && handles != null) {
            return handle(h, declared);
        }
        // Handles, streams and futures: WAVE has no syntax for them (wasm-wave leaves it "TBD").
        Token t = lex.peek();
        throw lex.error(ValueTypes.describe(declared) + " values cannot be written in WAVE", t.start());
    }

    private Value primitive(ValueType.Primitive p, ValueType declared) {
        Token t = lex.peek();
        switch (p) {
            case BOOL:
                if (t.isKeyword("true") || t.isKeyword("false")) {
                    lex.next();
                    return Value.bool(t.value().equals("true"));
                }
                throw mismatch(declared, t);
            case S8:
                return Value.s8((int)
                        integer(declared, t, BigInteger.valueOf(Byte.MIN_VALUE), BigInteger.valueOf(Byte.MAX_VALUE)));
            case U8:
                return Value.u8((int) integer(declared, t, BigInteger.ZERO, BigInteger.valueOf(0xFF)));
            case S16:
                return Value.s16((int)
                        integer(declared, t, BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE)));
            case U16:
                return Value.u16((int) integer(declared, t, BigInteger.ZERO, BigInteger.valueOf(0xFFFF)));
            case S32:
                return Value.s32((int) integer(
                        declared, t, BigInteger.valueOf(Integer.MIN_VALUE), BigInteger.valueOf(Integer.MAX_VALUE)));
            case U32:
                return Value.u32(integer(declared, t, BigInteger.ZERO, BigInteger.valueOf(0xFFFF_FFFFL)));
            case S64:
                return Value.s64(
                        integer(declared, t, BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MAX_VALUE)));
            case U64:
                return Value.u64(integer(
                        declared,
                        t,
                        BigInteger.ZERO,
                        BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
            case F32:
                return Value.f32((float) floating(declared, t, true));
            case F64:
                return Value.f64(floating(declared, t, false));
            case CHAR:
                if (t.kind() == Kind.CHAR) {
                    lex.next();
                    return Value.character(t.value().codePointAt(0));
                }
                throw mismatch(declared, t);
            case STRING:
                if (t.kind() == Kind.STRING) {
                    lex.next();
                    return Value.string(t.value());
                }
                throw mismatch(declared, t);
            default: // error-context
                throw lex.error(ValueTypes.describe(declared) + " values cannot be written in WAVE", t.start());
        }
    }

    /** An integer in [min, max], returned as its low 64 bits (so u64 above 2^63 wraps as it should). */
    private long integer(ValueType declared, Token t, BigInteger min, BigInteger max) {
        if (t.kind() != Kind.NUMBER || !isInteger(t.value())) {
            throw mismatch(declared, t);
        }
        BigInteger n = new BigInteger(t.value());
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            throw lex.error(
                    t.value() + " is out of range for " + ValueTypes.describe(declared) + " (" + min + " to " + max
                            + ")",
                    t.start());
        }
        lex.next();
        return n.longValue();
    }

    private static boolean isInteger(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A float literal, {@code nan}, {@code inf} or {@code -inf}; f32 is rounded once, from the text. */
    private double floating(ValueType declared, Token t, boolean single) {
        double d;
        if (t.isKeyword("nan")) {
            d = Double.NaN;
        } else if (t.isKeyword("inf")) {
            d = Double.POSITIVE_INFINITY;
        } else if (t.kind() == Kind.NUMBER) {
            String s = t.value();
            if (s.equals("-inf")) {
                d = Double.NEGATIVE_INFINITY;
            } else {
                // Parsing straight to float avoids double rounding through double.
                d = single ? Float.parseFloat(s) : Double.parseDouble(s);
            }
        } else {
            throw mismatch(declared, t);
        }
        lex.next();
        return d;
    }

    /**
     * A handle named by the caller (a label where WAVE has no handle syntax): an owned one is moved,
     * or lent as {@code borrow<r>}.
     */
    private Value handle(ValueType.HandleType h, ValueType declared) {
        Token t = lex.next();
        if (t.kind() != Kind.LABEL) {
            throw lex.error(
                    "expected the name of a " + ValueTypes.describe(declared) + " handle, found " + found(t),
                    t.start());
        }
        Value v = handles.apply(t.value())
                .orElseThrow(() -> lex.error(
                        "no handle named `" + t.value() + "` (a handle is named by `name = call(...)`)", t.start()));
        ResourceHandle handle = v instanceof Value.Own o ? o.handle() : v instanceof Value.Borrow b ? b.handle() : null;
        if (handle == null) {
            throw lex.error("`" + t.value() + "` is not a handle", t.start());
        }
        if (!h.borrow() && v instanceof Value.Borrow) {
            throw lex.error(
                    "`" + t.value() + "` is borrowed: it cannot be passed as " + ValueTypes.describe(declared),
                    t.start());
        }
        return h.borrow() ? Value.borrow(handle) : v;
    }

    private Value tuple(ValueType.TupleType t, ValueType declared) {
        Token open = lex.peek();
        expectKind(open, Kind.LPAREN, declared);
        lex.next();
        List<Value> elements = new ArrayList<>();
        List<ValueType> types = t.types();
        while (lex.peek().kind() != Kind.RPAREN) {
            if (elements.size() == types.size()) {
                throw lex.error(
                        "too many elements for " + ValueTypes.describe(declared) + ": expected " + types.size(),
                        lex.peek().start());
            }
            elements.add(value(types.get(elements.size())));
            if (!separator(Kind.RPAREN)) {
                break;
            }
        }
        Token close = lex.next();
        expectKind(close, Kind.RPAREN);
        if (elements.size() != types.size()) {
            throw lex.error(
                    "too few elements for " + ValueTypes.describe(declared) + ": expected " + types.size() + ", found "
                            + elements.size(),
                    close.start());
        }
        return new Value.TupleValue(elements);
    }

    private Value record(ValueType.RecordType r, ValueType declared) {
        Token open = lex.peek();
        expectKind(open, Kind.LBRACE, declared);
        lex.next();
        Map<String, Value> given = new LinkedHashMap<>();
        if (lex.peek().kind() == Kind.COLON) {
            // `{:}`: the record whose fields are all omitted `none`s.
            lex.next();
            expectKind(lex.next(), Kind.RBRACE);
        } else if (lex.peek().kind() == Kind.RBRACE) {
            throw lex.error(
                    "expected " + ValueTypes.describe(declared) + ", found `{}` (empty flags); a record "
                            + "whose fields are all omitted is written `{:}`",
                    open.start());
        } else {
            while (lex.peek().kind() != Kind.RBRACE) {
                Token label = lex.next();
                expectKind(label, Kind.LABEL);
                ValueType.Field field = r.fields().stream()
                        .filter(f -> f.name().equals(label.value()))
                        .findFirst()
                        .orElseThrow(() -> lex.error(
                                ValueTypes.describe(declared) + " has no field `" + label.value() + "`",
                                label.start()));
                if (given.containsKey(field.name())) {
                    throw lex.error("duplicate field `" + field.name() + "`", label.start());
                }
                expectKind(lex.next(), Kind.COLON);
                given.put(field.name(), value(field.type()));
                if (!separator(Kind.RBRACE)) {
                    break;
                }
            }
            expectKind(lex.next(), Kind.RBRACE);
        }
        // Build in declaration order; omitted option fields are `none`.
        Value.RecordValue.Builder b = Value.recordBuilder();
        for (ValueType.Field f : r.fields()) {
            Value v = given.get(f.name());
            if (v == null) {
                if (!(ValueTypes.resolve(f.type()) instanceof ValueType.OptionType)) {
                    throw lex.error(
                            "missing field `" + f.name() + "` of " + ValueTypes.describe(declared), open.start());
                }
                v = Value.none();
            }
            b.field(f.name(), v);
        }
        return b.build();
    }

    private Value variant(ValueType.VariantType v, ValueType declared) {
        Token label = caseLabel(declared);
        ValueType.Case c = v.cases().stream()
                .filter(k -> k.name().equals(label.value()))
                .findFirst()
                .orElseThrow(() -> lex.error(
                        ValueTypes.describe(declared) + " has no case `" + label.value() + "`", label.start()));
        Optional<Value> payload = payload("case `" + c.name() + "`", c.type(), label);
        return new Value.VariantValue(c.name(), payload);
    }

    private Value enumCase(ValueType.EnumType e, ValueType declared) {
        Token label = caseLabel(declared);
        if (e.cases().stream().noneMatch(k -> k.name().equals(label.value()))) {
            throw lex.error(ValueTypes.describe(declared) + " has no case `" + label.value() + "`", label.start());
        }
        if (lex.peek().kind() == Kind.LPAREN) {
            throw lex.error(
                    "enum case `" + label.value() + "` takes no payload",
                    lex.peek().start());
        }
        return Value.enumCase(label.value());
    }

    /** The label of a variant or enum case; keywords must be written with {@code %}. */
    private Token caseLabel(ValueType declared) {
        Token t = lex.peek();
        if (t.kind() != Kind.LABEL) {
            throw mismatch(declared, t);
        }
        if (!t.escaped() && Labels.isKeyword(t.value())) {
            throw lex.error(
                    "expected " + ValueTypes.describe(declared) + ", found the keyword `" + t.value()
                            + "` (write a case named like a keyword as `%" + t.value() + "`)",
                    t.start());
        }
        return lex.next();
    }

    private Value flags(ValueType.FlagsType f, ValueType declared) {
        Token open = lex.peek();
        expectKind(open, Kind.LBRACE, declared);
        lex.next();
        Set<String> given = new LinkedHashSet<>();
        while (lex.peek().kind() != Kind.RBRACE) {
            Token label = lex.next();
            expectKind(label, Kind.LABEL);
            if (f.flags().stream().noneMatch(k -> k.name().equals(label.value()))) {
                throw lex.error(ValueTypes.describe(declared) + " has no flag `" + label.value() + "`", label.start());
            }
            if (!given.add(label.value())) {
                throw lex.error("duplicate flag `" + label.value() + "`", label.start());
            }
            if (!separator(Kind.RBRACE)) {
                break;
            }
        }
        expectKind(lex.next(), Kind.RBRACE);
        // Declaration order, so that equal flag sets print alike.
        List<String> ordered = new ArrayList<>();
        for (ValueType.Flag flag : f.flags()) {
            if (given.contains(flag.name())) {
                ordered.add(flag.name());
            }
        }
        return Value.flags(ordered);
    }

    private Value option(ValueType.OptionType o, ValueType declared) {
        Token t = lex.peek();
        if (t.isKeyword("some")) {
            lex.next();
            return Value.some(payload("some", Optional.of(o.type()), t).orElseThrow());
        }
        if (t.isKeyword("none")) {
            lex.next();
            payload("none", Optional.empty(), t);
            return Value.none();
        }
        if (flattenable(o.type())) {
            return Value.some(value(o.type()));
        }
        throw lex.error(
                "expected " + ValueTypes.describe(declared) + " (`some(...)` or `none`), found " + found(t), t.start());
    }

    private Value result(ValueType.ResultType r, ValueType declared) {
        Token t = lex.peek();
        if (t.isKeyword("ok") || t.isKeyword("err")) {
            lex.next();
            boolean ok = t.value().equals("ok");
            return new Value.ResultValue(ok, payload(t.value(), ok ? r.ok() : r.err(), t));
        }
        if (r.ok().isPresent() && flattenable(r.ok().get())) {
            return Value.ok(value(r.ok().get()));
        }
        throw lex.error(
                "expected " + ValueTypes.describe(declared) + " (`ok`, `err` or their payloads), found " + found(t),
                t.start());
    }

    /**
     * Reads {@code (payload)} after a case label if the type has one. A payload may be left out
     * only when the case has none, and given only when it has one.
     */
    private Optional<Value> payload(String what, Optional<ValueType> type, Token label) {
        boolean given = lex.peek().kind() == Kind.LPAREN;
        if (type.isEmpty()) {
            if (given) {
                throw lex.error(what + " takes no payload", lex.peek().start());
            }
            return Optional.empty();
        }
        if (!given) {
            throw lex.error(
                    what + " needs a payload of type " + ValueTypes.describe(type.get()) + ", as in `" + label.value()
                            + "(...)`",
                    label.start());
        }
        lex.next();
        Value v = value(type.get());
        expectKind(lex.next(), Kind.RPAREN);
        return Optional.of(v);
    }

    /**
     * wasm-wave lets a bare value stand for {@code some(value)} / {@code ok(value)} unless the
     * payload is itself an option or result, where it would be ambiguous.
     */
    private static boolean flattenable(ValueType payload) {
        ValueType t = ValueTypes.resolve(payload);
        return !(t instanceof ValueType.OptionType) && !(t instanceof ValueType.ResultType);
    }

    /**
     * {@code map<K, V>}: wasm-wave has no map syntax yet, so wit4j writes a map like the list of
     * pairs the canonical ABI sees: {@code [(k1, v1), (k2, v2)]}.
     */
    private Value map(ValueType.MapType m) {
        ValueType.TupleType pair = new ValueType.TupleType(List.of(m.key(), m.value()));
        List<Value.MapValue.Entry> entries = new ArrayList<>();
        for (Value v : sequence(Kind.LBRACKET, Kind.RBRACKET, pair, pair)) {
            List<Value> kv = ((Value.TupleValue) v).elements();
            entries.add(new Value.MapValue.Entry(kv.get(0), kv.get(1)));
        }
        return new Value.MapValue(entries);
    }

    /** {@code [a, b, ...]} with an optional trailing comma. */
    private List<Value> sequence(Kind open, Kind close, ValueType element, ValueType declared) {
        expectKind(lex.peek(), open, declared);
        lex.next();
        List<Value> out = new ArrayList<>();
        while (lex.peek().kind() != close) {
            out.add(value(element));
            if (!separator(close)) {
                break;
            }
        }
        expectKind(lex.next(), close);
        return out;
    }

    /**
     * After an element: consumes a comma and says whether another element may follow, or sees
     * the closing token (not consumed) and says no.
     */
    private boolean separator(Kind close) {
        Token t = lex.peek();
        if (t.kind() == Kind.COMMA) {
            lex.next();
            Token after = lex.peek();
            if (after.kind() == Kind.COMMA) {
                throw lex.error("unexpected " + found(after), after.start());
            }
            return true;
        }
        if (t.kind() == close) {
            return false;
        }
        throw lex.error("expected `,` or " + close.description + ", found " + found(t), t.start());
    }

    // ---------------------------------------------------------------- errors

    private void expectKind(Token t, Kind kind) {
        if (t.kind() != kind) {
            throw lex.error("expected " + kind.description + ", found " + found(t), t.start());
        }
    }

    private void expectKind(Token t, Kind kind, ValueType declared) {
        if (t.kind() != kind) {
            throw mismatch(declared, t);
        }
    }

    private WaveException mismatch(ValueType declared, Token t) {
        return lex.error("expected " + ValueTypes.describe(declared) + ", found " + found(t), t.start());
    }

    /** How a token reads in "found ..." messages: its text, shortened, or "end of input". */
    static String found(Token t) {
        return switch (t.kind()) {
            case END -> "end of input";
            case NUMBER -> t.value();
            case STRING, CHAR -> shorten(t);
            case LABEL -> "`" + (t.escaped() ? "%" : "") + t.value() + "`";
            default -> "`" + t.value() + "`";
        };
    }

    private static String shorten(Token t) {
        // Re-quoted, so that invisible characters show as escapes.
        String quote = t.kind() == Kind.CHAR ? "'" : "\"";
        String text = Printer.quote(t.value(), quote.charAt(0));
        return text.length() > 40 ? text.substring(0, 36) + "…" + quote : text;
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
