package dev.wit4j.runtime.value;

import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Case;
import dev.wit4j.witx.model.ValueType.EnumCase;
import dev.wit4j.witx.model.ValueType.Field;
import dev.wit4j.witx.model.ValueType.Flag;
import dev.wit4j.witx.print.WitPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Helpers that relate {@link Value}s to witx {@link ValueType}s: type checking, following
 * aliases and spelling a type for messages.
 */
public final class ValueTypes {

    /**
     * The deepest a value may nest (lists in lists, records in records, …) to be checked, parsed
     * or printed: types as deep do not occur in components, and deeper ones would only exhaust the
     * thread's stack.
     */
    public static final int MAX_DEPTH = 100;

    private ValueTypes() {}

    /**
     * Checks that {@code value} has type {@code type}. Records must have exactly the type's fields
     * (an {@code option} field set to {@code none} is still present); handles must name the
     * resource the type refers to, after following aliases.
     *
     * @throws ValueTypeMismatchException naming the path to the first mismatch
     */
    public static void check(Value value, ValueType type) {
        new Checker().check(value, type);
    }

    /** Whether {@code value} has type {@code type} (see {@link #check}). */
    public static boolean matches(Value value, ValueType type) {
        try {
            check(value, type);
            return true;
        } catch (ValueTypeMismatchException e) {
            return false;
        }
    }

    /**
     * Follows named references ({@code type a = b}, {@code use}) to the structural type: the
     * result is never {@link ValueType.Named}. A name that refers to a resource stands for an
     * owned handle to it, as in WIT.
     */
    public static ValueType resolve(ValueType type) {
        while (type instanceof ValueType.Named n) {
            TypeDef def = n.def().resolve();
            if (def.kind() instanceof TypeDefKind.Resource) {
                return new ValueType.HandleType(def, false);
            }
            type = (ValueType) def.kind();
        }
        return type;
    }

    /**
     * A short WIT-like spelling of a type for messages: {@code u32}, {@code list<string>},
     * {@code option<record `point`>}: a named type by its kind and name (an alias of a primitive as
     * the primitive), a record etc. without a name by its kind, nesting past 8 levels as {@code …}.
     */
    public static String describe(ValueType type) {
        return WitPrinter.type(type, MESSAGES);
    }

    /**
     * Messages spell types as WIT does, except: a named definition says its kind (or, for an alias
     * of a primitive, is the primitive), a handle is {@code own<r>} or {@code borrow<r>}, a record
     * without a name is its kind, and nesting deeper than a message needs (and a stack allows) is
     * elided.
     */
    private static final WitPrinter.Spelling MESSAGES = new WitPrinter.Spelling() {
        @Override
        public String named(TypeDef def) {
            ValueType resolved = resolve(new ValueType.Named(def));
            if (resolved instanceof ValueType.Primitive p) {
                return p.witName();
            }
            return kindWord(resolved).map(k -> k + " `" + def.name() + "`").orElse(def.name());
        }

        @Override
        public String handle(TypeDef resource, boolean borrow) {
            return (borrow ? "borrow<" : "own<") + resource.name() + ">";
        }

        @Override
        public String anonymous(ValueType t, Function<ValueType, String> nested) {
            return kindWord(t).orElseThrow();
        }

        @Override
        public int depth() {
            return 8;
        }
    };

    /** The kind word of the types that WIT only allows named. */
    private static Optional<String> kindWord(ValueType type) {
        if (type instanceof ValueType.RecordType) {
            return Optional.of("record");
        } else if (type instanceof ValueType.VariantType) {
            return Optional.of("variant");
        } else if (type instanceof ValueType.EnumType) {
            return Optional.of("enum");
        } else if (type instanceof ValueType.FlagsType) {
            return Optional.of("flags");
        }
        return Optional.empty();
    }

    /** Walks value and type together, keeping the path for messages. */
    private static final class Checker {
        private final List<String> path = new ArrayList<>();

        void check(Value value, ValueType declared) {
            if (path.size() > MAX_DEPTH) {
                throw fail("value nested more than " + MAX_DEPTH + " levels deep");
            }
            ValueType type = resolve(declared);
            if (type instanceof ValueType.Primitive p) {
                if (!primitiveMatches(value, p)) {
                    throw mismatch(declared, value);
                }
            } else if (type instanceof ValueType.ListType t) {
                Value.ListValue v = expect(Value.ListValue.class, value, declared);
                elements(v.elements(), t.element());
            } else if (type instanceof ValueType.FixedListType t) {
                Value.FixedList v = expect(Value.FixedList.class, value, declared);
                if (v.elements().size() != t.length()) {
                    throw fail("expected " + t.length() + " elements, found "
                            + v.elements().size());
                }
                elements(v.elements(), t.element());
            } else if (type instanceof ValueType.RecordType t) {
                record(expect(Value.RecordValue.class, value, declared), t);
            } else if (type instanceof ValueType.TupleType t) {
                Value.TupleValue v = expect(Value.TupleValue.class, value, declared);
                if (v.elements().size() != t.types().size()) {
                    throw fail("expected " + describe(declared) + ", found a tuple of "
                            + v.elements().size() + " elements");
                }
                for (int i = 0; i < t.types().size(); i++) {
                    at("tuple element " + i, v.elements().get(i), t.types().get(i));
                }
            } else if (type instanceof ValueType.VariantType t) {
                variant(expect(Value.VariantValue.class, value, declared), t);
            } else if (type instanceof ValueType.EnumType t) {
                Value.EnumValue v = expect(Value.EnumValue.class, value, declared);
                if (t.cases().stream().map(EnumCase::name).noneMatch(v.caseName()::equals)) {
                    throw fail("unknown enum case `" + v.caseName() + "` for " + describe(declared));
                }
            } else if (type instanceof ValueType.FlagsType t) {
                Value.FlagsValue v = expect(Value.FlagsValue.class, value, declared);
                for (String f : v.flags()) {
                    if (t.flags().stream().map(Flag::name).noneMatch(f::equals)) {
                        throw fail("unknown flag `" + f + "` for " + describe(declared));
                    }
                }
            } else if (type instanceof ValueType.OptionType t) {
                Value.OptionValue v = expect(Value.OptionValue.class, value, declared);
                if (v.value().isPresent()) {
                    at("some", v.value().get(), t.type());
                }
            } else if (type instanceof ValueType.ResultType t) {
                Value.ResultValue v = expect(Value.ResultValue.class, value, declared);
                String side = v.isOk() ? "ok" : "err";
                payload(side, v.payload(), v.isOk() ? t.ok() : t.err());
            } else if (type instanceof ValueType.HandleType t) {
                ResourceHandle h;
                if (t.borrow()) {
                    h = expect(Value.Borrow.class, value, declared).handle();
                } else {
                    h = expect(Value.Own.class, value, declared).handle();
                }
                String resource = t.resource().resolve().name();
                if (!h.resourceType().equals(resource)) {
                    throw fail("expected a handle to resource `" + resource + "`, found one to `" + h.resourceType()
                            + "`");
                }
            } else if (type instanceof ValueType.StreamType) {
                expect(Value.StreamValue.class, value, declared);
            } else if (type instanceof ValueType.FutureType) {
                expect(Value.FutureValue.class, value, declared);
            } else if (type instanceof ValueType.MapType t) {
                List<Value.MapValue.Entry> entries =
                        expect(Value.MapValue.class, value, declared).entries();
                for (int i = 0; i < entries.size(); i++) {
                    at("key of entry " + i, entries.get(i).key(), t.key());
                    at("value of entry " + i, entries.get(i).value(), t.value());
                }
            } else {
                throw new IllegalStateException("unhandled type " + type);
            }
        }

        private void record(Value.RecordValue v, ValueType.RecordType t) {
            for (Field f : t.fields()) {
                Value field = v.fields().get(f.name());
                if (field == null) {
                    throw fail("missing field `" + f.name() + "`");
                }
                at("field `" + f.name() + "`", field, f.type());
            }
            if (v.fields().size() != t.fields().size()) {
                for (String name : v.fields().keySet()) {
                    if (t.fields().stream().map(Field::name).noneMatch(name::equals)) {
                        throw fail("unknown field `" + name + "`");
                    }
                }
            }
        }

        private void variant(Value.VariantValue v, ValueType.VariantType t) {
            for (Case c : t.cases()) {
                if (c.name().equals(v.caseName())) {
                    payload("case `" + c.name() + "`", v.payload(), c.type());
                    return;
                }
            }
            throw fail("unknown variant case `" + v.caseName() + "`");
        }

        private void payload(String where, Optional<Value> payload, Optional<ValueType> type) {
            if (payload.isPresent() && type.isEmpty()) {
                throw fail(where + " has no payload, but one was given");
            }
            if (payload.isEmpty() && type.isPresent()) {
                throw fail(where + " needs a payload of type " + describe(type.get()));
            }
            if (payload.isPresent()) {
                at(where, payload.get(), type.get());
            }
        }

        private void elements(List<Value> elements, ValueType type) {
            for (int i = 0; i < elements.size(); i++) {
                at("element " + i, elements.get(i), type);
            }
        }

        private void at(String segment, Value value, ValueType type) {
            path.add(segment);
            check(value, type);
            path.remove(path.size() - 1);
        }

        private <T extends Value> T expect(Class<T> kind, Value value, ValueType declared) {
            if (!kind.isInstance(value)) {
                throw mismatch(declared, value);
            }
            return kind.cast(value);
        }

        private ValueTypeMismatchException mismatch(ValueType declared, Value value) {
            return fail("expected " + describe(declared) + ", found " + value.kindName());
        }

        private ValueTypeMismatchException fail(String reason) {
            return new ValueTypeMismatchException(String.join(", ", path), reason);
        }

        private static boolean primitiveMatches(Value v, ValueType.Primitive p) {
            return switch (p) {
                case BOOL -> v instanceof Value.Bool;
                case S8 -> v instanceof Value.S8;
                case U8 -> v instanceof Value.U8;
                case S16 -> v instanceof Value.S16;
                case U16 -> v instanceof Value.U16;
                case S32 -> v instanceof Value.S32;
                case U32 -> v instanceof Value.U32;
                case S64 -> v instanceof Value.S64;
                case U64 -> v instanceof Value.U64;
                case F32 -> v instanceof Value.F32;
                case F64 -> v instanceof Value.F64;
                case CHAR -> v instanceof Value.Char;
                case STRING -> v instanceof Value.Str;
                case ERROR_CONTEXT -> v instanceof Value.ErrorContextValue;
            };
        }
    }
}
