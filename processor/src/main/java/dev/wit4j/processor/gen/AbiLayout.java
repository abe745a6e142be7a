package dev.wit4j.processor.gen;

import com.palantir.javapoet.ClassName;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical ABI's layout of the generated types, computed at compile time from the model's
 * shapes: {@code alignment}, {@code elem_size}, {@code flatten_type} with {@code join}, and the
 * discriminant sizes of CanonicalABI.md ("Alignment", "Element Size", "Flattening"). Generated
 * code bakes these numbers in; at run time the component's own types decide, and a mismatch
 * shows up as a link error ({@code flatFunc}'s core signature) or a type error on instantiation.
 */
final class AbiLayout {

    /** The core value types of {@code flatten_type}. */
    enum Flat {
        I32,
        I64,
        F32,
        F64;

        /** {@code join}: equal types stay, {@code i32}/{@code f32} become {@code i32}, else {@code i64}. */
        static Flat join(Flat a, Flat b) {
            if (a == b) {
                return a;
            }
            if ((a == I32 && b == F32) || (a == F32 && b == I32)) {
                return I32;
            }
            return I64;
        }

        String spelled() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final int MAX_FLAT_PARAMS = 16;
    static final int MAX_FLAT_RESULTS = 1;

    private final Map<ClassName, TypeModel> types;

    AbiLayout(Map<ClassName, TypeModel> types) {
        this.types = types;
    }

    static long alignTo(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    /** {@code discriminant_type}'s size: 1 byte up to 256 cases, 2 up to 65536, else 4. */
    static int discriminantSize(int cases) {
        return cases <= 1 << 8 ? 1 : cases <= 1 << 16 ? 2 : 4;
    }

    /** {@code elem_size_flags}: the smallest of 1, 2 or 4 bytes holding one bit per flag. */
    static int flagsSize(int flags) {
        return flags <= 8 ? 1 : flags <= 16 ? 2 : 4;
    }

    TypeModel named(ClassName name) {
        TypeModel t = types.get(name);
        if (t == null) {
            throw new IllegalStateException("no named type " + name);
        }
        return t;
    }

    /** The fields of a record or tuple shape, else null. */
    List<Shape> fields(Shape s) {
        if (s instanceof Shape.TupleOf t) {
            return t.elements();
        }
        if (s instanceof Shape.Named n && named(n.type()) instanceof TypeModel.RecordModel r) {
            List<Shape> out = new ArrayList<>();
            r.fields().forEach(f -> out.add(f.shape()));
            return out;
        }
        return null;
    }

    /** The case payloads of a variant, enum, option or result shape, else null. */
    List<Optional<Shape>> cases(Shape s) {
        if (s instanceof Shape.OptionOf o) {
            return List.of(Optional.empty(), Optional.of(o.value()));
        }
        if (s instanceof Shape.ResultOf r) {
            return List.of(r.ok(), r.err());
        }
        if (s instanceof Shape.Named n) {
            TypeModel t = named(n.type());
            if (t instanceof TypeModel.VariantModel v) {
                List<Optional<Shape>> out = new ArrayList<>();
                v.cases().forEach(c -> out.add(c.payloadShape()));
                return out;
            }
            if (t instanceof TypeModel.EnumModel e) {
                return Collections.nCopies(e.cases().size(), Optional.empty());
            }
        }
        return null;
    }

    /** {@code alignment(t)}. */
    int alignment(Shape s) {
        if (s instanceof Shape.Primitive p) {
            return p == Shape.Primitive.STRING ? 4 : primitiveSize(p);
        }
        if (s instanceof Shape.ListOf || s instanceof Shape.Handle) {
            return 4;
        }
        if (s instanceof Shape.Named n && named(n.type()) instanceof TypeModel.FlagsModel f) {
            return flagsSize(f.flags().size());
        }
        List<Shape> fields = fields(s);
        if (fields != null) {
            int a = 1;
            for (Shape f : fields) {
                a = Math.max(a, alignment(f));
            }
            return a;
        }
        List<Optional<Shape>> cases = cases(s);
        if (cases != null) {
            return Math.max(discriminantSize(cases.size()), maxCaseAlignment(cases));
        }
        throw new IllegalStateException("no layout for " + s);
    }

    private int maxCaseAlignment(List<Optional<Shape>> cases) {
        int a = 1;
        for (Optional<Shape> c : cases) {
            if (c.isPresent()) {
                a = Math.max(a, alignment(c.get()));
            }
        }
        return a;
    }

    /** The offset of the payload of a variant-like shape: {@code align_to(disc size, max_case_alignment)}. */
    long payloadOffset(List<Optional<Shape>> cases) {
        return alignTo(discriminantSize(cases.size()), maxCaseAlignment(cases));
    }

    /** The offsets of the fields of a record-like shape. */
    List<Long> fieldOffsets(List<Shape> fields) {
        List<Long> out = new ArrayList<>();
        long s = 0;
        for (Shape f : fields) {
            s = alignTo(s, alignment(f));
            out.add(s);
            s += size(f);
        }
        return out;
    }

    /** {@code elem_size(t)}. */
    long size(Shape s) {
        if (s instanceof Shape.Primitive p) {
            return primitiveSize(p);
        }
        if (s instanceof Shape.ListOf) {
            return 8;
        }
        if (s instanceof Shape.Handle) {
            return 4;
        }
        if (s instanceof Shape.Named n && named(n.type()) instanceof TypeModel.FlagsModel f) {
            return flagsSize(f.flags().size());
        }
        List<Shape> fields = fields(s);
        if (fields != null) {
            long size = 0;
            for (Shape f : fields) {
                size = alignTo(size, alignment(f)) + size(f);
            }
            return alignTo(size, alignment(s));
        }
        List<Optional<Shape>> cases = cases(s);
        if (cases != null) {
            long size = payloadOffset(cases);
            long max = 0;
            for (Optional<Shape> c : cases) {
                if (c.isPresent()) {
                    max = Math.max(max, size(c.get()));
                }
            }
            return alignTo(size + max, alignment(s));
        }
        throw new IllegalStateException("no layout for " + s);
    }

    /** {@code elem_size} and {@code alignment} of a tuple of {@code shapes} (spilled parameters, return areas). */
    long tupleSize(List<Shape> shapes) {
        long size = 0;
        for (Shape f : shapes) {
            size = alignTo(size, alignment(f)) + size(f);
        }
        return alignTo(size, tupleAlignment(shapes));
    }

    int tupleAlignment(List<Shape> shapes) {
        int a = 1;
        for (Shape f : shapes) {
            a = Math.max(a, alignment(f));
        }
        return a;
    }

    static int primitiveSize(Shape.Primitive p) {
        switch (p) {
            case BOOL:
            case S8:
            case U8:
                return 1;
            case S16:
            case U16:
                return 2;
            case S32:
            case U32:
            case F32:
            case CHAR:
                return 4;
            case S64:
            case U64:
            case F64:
            case STRING:
                return 8;
            default:
                throw new IllegalStateException(p.toString());
        }
    }

    /** {@code flatten_type(t)}. */
    List<Flat> flatten(Shape s) {
        List<Flat> out = new ArrayList<>();
        flattenInto(s, out);
        return out;
    }

    /** {@code flatten_types(ts)}. */
    List<Flat> flattenAll(List<Shape> shapes) {
        List<Flat> out = new ArrayList<>();
        shapes.forEach(s -> flattenInto(s, out));
        return out;
    }

    private void flattenInto(Shape s, List<Flat> out) {
        if (s instanceof Shape.Primitive p) {
            switch (p) {
                case S64:
                case U64:
                    out.add(Flat.I64);
                    return;
                case F32:
                    out.add(Flat.F32);
                    return;
                case F64:
                    out.add(Flat.F64);
                    return;
                case STRING:
                    out.add(Flat.I32);
                    out.add(Flat.I32);
                    return;
                default:
                    out.add(Flat.I32);
                    return;
            }
        }
        if (s instanceof Shape.ListOf) {
            out.add(Flat.I32);
            out.add(Flat.I32);
            return;
        }
        if (s instanceof Shape.Handle
                || (s instanceof Shape.Named n && named(n.type()) instanceof TypeModel.FlagsModel)) {
            out.add(Flat.I32);
            return;
        }
        List<Shape> fields = fields(s);
        if (fields != null) {
            fields.forEach(f -> flattenInto(f, out));
            return;
        }
        List<Optional<Shape>> cases = cases(s);
        if (cases != null) {
            // flatten_variant: the discriminant, then the joined flattenings of all payloads
            List<Flat> joined = new ArrayList<>();
            for (Optional<Shape> c : cases) {
                if (c.isPresent()) {
                    List<Flat> payload = flatten(c.get());
                    for (int i = 0; i < payload.size(); i++) {
                        if (i < joined.size()) {
                            joined.set(i, Flat.join(joined.get(i), payload.get(i)));
                        } else {
                            joined.add(payload.get(i));
                        }
                    }
                }
            }
            out.add(Flat.I32);
            out.addAll(joined);
            return;
        }
        throw new IllegalStateException("no flattening for " + s);
    }
}
