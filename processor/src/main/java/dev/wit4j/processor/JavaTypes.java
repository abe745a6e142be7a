package dev.wit4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.HolderState.Dir;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Java type of each WIT type (processor/README.md's mapping) and its {@link Shape}, the form the
 * conversion glue works from; a type it cannot map is reported ({@link Message#NOT_SUPPORTED}) where
 * it is used.
 */
final class JavaTypes {
    static final ClassName RESULT = ClassName.get(Result.class);
    static final ClassName VOID = ClassName.get("java.lang", "Void");
    private static final ClassName LIST = ClassName.get("java.util", "List");
    private static final ClassName SET = ClassName.get("java.util", "Set");
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName MAP = ClassName.get("java.util", "Map");
    static final int MAX_TUPLE = 16;

    /** Finds the holder of a type's Java class, seen from a direction. */
    interface Holders {
        /** The holder of the Java type of {@code def} seen from {@code dir}, or null if none. */
        HolderState holderFor(TypeDef def, Dir dir);
    }

    private final Diagnostics diagnostics;
    private final Holders holders;

    JavaTypes(Diagnostics diagnostics, Holders holders) {
        this.diagnostics = diagnostics;
        this.holders = holders;
    }

    /**
     * What a type is used in, for messages: the text names it ({@code result of function `f` of
     * imported interface `x`}), the position is that of the function or type declaring it.
     */
    record Where(String text, SourcePos pos) {
        Where of(String prefix) {
            return new Where(prefix + text, pos);
        }
    }

    /** Maps a type; {@code where} is null when only the Java type is wanted (nothing is reported then). */
    TypeName map(ValueType t, Dir dir, HolderState s, Where where) {
        if (t instanceof ValueType.Primitive p) {
            return Shape.Primitive.of(p).java();
        } else if (t instanceof ValueType.Named n) {
            TypeDef def = n.def().resolve();
            if (WitTypes.isAlias(def)) {
                return map((ValueType) def.kind(), dir, s, where);
            }
            return named(def, dir, s, where);
        } else if (t instanceof ValueType.HandleType h) {
            return named(h.resource().resolve(), dir, s, where);
        } else if (t instanceof ValueType.ListType l) {
            return list(l.element(), dir, s, where);
        } else if (t instanceof ValueType.FixedListType l) {
            return list(l.element(), dir, s, where);
        } else if (t instanceof ValueType.TupleType tt) {
            int n = tt.types().size();
            if (n == 0 || n > MAX_TUPLE) {
                return unsupported("tuple with " + n + " elements (1 to " + MAX_TUPLE + " are supported)", where);
            }
            TypeName[] args = new TypeName[n];
            for (int i = 0; i < n; i++) {
                args[i] = map(tt.types().get(i), dir, s, where).box();
            }
            return ParameterizedTypeName.get(ClassName.get(Result.class.getPackageName(), "Tuple" + n), args);
        } else if (t instanceof ValueType.OptionType o) {
            return ParameterizedTypeName.get(
                    OPTIONAL, map(o.type(), dir, s, where).box());
        } else if (t instanceof ValueType.ResultType r) {
            TypeName ok = r.ok().map(v -> map(v, dir, s, where).box()).orElse(VOID);
            TypeName err = r.err().map(v -> map(v, dir, s, where).box()).orElse(VOID);
            return ParameterizedTypeName.get(RESULT, ok, err);
        } else if (t instanceof ValueType.MapType m) {
            return ParameterizedTypeName.get(
                    MAP,
                    map(m.key(), dir, s, where).box(),
                    map(m.value(), dir, s, where).box());
        } else if (t instanceof ValueType.StreamType || t instanceof ValueType.FutureType) {
            return unsupported(WitTypes.spell(t), where);
        }
        return unsupported("anonymous " + WitTypes.spell(t), where);
    }

    // ---------------------------------------------------------------------------------------
    // Shapes (what the conversion glue needs); called after map(), so nothing is reported here

    Shape shape(ValueType t, Dir dir, HolderState s) {
        if (t instanceof ValueType.Primitive p) {
            return Shape.Primitive.of(p);
        } else if (t instanceof ValueType.Named n) {
            TypeDef def = n.def().resolve();
            if (WitTypes.isAlias(def)) {
                return shape((ValueType) def.kind(), dir, s);
            }
            HolderState h = holders.holderFor(def, dir);
            if (h == null || !h.typeNames.containsKey(def)) {
                return new Shape.Unsupported(def.name());
            }
            HolderState.uses(s, h);
            if (def.kind() instanceof TypeDefKind.Resource) {
                return handle(h, def, false);
            }
            return new Shape.Named(h.typeNames.get(def), map(t, dir, s, null));
        } else if (t instanceof ValueType.HandleType ht) {
            TypeDef def = ht.resource().resolve();
            HolderState h = holders.holderFor(def, dir);
            if (h == null || !h.typeNames.containsKey(def)) {
                return new Shape.Unsupported(def.name());
            }
            HolderState.uses(s, h);
            return handle(h, def, ht.borrow());
        } else if (t instanceof ValueType.ListType l) {
            return listShape(l.element(), OptionalInt.empty(), t, dir, s);
        } else if (t instanceof ValueType.FixedListType l) {
            return listShape(l.element(), OptionalInt.of((int) l.length()), t, dir, s);
        } else if (t instanceof ValueType.TupleType tt) {
            List<Shape> es = new ArrayList<>();
            for (ValueType e : tt.types()) {
                es.add(shape(e, dir, s));
            }
            return new Shape.TupleOf(es, map(t, dir, s, null));
        } else if (t instanceof ValueType.OptionType o) {
            return new Shape.OptionOf(shape(o.type(), dir, s), map(t, dir, s, null));
        } else if (t instanceof ValueType.ResultType r) {
            return new Shape.ResultOf(
                    r.ok().map(v -> shape(v, dir, s)), r.err().map(v -> shape(v, dir, s)), map(t, dir, s, null));
        } else if (t instanceof ValueType.MapType m) {
            return new Shape.MapOf(shape(m.key(), dir, s), shape(m.value(), dir, s), map(t, dir, s, null));
        }
        return new Shape.Unsupported(WitTypes.spell(t));
    }

    private static Shape handle(HolderState h, TypeDef def, boolean borrow) {
        ClassName handleClass = h.handleClasses.get(def);
        ClassName type = h.typeNames.get(def);
        return handleClass == null
                ? new Shape.Handle(type, borrow, h.kind.exported())
                : new Shape.Handle(handleClass, borrow, true, type);
    }

    /**
     * Java-first: the shape of a value whose Java type is the user's {@code java} rather than the one
     * the WIT-first mapping picks. The two differ only where a WIT list of numbers is a {@code List}
     * of boxes in the user's code (the WIT-first mapping makes it a primitive array); everywhere else
     * the shape is kept and only its Java spelling becomes the user's.
     */
    static Shape adapt(Shape s, TypeName java) {
        if (s instanceof Shape.ListOf l) {
            if (java instanceof ArrayTypeName) {
                return l;
            }
            return new Shape.ListOf(adapt(l.element(), argument(java, 0)), false, l.length(), java);
        } else if (s instanceof Shape.OptionOf o) {
            return new Shape.OptionOf(adapt(o.value(), argument(java, 0)), java);
        } else if (s instanceof Shape.ResultOf r) {
            return new Shape.ResultOf(
                    r.ok().map(v -> adapt(v, argument(java, 0))), r.err().map(v -> adapt(v, argument(java, 1))), java);
        } else if (s instanceof Shape.TupleOf t) {
            List<Shape> es = new ArrayList<>();
            for (int i = 0; i < t.elements().size(); i++) {
                es.add(adapt(t.elements().get(i), argument(java, i)));
            }
            return new Shape.TupleOf(es, java);
        } else if (s instanceof Shape.MapOf m) {
            return new Shape.MapOf(adapt(m.key(), argument(java, 0)), adapt(m.value(), argument(java, 1)), java);
        } else if (s instanceof Shape.Named n) {
            return new Shape.Named(n.type(), java);
        }
        return s;
    }

    private static TypeName argument(TypeName t, int i) {
        if (t instanceof ParameterizedTypeName p && i < p.typeArguments().size()) {
            return p.typeArguments().get(i);
        }
        throw new IllegalStateException("Java type " + t + " does not match its WIT shape");
    }

    private Shape listShape(ValueType element, OptionalInt length, ValueType t, Dir dir, HolderState s) {
        TypeName java = map(t, dir, s, null);
        Shape e = shape(element, dir, s);
        return new Shape.ListOf(e, java instanceof ArrayTypeName, length, java);
    }

    private TypeName list(ValueType element, Dir dir, HolderState s, Where where) {
        Optional<ValueType.Primitive> p = WitTypes.primitive(element);
        if (p.isPresent()) {
            switch (p.get()) {
                case S8:
                case U8:
                case S16:
                case U16:
                case S32:
                case U32:
                case S64:
                case U64:
                case F32:
                case F64:
                    return ArrayTypeName.of(map(p.get(), dir, s, where));
                default:
                    break;
            }
        }
        return ParameterizedTypeName.get(LIST, map(element, dir, s, where).box());
    }

    private TypeName named(TypeDef def, Dir dir, HolderState s, Where where) {
        HolderState h = holders.holderFor(def, dir);
        if (h == null) {
            if (where != null) {
                diagnostics.report(
                        Message.INTERNAL_ERROR, "no Java type for WIT type `" + def + "` used in " + where.text());
            }
            return ClassName.OBJECT;
        }
        ClassName cn = h.typeNames.get(def);
        HolderState.uses(s, h);
        if (h != s && (WitTypes.isDeprecated(def.stability()) || WitTypes.isDeprecated(h.stability))) {
            s.suppressDeprecation = true;
        }
        if (def.kind() instanceof ValueType.FlagsType) {
            return ParameterizedTypeName.get(SET, cn);
        }
        return cn;
    }

    TypeName unsupported(String what, Where where) {
        if (where != null) {
            // WIT read from a component alone has no source position.
            String at = where.pos().isKnown() ? where.pos() + ": " : "";
            diagnostics.report(Message.NOT_SUPPORTED, at, what, where.text());
        }
        return ClassName.OBJECT;
    }
}
