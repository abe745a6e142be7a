package dev.wit4j.processor.gen;

import com.palantir.javapoet.ClassName;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.runtime.abi.FlatType;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical ABI's layout of the generated types at compile time: the model's shapes as WIT
 * value types, measured by the runtime's {@link Layout} ({@code alignment}, {@code elem_size},
 * {@code flatten_type} and the discriminant sizes of CanonicalABI.md), so that the numbers generated
 * code bakes in are the ones the runtime lays values out by; and the fields and cases of a shape,
 * which the glue walks. At run time the component's own types decide, and a mismatch shows up as a
 * link error ({@code flatFunc}'s core signature) or a type error on instantiation.
 */
final class AbiLayout {

    /** The core value types of {@code flatten_type}. */
    enum Flat {
        I32,
        I64,
        F32,
        F64;

        String spelled() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Flat of(FlatType t) {
            return switch (t) {
                case I32 -> I32;
                case I64 -> I64;
                case F32 -> F32;
                case F64 -> F64;
            };
        }
    }

    static final int MAX_FLAT_PARAMS = Layout.MAX_FLAT_PARAMS;
    static final int MAX_FLAT_RESULTS = Layout.MAX_FLAT_RESULTS;

    private final Map<ClassName, TypeModel> types;

    AbiLayout(Map<ClassName, TypeModel> types) {
        this.types = types;
    }

    static long alignTo(long offset, long alignment) {
        return Layout.alignTo(offset, alignment);
    }

    /** {@code discriminant_type}'s size: 1 byte up to 256 cases, 2 up to 65536, else 4. */
    static int discriminantSize(int cases) {
        return Layout.discriminantSize(cases);
    }

    /** {@code elem_size_flags}: the smallest of 1, 2 or 4 bytes holding one bit per flag. */
    static int flagsSize(int flags) {
        return Layout.flagsSize(flags);
    }

    /**
     * The WIT value type of a shape, as far as layout goes: names and docs play no part, and a
     * handle (an {@code i32} index in its table) is laid out as a {@code u32}.
     */
    ValueType wit(Shape s) {
        if (s instanceof Shape.Primitive p) {
            return ValueType.Primitive.valueOf(p.name());
        } else if (s instanceof Shape.ListOf l) {
            ValueType element = wit(l.element());
            return l.length().isPresent()
                    ? new ValueType.FixedListType(element, l.length().getAsInt())
                    : new ValueType.ListType(element);
        } else if (s instanceof Shape.TupleOf t) {
            return new ValueType.TupleType(t.elements().stream().map(this::wit).toList());
        } else if (s instanceof Shape.OptionOf o) {
            return new ValueType.OptionType(wit(o.value()));
        } else if (s instanceof Shape.ResultOf r) {
            return new ValueType.ResultType(r.ok().map(this::wit), r.err().map(this::wit));
        } else if (s instanceof Shape.MapOf m) {
            return new ValueType.MapType(wit(m.key()), wit(m.value()));
        } else if (s instanceof Shape.Handle) {
            return ValueType.Primitive.U32;
        } else if (s instanceof Shape.Named n) {
            TypeModel t = named(n.type());
            if (t instanceof TypeModel.RecordModel r) {
                return new ValueType.RecordType(r.fields().stream()
                        .map(f -> new ValueType.Field(f.witName(), wit(f.shape()), Docs.NONE))
                        .toList());
            } else if (t instanceof TypeModel.VariantModel v) {
                return new ValueType.VariantType(v.cases().stream()
                        .map(c ->
                                new ValueType.Case(c.witName(), c.payloadShape().map(this::wit), Docs.NONE))
                        .toList());
            } else if (t instanceof TypeModel.EnumModel e) {
                return new ValueType.EnumType(e.cases().stream()
                        .map(c -> new ValueType.EnumCase(c.witName(), Docs.NONE))
                        .toList());
            } else if (t instanceof TypeModel.FlagsModel f) {
                return new ValueType.FlagsType(f.flags().stream()
                        .map(c -> new ValueType.Flag(c.witName(), Docs.NONE))
                        .toList());
            }
        }
        throw new IllegalStateException("no layout for " + s);
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
        return Layout.alignment(wit(s));
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
        return Layout.elemSize(wit(s));
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

    /** {@code flatten_type(t)}. */
    List<Flat> flatten(Shape s) {
        return Layout.flatten(wit(s)).stream().map(Flat::of).toList();
    }

    /** {@code flatten_types(ts)}. */
    List<Flat> flattenAll(List<Shape> shapes) {
        List<Flat> out = new ArrayList<>();
        shapes.forEach(s -> out.addAll(flatten(s)));
        return out;
    }
}
