package dev.wit4j.runtime.abi;

import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Case;
import dev.wit4j.witx.model.ValueType.EnumType;
import dev.wit4j.witx.model.ValueType.FixedListType;
import dev.wit4j.witx.model.ValueType.FlagsType;
import dev.wit4j.witx.model.ValueType.ListType;
import dev.wit4j.witx.model.ValueType.MapType;
import dev.wit4j.witx.model.ValueType.Named;
import dev.wit4j.witx.model.ValueType.OptionType;
import dev.wit4j.witx.model.ValueType.Primitive;
import dev.wit4j.witx.model.ValueType.RecordType;
import dev.wit4j.witx.model.ValueType.ResultType;
import dev.wit4j.witx.model.ValueType.TupleType;
import dev.wit4j.witx.model.ValueType.VariantType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The static layout of component value types in the canonical ABI for 32-bit memories:
 * alignment, element size and flattening (CanonicalABI.md "Despecialization", "Alignment",
 * "Element Size", "Flattening").
 *
 * <p>Every method accepts any {@link ValueType}; {@link Named} references are followed to their
 * definition (through aliases), a name of a resource standing for {@code own} of it. Specialized
 * types are laid out as their expansions: a tuple as a record, an enum, option or result as a
 * variant, a map as a list of key-value tuples.
 */
public final class Layout {

    /** Pointers are 4 bytes: only 32-bit memories are supported. */
    public static final int POINTER_SIZE = 4;
    /** Parameters that flatten to more core values are passed in memory. */
    public static final int MAX_FLAT_PARAMS = 16;
    /** Results that flatten to more core values are returned in memory. */
    public static final int MAX_FLAT_RESULTS = 1;
    /** Largest byte length of a string that may be lifted. */
    public static final long MAX_STRING_BYTE_LENGTH = (1L << 28) - 1;
    /** Largest byte length of a list that may be lifted. */
    public static final long MAX_LIST_BYTE_LENGTH = (1L << 28) - 1;
    /** Largest size that may be passed to a 32-bit {@code realloc}. */
    public static final long REALLOC_I32_MAX = (1L << 32) - 1;

    private Layout() {}

    /**
     * Follows {@link Named} references to a type that is not a name. A named resource stands for an
     * owned handle to it.
     */
    public static ValueType resolve(ValueType t) {
        while (t instanceof Named n) {
            TypeDefKind kind = n.def().kind();
            if (kind instanceof ValueType v) {
                t = v;
            } else {
                return new ValueType.HandleType(n.def(), false);
            }
        }
        return t;
    }

    /**
     * Whether two optional types are the same, as the spec's {@code t != t} compares the types of a
     * {@code task.return} or a stream or future end with those expected: both absent, or equal once
     * resolved.
     */
    public static boolean sameType(Optional<ValueType> a, Optional<ValueType> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return resolve(a.get()).equals(resolve(b.get()));
    }

    /** {@code align_to}: rounds {@code offset} up to a multiple of {@code alignment}. */
    public static long alignTo(long offset, long alignment) {
        return LayoutRules.alignTo(offset, alignment);
    }

    /**
     * The rules for WIT's types with 32-bit pointers; the sizes of records and variant-like types
     * are remembered per type object.
     */
    private static final LayoutRules<ValueType> RULES = new LayoutRules<>(POINTER_SIZE) {
        @Override
        protected Kind kind(ValueType type) {
            ValueType t = resolve(type);
            if (t instanceof Primitive p) {
                return Kind.valueOf(p.name());
            } else if (t instanceof ListType || t instanceof MapType) {
                return Kind.LIST;
            } else if (t instanceof FixedListType) {
                return Kind.FIXED_LIST;
            } else if (isRecordLike(t)) {
                return Kind.RECORD;
            } else if (isVariantLike(t)) {
                return Kind.VARIANT;
            } else if (t instanceof FlagsType) {
                return Kind.FLAGS;
            }
            return Kind.HANDLE; // own, borrow, stream, future
        }

        @Override
        protected List<ValueType> fields(ValueType t) {
            return fieldTypes(resolve(t));
        }

        @Override
        protected List<Optional<ValueType>> cases(ValueType t) {
            return casePayloads(resolve(t));
        }

        @Override
        protected ValueType element(ValueType t) {
            return ((FixedListType) resolve(t)).element();
        }

        @Override
        protected long length(ValueType t) {
            return ((FixedListType) resolve(t)).length();
        }

        @Override
        protected int flagCount(ValueType t) {
            return ((FlagsType) resolve(t)).flags().size();
        }

        @Override
        public int alignment(ValueType type) {
            ValueType t = resolve(type);
            if (isRecordLike(t) || isVariantLike(t)) {
                long[] e = cacheEntry(t);
                if (e[1] < 0) {
                    e[1] = super.alignment(t);
                }
                return (int) e[1];
            }
            return super.alignment(t);
        }

        @Override
        public long elemSize(ValueType type) {
            ValueType t = resolve(type);
            if (isRecordLike(t) || isVariantLike(t)) {
                long[] e = cacheEntry(t);
                if (e[0] < 0) {
                    e[0] = super.elemSize(t);
                }
                return e[0];
            }
            return super.elemSize(t);
        }
    };

    // ---------------------------------------------------------------- alignment

    /** {@code alignment(t)}: 1, 2, 4 or 8. */
    public static int alignment(ValueType type) {
        return RULES.alignment(type);
    }

    /** {@code max_case_alignment}: the largest alignment of the case payloads, at least 1. */
    static int maxCaseAlignment(List<Optional<ValueType>> cases) {
        return RULES.maxCaseAlignment(cases);
    }

    // ---------------------------------------------------------------- element size

    /** {@code elem_size(t)}: the bytes a value of the type occupies as a list element. */
    public static long elemSize(ValueType type) {
        return RULES.elemSize(type);
    }

    /**
     * Element size and alignment of records, tuples and variant-like types, memoised per type
     * object (types are immutable): loading or storing a list of records asks for them per field
     * per element. Per thread, so no locking; cleared when it grows large.
     */
    private static final ThreadLocal<IdentityHashMap<ValueType, long[]>> LAYOUTS =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private static long[] cacheEntry(ValueType resolved) {
        IdentityHashMap<ValueType, long[]> m = LAYOUTS.get();
        long[] e = m.get(resolved);
        if (e == null) {
            if (m.size() >= 4096) {
                m.clear();
            }
            e = new long[] {-1, -1};
            m.put(resolved, e);
        }
        return e;
    }

    /**
     * The offset of the payload of a variant-like type from its start: the discriminant size rounded
     * up to the largest case alignment ({@code store_variant}).
     */
    static long payloadOffset(List<Optional<ValueType>> cases) {
        return RULES.payloadOffset(cases);
    }

    /**
     * {@code discriminant_type}: {@code u8} for up to 256 cases, {@code u16} up to 65536, else
     * {@code u32}.
     */
    public static Primitive discriminantType(int caseCount) {
        if (caseCount <= 0) {
            throw new IllegalArgumentException("a variant needs at least one case");
        }
        if (caseCount <= 1 << 8) {
            return Primitive.U8;
        }
        return caseCount <= 1 << 16 ? Primitive.U16 : Primitive.U32;
    }

    /** The byte size of {@link #discriminantType}. */
    public static int discriminantSize(int caseCount) {
        discriminantType(caseCount); // refuses a variant without cases
        return LayoutRules.discriminantSize(caseCount);
    }

    /**
     * {@code elem_size_flags}: flags are a bit vector in the smallest of 1, 2 or 4 bytes that holds
     * one bit per flag. At most 32 flags are allowed (the spec asserts {@code 0 < n <= 32}), so a
     * flags value is always a single {@code i32} when flattened; the older {@code num_i32_flags}
     * is gone from the spec.
     */
    public static int flagsSize(int flagCount) {
        if (flagCount <= 0 || flagCount > 32) {
            throw new IllegalArgumentException("flags must have 1 to 32 labels, not " + flagCount);
        }
        return LayoutRules.flagsSize(flagCount);
    }

    // ---------------------------------------------------------------- flattening

    /** {@code flatten_type(t)}: the core values a value of the type is passed as. */
    public static List<FlatType> flatten(ValueType type) {
        return RULES.flatten(type);
    }

    /** {@code flatten_types(ts)}: the flattenings of {@code types}, concatenated. */
    public static List<FlatType> flattenTypes(List<ValueType> types) {
        List<FlatType> out = new ArrayList<>();
        for (ValueType t : types) {
            out.addAll(RULES.flatten(t));
        }
        return out;
    }

    /** {@code flatten_variant}: the discriminant, then the joined flattenings of all payloads. */
    static List<FlatType> flattenVariant(List<Optional<ValueType>> cases) {
        return RULES.flattenVariant(cases);
    }

    /**
     * The number of flat values of {@code types} without building the list, saturating at
     * {@link Integer#MAX_VALUE}; cheap even for huge fixed-length lists.
     */
    public static int flatCount(List<ValueType> types) {
        long n = 0;
        for (ValueType t : types) {
            n = Math.min(Integer.MAX_VALUE, n + flatCount(t));
        }
        return (int) n;
    }

    private static long flatCount(ValueType type) {
        ValueType t = resolve(type);
        if (t instanceof Primitive p) {
            return p == Primitive.STRING ? 2 : 1;
        } else if (t instanceof ListType || t instanceof MapType) {
            return 2;
        } else if (t instanceof FixedListType f) {
            long one = flatCount(f.element());
            return one == 0 ? 0 : Math.min(Integer.MAX_VALUE, one * Math.min(f.length(), Integer.MAX_VALUE));
        } else if (isRecordLike(t)) {
            return flatCount(fieldTypes(t));
        } else if (isVariantLike(t)) {
            long max = 0;
            for (Optional<ValueType> c : casePayloads(t)) {
                if (c.isPresent()) {
                    max = Math.max(max, flatCount(c.get()));
                }
            }
            return 1 + max;
        }
        return 1;
    }

    /**
     * {@code flatten_functype} for a synchronous function: parameters beyond
     * {@link #MAX_FLAT_PARAMS} become one pointer; results beyond {@link #MAX_FLAT_RESULTS} become a
     * pointer result ({@code LIFT}) or a pointer parameter ({@code LOWER}).
     */
    public static CoreSignature flattenFunctype(
            List<ValueType> params, Optional<ValueType> result, CoreSignature.Context context) {
        List<ValueType> resultTypes = result.map(List::of).orElse(List.of());
        List<FlatType> flatParams = flatCount(params) > MAX_FLAT_PARAMS ? List.of(FlatType.I32) : flattenTypes(params);
        List<FlatType> flatResults = flatCount(resultTypes) > MAX_FLAT_RESULTS ? null : flattenTypes(resultTypes);
        if (flatResults == null) {
            if (context == CoreSignature.Context.LIFT) {
                flatResults = List.of(FlatType.I32);
            } else {
                flatParams = new ArrayList<>(flatParams);
                flatParams.add(FlatType.I32);
                flatResults = List.of();
            }
        }
        return new CoreSignature(flatParams, flatResults);
    }

    // ---------------------------------------------------------------- despecialization helpers

    /** Records and tuples (laid out as records). */
    static boolean isRecordLike(ValueType resolved) {
        return resolved instanceof RecordType || resolved instanceof TupleType;
    }

    /** Variants and the types that despecialize to variants: enum, option, result. */
    static boolean isVariantLike(ValueType resolved) {
        return resolved instanceof VariantType
                || resolved instanceof EnumType
                || resolved instanceof OptionType
                || resolved instanceof ResultType;
    }

    /** The field types of a record or tuple, in order. */
    static List<ValueType> fieldTypes(ValueType resolved) {
        if (resolved instanceof RecordType r) {
            List<ValueType> out = new ArrayList<>(r.fields().size());
            for (ValueType.Field f : r.fields()) {
                out.add(f.type());
            }
            return out;
        }
        return ((TupleType) resolved).types();
    }

    /**
     * The case payload types of a variant-like type, in discriminant order ({@code despecialize}):
     * option is {@code none | some(T)}, result is {@code ok(T?) | error(E?)}, an enum has no payloads.
     */
    static List<Optional<ValueType>> casePayloads(ValueType resolved) {
        if (resolved instanceof VariantType v) {
            List<Optional<ValueType>> out = new ArrayList<>(v.cases().size());
            for (Case c : v.cases()) {
                out.add(c.type());
            }
            return out;
        } else if (resolved instanceof EnumType e) {
            return Collections.nCopies(e.cases().size(), Optional.empty());
        } else if (resolved instanceof OptionType o) {
            return List.of(Optional.empty(), Optional.of(o.type()));
        }
        ResultType r = (ResultType) resolved;
        return List.of(r.ok(), r.err());
    }

    /** The element type of a map as a list: {@code tuple<K, V>}. */
    static ValueType mapEntryType(MapType m) {
        return new TupleType(List.of(m.key(), m.value()));
    }

    /** The resource definition (aliases resolved) of a handle type. */
    static TypeDef resourceOf(ValueType.HandleType h) {
        return h.resource().resolve();
    }
}
