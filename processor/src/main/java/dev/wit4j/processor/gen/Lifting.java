package dev.wit4j.processor.gen;

import static dev.wit4j.processor.gen.DirectGlue.CONTEXT;
import static dev.wit4j.processor.gen.DirectGlue.RESULT;
import static dev.wit4j.processor.gen.DirectGlue.arrayKind;
import static dev.wit4j.processor.gen.DirectGlue.plus;
import static dev.wit4j.processor.gen.DirectGlue.typeArgument;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The lifting half of {@link DirectGlue}: {@code lift_flat} ({@link #liftFlat}, an expression over
 * the core values) and {@code load} ({@link #load}, an expression reading memory), and the bodies
 * of the {@code load} and {@code fromBits} helpers of named types.
 */
final class Lifting extends GlueWriter {

    Lifting(DirectGlue glue, Map<ClassName, TypeModel> types, AbiLayout layout, DirectGlue.Handles handles) {
        super(glue, types, layout, handles);
    }

    // ---------------------------------------------------------------------------------------
    // lift_flat

    /** An expression lifting {@code s} from the flat values {@code arr[pos…]} with context {@code c}. */
    CodeBlock liftFlat(Shape s, String c, String arr, int pos) {
        CodeBlock v = CodeBlock.of("$N[$L]", arr, pos);
        if (s instanceof Shape.Primitive p) {
            switch (p) {
                case BOOL:
                    return CodeBlock.of("$L != 0", v); // lift_flat of bool: i32 != 0 (high bits of the slot ignored)
                case S8:
                case U8:
                    return CodeBlock.of("(byte) $L", v);
                case S16:
                case U16:
                    return CodeBlock.of("(short) $L", v);
                case S32:
                case U32:
                    return CodeBlock.of("(int) $L", v);
                case S64:
                case U64:
                    return v;
                case F32:
                    return CodeBlock.of("$T.liftF32($L)", CONTEXT, v);
                case F64:
                    return CodeBlock.of("$T.liftF64($L)", CONTEXT, v);
                case CHAR:
                    return CodeBlock.of("$T.liftChar($L)", CONTEXT, v);
                case ERROR_CONTEXT:
                    return CodeBlock.of("$N.liftErrorContext($L)", c, v);
                default:
                    return CodeBlock.of("$N.liftString($L, $N[$L])", c, v, arr, pos + 1);
            }
        } else if (s instanceof Shape.ListOf l && l.length().isPresent()) {
            // lift_flat of a fixed-length list: its elements' flat values one after another
            int k = layout.flatten(l.element()).size();
            List<CodeBlock> elements = new ArrayList<>();
            for (int i = 0; i < l.length().getAsInt(); i++) elements.add(liftFlat(l.element(), c, arr, pos + i * k));
            return l.array()
                    ? CodeBlock.of("new $T {$L}", l.java(), CodeBlock.join(elements, ", "))
                    : CodeBlock.of(
                            "$T.<$T>of($L)", List.class, typeArgument(l.java(), 0), CodeBlock.join(elements, ", "));
        } else if (s instanceof Shape.ListOf l) {
            return liftList(l, c, v, CodeBlock.of("$N[$L]", arr, pos + 1));
        } else if (s instanceof Shape.MapOf m) {
            return liftMap(m, c, v, CodeBlock.of("$N[$L]", arr, pos + 1));
        } else if (s instanceof Shape.Handle h) {
            return liftHandle(h, c, v);
        }
        Shape.Named n = s instanceof Shape.Named x ? x : null;
        TypeModel t = n == null ? null : types.get(n.type());
        if (t instanceof TypeModel.FlagsModel) {
            return CodeBlock.of("$N((int) $L)", helper("fromBits", n.type()), v);
        }
        List<Shape> fields = layout.fields(s);
        if (fields != null) {
            CodeBlock.Builder b =
                    CodeBlock.builder().add("new $T(", s instanceof Shape.TupleOf tt ? tt.java() : n.type());
            int at = pos;
            for (int i = 0; i < fields.size(); i++) {
                b.add(i == 0 ? "" : ", ").add(liftFlat(fields.get(i), c, arr, at));
                at += layout.flatten(fields.get(i)).size();
            }
            return b.add(")").build();
        }
        List<Optional<Shape>> cases = layout.cases(s);
        CodeBlock.Builder b = CodeBlock.builder()
                .add("switch ($T.checkDiscriminant($L & 0xFFFF_FFFFL, $L)) {\n", CONTEXT, v, cases.size())
                .indent();
        for (int i = 0; i < cases.size(); i++) {
            Optional<CodeBlock> payload = cases.get(i).map(p -> liftFlat(p, c, arr, pos + 1));
            b.add("case $L -> $L;\n", i, makeCase(s, i, payload));
        }
        return b.add("default -> throw $T.unreachable($S);\n", CONTEXT, "case index")
                .unindent()
                .add("}")
                .build();
    }

    /** The Java value of case {@code i} of the variant-like {@code s} with {@code payload}. */
    private CodeBlock makeCase(Shape s, int i, Optional<CodeBlock> payload) {
        if (s instanceof Shape.OptionOf o) {
            TypeName e = typeArgument(o.java(), 0);
            return i == 0
                    ? CodeBlock.of("$T.<$T>empty()", Optional.class, e)
                    : CodeBlock.of("$T.<$T>of($L)", Optional.class, e, payload.orElseThrow());
        }
        if (s instanceof Shape.ResultOf r) {
            return CodeBlock.of(
                    "$T.<$T, $T>$N($L)",
                    RESULT,
                    typeArgument(r.java(), 0),
                    typeArgument(r.java(), 1),
                    i == 0 ? "ok" : "err",
                    payload.orElse(CodeBlock.of("null")));
        }
        ClassName type = ((Shape.Named) s).type();
        TypeModel t = types.get(type);
        if (t instanceof TypeModel.EnumModel e) {
            return CodeBlock.of("$T.$N", type, e.cases().get(i).javaName());
        }
        TypeModel.Case k = ((TypeModel.VariantModel) t).cases().get(i);
        return payload.map(p -> CodeBlock.of("new $T($L)", k.name(), p)).orElse(CodeBlock.of("new $T()", k.name()));
    }

    private CodeBlock liftList(Shape.ListOf l, String c, CodeBlock ptr, CodeBlock len) {
        if (l.array()) {
            return CodeBlock.of("$N.$N($L, $L)", c, "lift" + arrayKind((Shape.Primitive) l.element()), ptr, len);
        }
        String cc = fresh("_c");
        String pp = fresh("_p");
        return CodeBlock.of(
                "$N.<$T>liftList($L, $L, $L, $L, ($N, $N) -> $L)",
                c,
                typeArgument(l.java(), 0),
                ptr,
                len,
                layout.size(l.element()),
                layout.alignment(l.element()),
                cc,
                pp,
                load(l.element(), cc, CodeBlock.of("$N", pp)));
    }

    /**
     * A map lifted from the list of key-value pairs it is in the canonical ABI (Explainer.md: a map
     * despecializes to {@code list<tuple<K, V>>}); a repeated key keeps its last value.
     */
    private CodeBlock liftMap(Shape.MapOf m, String c, CodeBlock ptr, CodeBlock len) {
        List<Shape> pair = List.of(m.key(), m.value());
        String cc = fresh("_c");
        String pp = fresh("_p");
        return CodeBlock.of(
                "$T.mapOf($N.<$T<$T, $T>>liftList($L, $L, $L, $L, ($N, $N) -> $T.entry($L, $L)))",
                CONTEXT,
                c,
                Map.Entry.class,
                typeArgument(m.java(), 0),
                typeArgument(m.java(), 1),
                ptr,
                len,
                layout.tupleSize(pair),
                layout.tupleAlignment(pair),
                cc,
                pp,
                Map.class,
                load(m.key(), cc, CodeBlock.of("$N", pp)),
                load(
                        m.value(),
                        cc,
                        plus(CodeBlock.of("$N", pp), layout.fieldOffsets(pair).get(1))));
    }

    private CodeBlock liftHandle(Shape.Handle h, String c, CodeBlock index) {
        if (h.exported()) {
            String rt = handles.resourceType(h.resource());
            return CodeBlock.of(
                    "new $T($N, $N.liftOwnHandle($L, $N, $S))",
                    h.resource(),
                    handles.ops(h.resource()),
                    c,
                    index,
                    rt,
                    ((TypeModel.ResourceModel) types.get(h.resource())).witName());
        }
        String table = handles.table(h.resource());
        return h.borrow()
                ? CodeBlock.of("$N.getRep($N.liftBorrow($L, $N.rt()))", table, c, index, table)
                : CodeBlock.of("$N.takeRep($N.liftOwn($L, $N.rt()))", table, c, index, table);
    }

    // ---------------------------------------------------------------------------------------
    // load

    /** An expression loading {@code s} from memory at {@code p} (a {@code long} expression). */
    CodeBlock load(Shape s, String c, CodeBlock p) {
        if (s instanceof Shape.Primitive prim) {
            switch (prim) {
                case BOOL:
                    return CodeBlock.of("$N.readBool($L)", c, p);
                case S8:
                case U8:
                    return CodeBlock.of("$N.readByte($L)", c, p);
                case S16:
                case U16:
                    return CodeBlock.of("$N.readShort($L)", c, p);
                case S32:
                case U32:
                    return CodeBlock.of("$N.readInt($L)", c, p);
                case S64:
                case U64:
                    return CodeBlock.of("$N.readLong($L)", c, p);
                case F32:
                    return CodeBlock.of("$N.readF32($L)", c, p);
                case F64:
                    return CodeBlock.of("$N.readF64($L)", c, p);
                case CHAR:
                    return CodeBlock.of("$N.readChar($L)", c, p);
                case ERROR_CONTEXT:
                    return CodeBlock.of("$N.liftErrorContext($N.readU32($L))", c, c, p);
                default:
                    return CodeBlock.of("$N.loadString($L)", c, p);
            }
        } else if (s instanceof Shape.ListOf l && l.length().isPresent()) {
            // a fixed-length list lies in place: its elements at p
            return liftList(l, c, p, CodeBlock.of("$L", l.length().getAsInt()));
        } else if (s instanceof Shape.ListOf l) {
            return liftList(l, c, CodeBlock.of("$N.readU32($L)", c, p), CodeBlock.of("$N.readU32($L)", c, plus(p, 4)));
        } else if (s instanceof Shape.MapOf m) {
            return liftMap(m, c, CodeBlock.of("$N.readU32($L)", c, p), CodeBlock.of("$N.readU32($L)", c, plus(p, 4)));
        } else if (s instanceof Shape.Handle h) {
            return liftHandle(h, c, CodeBlock.of("$N.readU32($L)", c, p));
        } else if (s instanceof Shape.Named n) {
            return CodeBlock.of("$N($N, $L)", helper("load", n.type()), c, p);
        } else if (s instanceof Shape.TupleOf t) {
            CodeBlock.Builder b = CodeBlock.builder().add("new $T(", t.java());
            List<Long> offsets = layout.fieldOffsets(t.elements());
            for (int i = 0; i < t.elements().size(); i++) {
                b.add(i == 0 ? "" : ", ").add(load(t.elements().get(i), c, plus(p, offsets.get(i))));
            }
            return b.add(")").build();
        }
        // option / result: load_variant, the payload at its aligned offset
        List<Optional<Shape>> cases = layout.cases(s);
        long payloadAt = layout.payloadOffset(cases);
        CodeBlock.Builder b = CodeBlock.builder()
                .add(
                        "switch ($T.checkDiscriminant($L, $L)) {\n",
                        CONTEXT,
                        readDiscriminant(c, p, cases.size()),
                        cases.size())
                .indent();
        for (int i = 0; i < cases.size(); i++) {
            Optional<CodeBlock> payload = cases.get(i).map(x -> load(x, c, plus(p, payloadAt)));
            b.add("case $L -> $L;\n", i, makeCase(s, i, payload));
        }
        return b.add("default -> throw $T.unreachable($S);\n", CONTEXT, "case index")
                .unindent()
                .add("}")
                .build();
    }

    private static CodeBlock readDiscriminant(String c, CodeBlock p, int cases) {
        switch (AbiLayout.discriminantSize(cases)) {
            case 1:
                return CodeBlock.of("$N.readByte($L) & 0xFFL", c, p);
            case 2:
                return CodeBlock.of("$N.readShort($L) & 0xFFFFL", c, p);
            default:
                return CodeBlock.of("$N.readU32($L)", c, p);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Helper methods of named types

    /** The body of the {@code fromBits} helper of the flags {@code type} ({@code t}), whose Java type is {@code java}. */
    void fromBitsHelper(ClassName type, TypeModel t, TypeName java, MethodSpec.Builder m) {
        TypeModel.FlagsModel f = (TypeModel.FlagsModel) t;
        m.addModifiers(Modifier.STATIC)
                .addParameter(TypeName.INT, "bits")
                .returns(java)
                .addJavadoc("{@code unpack_flags_from_int}: bits beyond the flags are ignored, as the spec says.\n")
                .addStatement("$T set = $T.noneOf($T.class)", java, EnumSet.class, type);
        for (int i = 0; i < f.flags().size(); i++) {
            m.beginControlFlow(
                            "if ((bits & $L) != 0)",
                            1L << i > Integer.MAX_VALUE ? "0x80000000" : String.valueOf(1 << i))
                    .addStatement("set.add($T.$N)", type, f.flags().get(i).javaName())
                    .endControlFlow();
        }
        m.addStatement("return set");
    }

    /** The body of the {@code load} helper of {@code type} ({@code t}, as {@code shape}). */
    void loadHelper(ClassName type, TypeModel t, Shape.Named shape, TypeName java, MethodSpec.Builder m) {
        m.addParameter(CONTEXT, "c").addParameter(TypeName.LONG, "p").returns(java);
        if (t instanceof TypeModel.FlagsModel f) {
            int size = AbiLayout.flagsSize(f.flags().size());
            CodeBlock bits = size == 1
                    ? CodeBlock.of("c.readByte(p) & 0xFF")
                    : size == 2 ? CodeBlock.of("c.readShort(p) & 0xFFFF") : CodeBlock.of("c.readInt(p)");
            m.addStatement("return $N($L)", helper("fromBits", type), bits);
        } else if (t instanceof TypeModel.RecordModel r) {
            List<Shape> fields = layout.fields(shape);
            List<Long> offsets = layout.fieldOffsets(fields);
            CodeBlock.Builder b =
                    CodeBlock.builder().add("return new $T(", type).indent();
            for (int i = 0; i < fields.size(); i++) {
                b.add(i == 0 ? "\n" : ",\n").add(load(fields.get(i), "c", plus(CodeBlock.of("p"), offsets.get(i))));
            }
            m.addCode(b.add(");\n").unindent().build());
        } else {
            List<Optional<Shape>> cases = layout.cases(shape);
            long payloadAt = layout.payloadOffset(cases);
            m.addJavadoc("{@code load_variant}: traps if the case index is out of range.\n");
            CodeBlock.Builder b = CodeBlock.builder()
                    .add(
                            "return switch ($T.checkDiscriminant($L, $L)) {\n",
                            CONTEXT,
                            readDiscriminant("c", CodeBlock.of("p"), cases.size()),
                            cases.size())
                    .indent();
            for (int i = 0; i < cases.size(); i++) {
                Optional<CodeBlock> payload = cases.get(i).map(x -> load(x, "c", plus(CodeBlock.of("p"), payloadAt)));
                b.add("case $L -> $L;\n", i, makeCase(shape, i, payload));
            }
            m.addCode(b.add("default -> throw $T.unreachable($S);\n", CONTEXT, "case index")
                    .unindent()
                    .add("};\n")
                    .build());
        }
    }
}
