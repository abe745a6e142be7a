package dev.wit4j.runtime.wave;

import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.value.ValueTypes;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * Writes values as one-line WAVE text in wasm-wave's canonical form: {@code ", "} between
 * elements, {@code ": "} after field names, {@code some(...)}/{@code ok(...)} spelled out, record
 * fields that are {@code none} left out, keyword-like case names prefixed with {@code %}.
 *
 * <p>The type, when known, only decides order: record fields and flags in declaration order.
 * Without it they print in the order the value holds them.
 */
final class Printer {

    private final StringBuilder out = new StringBuilder();

    static String print(Value value, ValueType type) {
        Printer p = new Printer();
        p.write(value, type);
        return p.out.toString();
    }

    private int depth;

    /** Writes {@code value}; {@code declared} is its type or {@code null} when unknown. */
    private void write(Value value, ValueType declared) {
        if (depth >= ValueTypes.MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "a value nested more than " + ValueTypes.MAX_DEPTH + " levels deep cannot be printed in WAVE");
        }
        depth++;
        try {
            writeNested(value, declared);
        } finally {
            depth--;
        }
    }

    private void writeNested(Value value, ValueType declared) {
        ValueType type = declared == null ? null : ValueTypes.resolve(declared);
        if (value instanceof Value.Bool v) {
            out.append(v.value());
        } else if (value instanceof Value.S8 v) {
            out.append(v.value());
        } else if (value instanceof Value.U8 v) {
            out.append(v.unsignedValue());
        } else if (value instanceof Value.S16 v) {
            out.append(v.value());
        } else if (value instanceof Value.U16 v) {
            out.append(v.unsignedValue());
        } else if (value instanceof Value.S32 v) {
            out.append(v.value());
        } else if (value instanceof Value.U32 v) {
            out.append(v.unsignedValue());
        } else if (value instanceof Value.S64 v) {
            out.append(v.value());
        } else if (value instanceof Value.U64 v) {
            out.append(v.toUnsignedString());
        } else if (value instanceof Value.F32 v) {
            out.append(FloatFormat.f32(v.value()));
        } else if (value instanceof Value.F64 v) {
            out.append(FloatFormat.f64(v.value()));
        } else if (value instanceof Value.Char v) {
            out.append(quote(Character.toString(v.codePoint()), '\''));
        } else if (value instanceof Value.Str v) {
            out.append(quote(v.value(), '"'));
        } else if (value instanceof Value.ListValue v) {
            elements("[", v.elements(), type instanceof ValueType.ListType l ? l.element() : null, "]");
        } else if (value instanceof Value.FixedList v) {
            elements("[", v.elements(), type instanceof ValueType.FixedListType l ? l.element() : null, "]");
        } else if (value instanceof Value.TupleValue v) {
            tuple(v.elements(), type instanceof ValueType.TupleType t ? t.types() : null);
        } else if (value instanceof Value.RecordValue v) {
            record(v, type instanceof ValueType.RecordType r ? r : null);
        } else if (value instanceof Value.VariantValue v) {
            out.append(Labels.escape(v.caseName()));
            ValueType payload = null;
            if (type instanceof ValueType.VariantType t) {
                payload = t.cases().stream()
                        .filter(c -> c.name().equals(v.caseName()))
                        .findFirst()
                        .flatMap(ValueType.Case::type)
                        .orElse(null);
            }
            payload(v.payload(), payload);
        } else if (value instanceof Value.EnumValue v) {
            out.append(Labels.escape(v.caseName()));
        } else if (value instanceof Value.OptionValue v) {
            if (v.value().isPresent()) {
                out.append("some");
                payload(v.value(), type instanceof ValueType.OptionType o ? o.type() : null);
            } else {
                out.append("none");
            }
        } else if (value instanceof Value.ResultValue v) {
            out.append(v.isOk() ? "ok" : "err");
            Optional<ValueType> side = Optional.empty();
            if (type instanceof ValueType.ResultType r) {
                side = v.isOk() ? r.ok() : r.err();
            }
            payload(v.payload(), side.orElse(null));
        } else if (value instanceof Value.FlagsValue v) {
            flags(v, type instanceof ValueType.FlagsType f ? f : null);
        } else if (value instanceof Value.MapValue v) {
            map(v, type instanceof ValueType.MapType m ? m : null);
        } else if (value instanceof Value.Own v) {
            handle("own<" + v.handle().resourceType() + ">", v.handle());
        } else if (value instanceof Value.Borrow v) {
            handle("borrow<" + v.handle().resourceType() + ">", v.handle());
        } else if (value instanceof Value.StreamValue v) {
            handle(v.handle().resourceType(), v.handle());
        } else if (value instanceof Value.FutureValue v) {
            handle(v.handle().resourceType(), v.handle());
        } else if (value instanceof Value.ErrorContextValue v) {
            handle(v.handle().resourceType(), v.handle());
        } else {
            throw new IllegalStateException("unhandled value " + value);
        }
    }

    private void elements(String open, List<Value> elements, ValueType element, String close) {
        out.append(open);
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(elements.get(i), element);
        }
        out.append(close);
    }

    private void tuple(List<Value> elements, List<ValueType> types) {
        out.append('(');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(elements.get(i), types == null ? null : types.get(i));
        }
        out.append(')');
    }

    private void record(Value.RecordValue v, ValueType.RecordType type) {
        out.append('{');
        boolean first = true;
        if (type != null) {
            for (ValueType.Field f : type.fields()) {
                first = field(f.name(), v.fields().get(f.name()), f.type(), first);
            }
        } else {
            for (var e : v.fields().entrySet()) {
                first = field(e.getKey(), e.getValue(), null, first);
            }
        }
        if (first) {
            out.append(':'); // `{:}` tells an all-`none` record from empty flags `{}`
        }
        out.append('}');
    }

    /** Writes one field unless it is an omittable {@code none}; returns whether nothing was written yet. */
    private boolean field(String name, Value value, ValueType type, boolean first) {
        if (value instanceof Value.OptionValue o && o.value().isEmpty()) {
            return first;
        }
        if (!first) {
            out.append(", ");
        }
        out.append(name).append(": ");
        write(value, type);
        return false;
    }

    private void payload(Optional<Value> payload, ValueType type) {
        if (payload.isPresent()) {
            out.append('(');
            write(payload.get(), type);
            out.append(')');
        }
    }

    private void flags(Value.FlagsValue v, ValueType.FlagsType type) {
        List<String> names = type == null
                ? List.copyOf(v.flags())
                : type.flags().stream()
                        .map(ValueType.Flag::name)
                        .filter(v::isSet)
                        .toList();
        out.append('{').append(String.join(", ", names)).append('}');
    }

    /** wit4j's map form (wasm-wave has none yet): the list of pairs, {@code [(k, v), ...]}. */
    private void map(Value.MapValue v, ValueType.MapType type) {
        out.append('[');
        for (int i = 0; i < v.entries().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            Value.MapValue.Entry e = v.entries().get(i);
            out.append('(');
            write(e.key(), type == null ? null : type.key());
            out.append(", ");
            write(e.value(), type == null ? null : type.value());
            out.append(')');
        }
        out.append(']');
    }

    /** WAVE has no handle syntax; this readable form does not parse back. */
    private void handle(String type, ResourceHandle h) {
        out.append(type).append('#').append(h.rep());
    }

    /**
     * Quotes a string or char as wasm-wave does: {@code \\ \" \' \t \n \r} escaped, control and
     * other invisible characters (and combining marks, which would attach to the quote) as
     * <code>&#92;u{hex}</code>, everything else literal.
     */
    static String quote(String s, char quote) {
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\'' -> b.append("\\'");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> {
                    if (needsUnicodeEscape(cp)) {
                        b.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append(quote).toString();
    }

    /**
     * An approximation of Rust's {@code char::escape_debug}: non-printable characters (control,
     * format, unassigned, private-use, separators other than the space) and grapheme extenders
     * (approximated by the non-spacing and enclosing marks).
     */
    private static boolean needsUnicodeEscape(int cp) {
        if (cp == ' ') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK -> true;
            default -> false;
        };
    }
}
