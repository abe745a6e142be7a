package dev.wit4j.runtime.validate;

import java.util.Arrays;
import java.util.List;

/**
 * Canonical ABI size and alignment of value types (CanonicalABI.md, "Alignment", "Element Size"),
 * computed with {@code ptr_type = 'i64'}: Binary.md requires {@code elem_size(t, 'i64') < 2^28}
 * for every {@code defvaltype}, so that the limit holds for 32- and 64-bit memories alike.
 */
final class AbiSizes {

    /** Types whose {@code elem_size} reaches this many bytes are invalid (Binary.md). */
    static final long MAX_SIZE = 1L << 28;

    /** {@code ptr_size('i64')}. */
    private static final long PTR_SIZE = 8;

    private AbiSizes() {}

    static long elemSize(ValType type) {
        if (type instanceof PrimitiveType p) return primitiveSize(p);
        return ((DefinedType) type).elemSize();
    }

    /** Computes (uncached) the size of a defined type; saturates instead of overflowing. */
    static long elemSize(DefinedType type) {
        Shape shape = type.shape();
        if (shape instanceof Shape.Primitive p) return primitiveSize(p.type());
        if (shape instanceof Shape.Record r)
            return structSize(r.fields().stream().map(Shape.Field::type).toList());
        if (shape instanceof Shape.Tuple t) return structSize(t.types());
        if (shape instanceof Shape.Variant v)
            return variantSize(v.cases().stream().map(Shape.Case::type).toList());
        if (shape instanceof Shape.Option o) return variantSize(Arrays.asList(null, o.type()));
        if (shape instanceof Shape.Result r) return variantSize(Arrays.asList(r.ok(), r.err()));
        if (shape instanceof Shape.Enum e) return discriminantSize(e.names().size());
        if (shape instanceof Shape.Flags f) return flagsSize(f.names().size());
        if (shape instanceof Shape.ListOf l)
            return l.length() < 0 ? 2 * PTR_SIZE : mul(elemSize(l.element()), l.length());
        if (shape instanceof Shape.MapOf) return 2 * PTR_SIZE; // despecializes to a list
        return 4; // handles, streams, futures
    }

    static long align(ValType type) {
        if (type instanceof PrimitiveType p) return p == PrimitiveType.STRING ? PTR_SIZE : primitiveSize(p);
        Shape shape = ((DefinedType) type).shape();
        if (shape instanceof Shape.Primitive p) return align(p.type());
        if (shape instanceof Shape.Record r)
            return maxAlign(r.fields().stream().map(Shape.Field::type).toList());
        if (shape instanceof Shape.Tuple t) return maxAlign(t.types());
        if (shape instanceof Shape.Variant v)
            return Math.max(
                    discriminantSize(v.cases().size()),
                    maxAlign(v.cases().stream().map(Shape.Case::type).toList()));
        if (shape instanceof Shape.Option o) return maxAlign(Arrays.asList(null, o.type()));
        if (shape instanceof Shape.Result r) return maxAlign(Arrays.asList(r.ok(), r.err()));
        if (shape instanceof Shape.Enum e) return discriminantSize(e.names().size());
        if (shape instanceof Shape.Flags f) return flagsSize(f.names().size());
        if (shape instanceof Shape.ListOf l) return l.length() < 0 ? PTR_SIZE : align(l.element());
        if (shape instanceof Shape.MapOf) return PTR_SIZE;
        return 4;
    }

    private static long primitiveSize(PrimitiveType p) {
        switch (p) {
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
                return 2 * PTR_SIZE;
            default:
                return 4;
        }
    }

    private static long flagsSize(int n) {
        return n <= 8 ? 1 : n <= 16 ? 2 : 4;
    }

    private static long maxAlign(List<ValType> types) {
        long a = 1;
        for (ValType t : types) if (t != null) a = Math.max(a, align(t));
        return a;
    }

    private static long structSize(List<ValType> types) {
        long s = 0;
        for (ValType t : types) {
            s = alignTo(s, align(t));
            s = add(s, elemSize(t));
        }
        return alignTo(s, maxAlign(types));
    }

    private static long variantSize(List<ValType> cases) {
        long disc = discriminantSize(cases.size());
        long caseAlign = maxAlign(cases);
        long caseSize = 0;
        for (ValType t : cases) if (t != null) caseSize = Math.max(caseSize, elemSize(t));
        long s = add(alignTo(disc, caseAlign), caseSize);
        return alignTo(s, Math.max(caseAlign, disc));
    }

    private static long discriminantSize(int n) {
        return n <= 256 ? 1 : n <= 65536 ? 2 : 4;
    }

    private static long alignTo(long v, long a) {
        if (v >= Long.MAX_VALUE / 2) return Long.MAX_VALUE;
        return (v + a - 1) / a * a;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long mul(long a, long b) {
        if (a != 0 && b > Long.MAX_VALUE / a) return Long.MAX_VALUE;
        return a * b;
    }
}
