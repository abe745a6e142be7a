package dev.wit4j.processor;

import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.print.WitPrinter;
import java.util.Optional;

/** Small queries over WIT value types: spelling, aliases, primitives. */
final class WitTypes {
    private WitTypes() {}

    /**
     * WIT spelling of a type, as in the source (named types by their name, the kinds WIT only
     * allows named by their keyword when spelled on their own).
     */
    static String spell(ValueType t) {
        if (t instanceof ValueType.RecordType) {
            return "record";
        } else if (t instanceof ValueType.VariantType) {
            return "variant";
        } else if (t instanceof ValueType.EnumType) {
            return "enum";
        } else if (t instanceof ValueType.FlagsType) {
            return "flags";
        }
        return WitPrinter.type(t, TypeDef::name);
    }

    /**
     * Whether a definition is only an alias ({@code type a = ...;} or a name brought in by
     * {@code use}); Java has no type aliases, so these are inlined.
     */
    static boolean isAlias(TypeDef def) {
        TypeDefKind k = def.kind();
        return k instanceof ValueType
                && !(k instanceof ValueType.RecordType
                        || k instanceof ValueType.VariantType
                        || k instanceof ValueType.EnumType
                        || k instanceof ValueType.FlagsType);
    }

    /** The primitive a type is (through aliases), if any. */
    static Optional<ValueType.Primitive> primitive(ValueType t) {
        if (t instanceof ValueType.Primitive p) {
            return Optional.of(p);
        }
        if (t instanceof ValueType.Named n && n.def().resolve().kind() instanceof ValueType.Primitive p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Whether the Java mapping of {@code t} hides that it holds unsigned integers or code points. */
    static boolean hidesUnsigned(ValueType t) {
        if (t instanceof ValueType.Primitive p) {
            switch (p) {
                case U8:
                case U16:
                case U32:
                case U64:
                case CHAR:
                    return true;
                default:
                    return false;
            }
        } else if (t instanceof ValueType.Named n) {
            TypeDef d = n.def().resolve();
            return isAlias(d) && d.kind() instanceof ValueType v && hidesUnsigned(v);
        } else if (t instanceof ValueType.ListType l) {
            return hidesUnsigned(l.element());
        } else if (t instanceof ValueType.FixedListType l) {
            return hidesUnsigned(l.element());
        } else if (t instanceof ValueType.TupleType tt) {
            return tt.types().stream().anyMatch(WitTypes::hidesUnsigned);
        } else if (t instanceof ValueType.OptionType o) {
            return hidesUnsigned(o.type());
        } else if (t instanceof ValueType.ResultType r) {
            return r.ok().map(WitTypes::hidesUnsigned).orElse(false)
                    || r.err().map(WitTypes::hidesUnsigned).orElse(false);
        }
        return false;
    }

    /** A Javadoc note on how to read a value of WIT type {@code t}, or empty when none is needed. */
    static String unsignedNote(ValueType t) {
        if (!hidesUnsigned(t)) {
            return "";
        }
        Optional<ValueType.Primitive> p = primitive(t);
        String spelled = "WIT {@code " + spell(t) + "}";
        if (p.isPresent()) {
            switch (p.get()) {
                case U8:
                    return spelled + ": unsigned, read with {@link Byte#toUnsignedInt(byte)}";
                case U16:
                    return spelled + ": unsigned, read with {@link Short#toUnsignedInt(short)}";
                case U32:
                    return spelled + ": unsigned, read with {@link Integer#toUnsignedLong(int)}";
                case U64:
                    return spelled
                            + ": unsigned, read with {@link Long#toUnsignedString(long)} or {@link Long#compareUnsigned(long, long)}";
                case CHAR:
                    return spelled + ": a Unicode scalar value, as a code point";
                default:
                    break;
            }
        }
        return spelled;
    }

    /** Whether an item is marked deprecated ({@code @deprecated}). */
    static boolean isDeprecated(Stability st) {
        if (st instanceof Stability.Stable s) {
            return s.deprecated().isPresent();
        } else if (st instanceof Stability.Unstable u) {
            return u.deprecated().isPresent();
        }
        return false;
    }
}
