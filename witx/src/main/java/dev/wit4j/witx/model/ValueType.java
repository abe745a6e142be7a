package dev.wit4j.witx.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The closed set of component-model value types (WIT.md "Types"), plus references to named
 * definitions. Records, variants, enums and flags only occur as the kind of a {@link TypeDef}
 * (WIT requires them to be named); the other kinds may appear anonymously anywhere.
 */
public sealed interface ValueType extends TypeDefKind {

    /** Scalars, {@code string} and {@code error-context}. */
    enum Primitive implements ValueType {
        BOOL("bool"),
        S8("s8"),
        U8("u8"),
        S16("s16"),
        U16("u16"),
        S32("s32"),
        U32("u32"),
        S64("s64"),
        U64("u64"),
        F32("f32"),
        F64("f64"),
        CHAR("char"),
        STRING("string"),
        ERROR_CONTEXT("error-context");

        private final String witName;

        Primitive(String witName) {
            this.witName = witName;
        }

        /** The WIT spelling, e.g. {@code u32}. */
        public String witName() {
            return witName;
        }

        /** The primitive with the given WIT spelling, if any. */
        public static Optional<Primitive> fromWit(String name) {
            for (Primitive p : values()) {
                if (p.witName.equals(name)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /** A reference to a named definition (an alias, record, resource, ...). */
    record Named(TypeDef def) implements ValueType {
        public Named {
            Objects.requireNonNull(def, "def");
        }
    }

    /** {@code list<T>}. */
    record ListType(ValueType element) implements ValueType {
        public ListType {
            Objects.requireNonNull(element, "element");
        }
    }

    /** {@code list<T, N>} (fixed length, gated feature 🔧). */
    record FixedListType(ValueType element, long length) implements ValueType {
        public FixedListType {
            Objects.requireNonNull(element, "element");
            if (length <= 0) {
                throw new IllegalArgumentException("fixed-length list length must be positive");
            }
        }
    }

    /** {@code record { ... }}: named fields, in declaration order. */
    record RecordType(List<Field> fields) implements ValueType {
        public RecordType {
            fields = List.copyOf(fields);
        }
    }

    /** A record field. */
    record Field(String name, ValueType type, Docs docs) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** {@code tuple<...>}. */
    record TupleType(List<ValueType> types) implements ValueType {
        public TupleType {
            types = List.copyOf(types);
        }
    }

    /** {@code variant { ... }}: cases with an optional payload. */
    record VariantType(List<Case> cases) implements ValueType {
        public VariantType {
            cases = List.copyOf(cases);
        }
    }

    /** A variant case. */
    record Case(String name, Optional<ValueType> type, Docs docs) {
        public Case {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** {@code enum { ... }}. */
    record EnumType(List<EnumCase> cases) implements ValueType {
        public EnumType {
            cases = List.copyOf(cases);
        }
    }

    /** An enum case. */
    record EnumCase(String name, Docs docs) {
        public EnumCase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** {@code flags { ... }}. */
    record FlagsType(List<Flag> flags) implements ValueType {
        public FlagsType {
            flags = List.copyOf(flags);
        }
    }

    /** A flag. */
    record Flag(String name, Docs docs) {
        public Flag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(docs, "docs");
        }
    }

    /** {@code option<T>}. */
    record OptionType(ValueType type) implements ValueType {
        public OptionType {
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@code result}, {@code result<T>}, {@code result<_, E>} or {@code result<T, E>}. */
    record ResultType(Optional<ValueType> ok, Optional<ValueType> err) implements ValueType {
        public ResultType {
            Objects.requireNonNull(ok, "ok");
            Objects.requireNonNull(err, "err");
        }
    }

    /**
     * A handle to a resource: {@code own<r>} (also written plain {@code r}) or {@code borrow<r>}.
     * {@code resource} is the definition named in the source, which may be an alias (e.g. made by
     * {@code use}) of the resource; see {@link TypeDef#resolve()}.
     */
    record HandleType(TypeDef resource, boolean borrow) implements ValueType {
        public HandleType {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** {@code stream<T>} or the payload-less {@code stream}. */
    record StreamType(Optional<ValueType> element) implements ValueType {
        public StreamType {
            Objects.requireNonNull(element, "element");
        }
    }

    /** {@code future<T>} or the payload-less {@code future}. */
    record FutureType(Optional<ValueType> element) implements ValueType {
        public FutureType {
            Objects.requireNonNull(element, "element");
        }
    }

    /** {@code map<K, V>} (gated feature 🗺️); keys are restricted to scalars, char and string. */
    record MapType(ValueType key, ValueType value) implements ValueType {
        public MapType {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
