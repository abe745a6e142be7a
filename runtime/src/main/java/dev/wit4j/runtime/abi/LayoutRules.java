package dev.wit4j.runtime.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CanonicalABI.md's layout of component value types ("Alignment", "Element Size", "Flattening"),
 * written once for any model of those types: {@link Layout} applies it to WIT's types with 4-byte
 * pointers, the validator to its own with 8-byte pointers (Binary.md bounds {@code elem_size(t,
 * 'i64')} for every defined type, so that a type fits 32- and 64-bit memories alike). A model says
 * what kind of type it has in hand and what the type holds; the rules do the rest.
 *
 * <p>Specialized types are told as their expansions (CanonicalABI.md "Despecialization"): a tuple
 * is a {@link Kind#RECORD record}, an enum, option or result a {@link Kind#VARIANT variant}, a
 * map a {@link Kind#LIST list}. Sizes saturate at {@link Long#MAX_VALUE} instead of overflowing, so
 * that a type too large to be valid is measured, not thrown over. Nothing here throws for a type
 * that is otherwise invalid (no cases, too many flags): that is the validator's to report.
 *
 * <p>Recursion goes through {@link #alignment} and {@link #elemSize}, which a model may override
 * to remember what it worked out per type.
 *
 * @param <T> the model's value type
 */
public abstract class LayoutRules<T> {

    /** What a value type is, as far as its layout goes. */
    public enum Kind {
        BOOL,
        S8,
        U8,
        S16,
        U16,
        S32,
        U32,
        S64,
        U64,
        F32,
        F64,
        CHAR,
        STRING,
        ERROR_CONTEXT,
        /** A list or a map: a pointer and a length. */
        LIST,
        /** A fixed-length list: its elements in place. */
        FIXED_LIST,
        /** A record or a tuple: its {@linkplain #fields fields}. */
        RECORD,
        /** A variant, enum, option or result: its {@linkplain #cases case payloads}. */
        VARIANT,
        FLAGS,
        /** An {@code own} or {@code borrow} handle, a stream or a future: an index, an {@code i32}. */
        HANDLE
    }

    private final int pointerSize;

    /** @param pointerSize 4 for 32-bit memories, 8 for 64-bit ones */
    protected LayoutRules(int pointerSize) {
        this.pointerSize = pointerSize;
    }

    /** What {@code t} is (through aliases and names). */
    protected abstract Kind kind(T t);

    /** The fields of a {@link Kind#RECORD}, in order. */
    protected abstract List<T> fields(T t);

    /** The case payloads of a {@link Kind#VARIANT}, in discriminant order (empty: no payload). */
    protected abstract List<Optional<T>> cases(T t);

    /** The element type of a {@link Kind#FIXED_LIST}. */
    protected abstract T element(T t);

    /** The length of a {@link Kind#FIXED_LIST}. */
    protected abstract long length(T t);

    /** The number of flags of a {@link Kind#FLAGS}. */
    protected abstract int flagCount(T t);

    // ---------------------------------------------------------------- alignment

    /** {@code alignment(t)}: 1, 2, 4 or 8. */
    public int alignment(T t) {
        Kind k = kind(t);
        switch (k) {
            case STRING:
            case LIST:
                return pointerSize;
            case FIXED_LIST:
                return alignment(element(t));
            case FLAGS:
                return flagsSize(flagCount(t));
            case RECORD:
                return alignmentRecord(fields(t));
            case VARIANT: {
                List<Optional<T>> cases = cases(t);
                return Math.max(discriminantSize(cases.size()), maxCaseAlignment(cases));
            }
            default:
                return primitiveSize(k);
        }
    }

    /** The alignment of a record with fields {@code fields}: the largest of theirs, at least 1. */
    private int alignmentRecord(List<T> fields) {
        int a = 1;
        for (T f : fields) {
            a = Math.max(a, alignment(f));
        }
        return a;
    }

    /** {@code max_case_alignment}: the largest alignment of the case payloads, at least 1. */
    public final int maxCaseAlignment(List<Optional<T>> cases) {
        int a = 1;
        for (Optional<T> c : cases) {
            if (c.isPresent()) {
                a = Math.max(a, alignment(c.get()));
            }
        }
        return a;
    }

    // ---------------------------------------------------------------- element size

    /** {@code elem_size(t)}: the bytes a value of the type occupies as a list element. */
    public long elemSize(T t) {
        Kind k = kind(t);
        switch (k) {
            case STRING:
            case LIST:
                return 2L * pointerSize;
            case FIXED_LIST:
                return multiply(length(t), elemSize(element(t)));
            case FLAGS:
                return flagsSize(flagCount(t));
            case RECORD: {
                List<T> fields = fields(t);
                long s = 0;
                for (T f : fields) {
                    s = add(alignTo(s, alignment(f)), elemSize(f));
                }
                return alignTo(s, alignmentRecord(fields));
            }
            case VARIANT: {
                List<Optional<T>> cases = cases(t);
                long payload = 0;
                for (Optional<T> c : cases) {
                    if (c.isPresent()) {
                        payload = Math.max(payload, elemSize(c.get()));
                    }
                }
                long s = add(payloadOffset(cases), payload);
                return alignTo(s, Math.max(discriminantSize(cases.size()), maxCaseAlignment(cases)));
            }
            default:
                return primitiveSize(k);
        }
    }

    /**
     * The offset of a variant's payload from its start: the discriminant's size rounded up to the
     * largest case alignment ({@code store_variant}).
     */
    public final long payloadOffset(List<Optional<T>> cases) {
        return alignTo(discriminantSize(cases.size()), maxCaseAlignment(cases));
    }

    /** The size (and alignment) of a primitive; a string's alignment, its size being two pointers. */
    private int primitiveSize(Kind k) {
        switch (k) {
            case BOOL:
            case S8:
            case U8:
                return 1;
            case S16:
            case U16:
                return 2;
            case S64:
            case U64:
            case F64:
                return 8;
            case STRING:
                return pointerSize;
            default:
                return 4; // s32, u32, f32, char, error-context, handles, streams, futures
        }
    }

    /** {@code discriminant_type}'s size: 1 byte for up to 256 cases, 2 up to 65536, else 4. */
    public static int discriminantSize(int caseCount) {
        return caseCount <= 1 << 8 ? 1 : caseCount <= 1 << 16 ? 2 : 4;
    }

    /** {@code elem_size_flags}: the smallest of 1, 2 or 4 bytes holding one bit per flag. */
    public static int flagsSize(int flagCount) {
        return flagCount <= 8 ? 1 : flagCount <= 16 ? 2 : 4;
    }

    /** {@code align_to}, saturating: rounds {@code offset} up to a multiple of {@code alignment}. */
    public static long alignTo(long offset, long alignment) {
        if (offset > Long.MAX_VALUE - alignment) {
            return Long.MAX_VALUE;
        }
        return (offset + alignment - 1) / alignment * alignment;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long multiply(long a, long b) {
        if (a != 0 && b > Long.MAX_VALUE / a) {
            return Long.MAX_VALUE;
        }
        return a * b;
    }

    // ---------------------------------------------------------------- flattening

    /** {@code flatten_type(t)}: the core values a value of the type is passed as. */
    public final List<FlatType> flatten(T t) {
        List<FlatType> out = new ArrayList<>();
        flattenInto(t, out, Integer.MAX_VALUE);
        return out;
    }

    /**
     * {@link #flatten}, cut short once more than {@code limit} values are out: enough to tell that a
     * type flattens to more than a limit without spelling out a huge fixed-length list.
     */
    public final List<FlatType> flatten(T t, int limit) {
        List<FlatType> out = new ArrayList<>();
        flattenInto(t, out, limit);
        return out;
    }

    private void flattenInto(T t, List<FlatType> out, int limit) {
        switch (kind(t)) {
            case S64:
            case U64:
                out.add(FlatType.I64);
                break;
            case F32:
                out.add(FlatType.F32);
                break;
            case F64:
                out.add(FlatType.F64);
                break;
            case STRING:
            case LIST:
                out.add(FlatType.I32);
                out.add(FlatType.I32);
                break;
            case FIXED_LIST: {
                List<FlatType> one = new ArrayList<>();
                flattenInto(element(t), one, limit);
                for (long i = 0; i < length(t) && out.size() <= limit; i++) {
                    out.addAll(one);
                }
                break;
            }
            case RECORD:
                for (T f : fields(t)) {
                    flattenInto(f, out, limit);
                }
                break;
            case VARIANT:
                out.addAll(flattenVariant(cases(t), limit));
                break;
            default:
                out.add(FlatType.I32); // bool, integers to 32 bits, char, flags, handles, …
        }
    }

    /** {@code flatten_variant}: the discriminant, then the joined flattenings of all payloads. */
    public final List<FlatType> flattenVariant(List<Optional<T>> cases) {
        return flattenVariant(cases, Integer.MAX_VALUE);
    }

    private List<FlatType> flattenVariant(List<Optional<T>> cases, int limit) {
        List<FlatType> flat = new ArrayList<>();
        flat.add(FlatType.I32); // every discriminant type flattens to i32
        for (Optional<T> c : cases) {
            if (c.isPresent()) {
                List<FlatType> payload = new ArrayList<>();
                flattenInto(c.get(), payload, limit);
                for (int i = 0; i < payload.size(); i++) {
                    if (i + 1 < flat.size()) {
                        flat.set(i + 1, FlatType.join(flat.get(i + 1), payload.get(i)));
                    } else {
                        flat.add(payload.get(i));
                    }
                }
            }
        }
        return flat;
    }
}
