package dev.wit4j.processor.gen;

import static dev.wit4j.processor.gen.DirectGlue.CONTEXT;
import static dev.wit4j.processor.gen.DirectGlue.RESULT;
import static dev.wit4j.processor.gen.DirectGlue.arrayKind;
import static dev.wit4j.processor.gen.DirectGlue.javaType;
import static dev.wit4j.processor.gen.DirectGlue.plus;
import static dev.wit4j.processor.gen.DirectGlue.typeArgument;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.gen.DirectGlue.Subject;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The lowering half of {@link DirectGlue}: {@code lower_flat} ({@link #lowerFlat}, statements
 * writing the core values) and {@code store} ({@link #store}, statements writing memory), and the
 * bodies of the {@code store}, {@code toBits} and {@code move} helpers of named types. A value
 * that is {@code null} where WIT has none is refused naming its {@link Subject}.
 */
final class Lowering extends GlueWriter {

    Lowering(DirectGlue glue, Map<ClassName, TypeModel> types, AbiLayout layout, DirectGlue.Handles handles) {
        super(glue, types, layout, handles);
    }

    /** {@code x}, refused if null where it may be: results and variants say so where they select the case. */
    private CodeBlock checked(Shape s, CodeBlock x, Subject subject) {
        if (!subject.mayBeNull() || s instanceof Shape.ResultOf || isVariant(s)) {
            return x;
        }
        return CodeBlock.of("$T.requireNonNull($L, $S)", Objects.class, x, subject.what() + " is null");
    }

    private boolean isVariant(Shape s) {
        return s instanceof Shape.Named n && types.get(n.type()) instanceof TypeModel.VariantModel;
    }

    // ---------------------------------------------------------------------------------------
    // lower_flat

    /** Statements lowering the Java expression {@code x} of shape {@code s}, the {@code subject}, into {@code arr[pos…]}. */
    void lowerFlat(Shape s, String c, CodeBlock x, String arr, int pos, CodeBlock.Builder out, Subject subject) {
        x = checked(s, x, subject);
        if (s instanceof Shape.Primitive p) {
            switch (p) {
                case BOOL:
                    out.addStatement("$N[$L] = $L ? 1 : 0", arr, pos, x);
                    return;
                case U8:
                    out.addStatement("$N[$L] = $L & 0xFFL", arr, pos, x);
                    return;
                case U16:
                    out.addStatement("$N[$L] = $L & 0xFFFFL", arr, pos, x);
                    return;
                // an i32 is carried zero-extended; signed values in two's complement (lower_flat_signed)
                case S8:
                case S16:
                case S32:
                case U32:
                    out.addStatement("$N[$L] = $L & 0xFFFF_FFFFL", arr, pos, x);
                    return;
                case S64:
                case U64:
                    out.addStatement("$N[$L] = $L", arr, pos, x);
                    return;
                case F32:
                    out.addStatement("$N[$L] = $T.lowerF32($L)", arr, pos, CONTEXT, x);
                    return;
                case F64:
                    out.addStatement("$N[$L] = $T.lowerF64($L)", arr, pos, CONTEXT, x);
                    return;
                case CHAR:
                    out.addStatement("$N[$L] = $T.lowerChar($L)", arr, pos, CONTEXT, x);
                    return;
                case ERROR_CONTEXT:
                    out.addStatement("$N[$L] = $N.lowerErrorContext($L)", arr, pos, c, x);
                    return;
                default:
                    out.addStatement("$T.putPair($N.lowerString($L), $N, $L)", CONTEXT, c, x, arr, pos);
                    return;
            }
        } else if (s instanceof Shape.ListOf l && l.length().isPresent()) {
            String v = fixedList(l, x, out, subject);
            int k = layout.flatten(l.element()).size();
            for (int i = 0; i < l.length().getAsInt(); i++) {
                lowerFlat(
                        l.element(),
                        c,
                        element(l, v, CodeBlock.of("$L", i)),
                        arr,
                        pos + i * k,
                        out,
                        subject.part("an element of ", true));
            }
            return;
        } else if (s instanceof Shape.ListOf || s instanceof Shape.MapOf) {
            out.add("$T.putPair(", CONTEXT)
                    .add(
                            s instanceof Shape.ListOf l
                                    ? lowerList(l, c, x, subject)
                                    : lowerMap((Shape.MapOf) s, c, x, subject))
                    .add(", $N, $L);\n", arr, pos); // not addStatement: the lambda has statements
            return;
        } else if (s instanceof Shape.Handle h) {
            out.addStatement("$N[$L] = $L", arr, pos, lowerHandle(h, c, x));
            return;
        }
        Shape.Named n = s instanceof Shape.Named y ? y : null;
        TypeModel t = n == null ? null : types.get(n.type());
        if (t instanceof TypeModel.FlagsModel) {
            out.addStatement("$N[$L] = $N($L) & 0xFFFF_FFFFL", arr, pos, helper("toBits", n.type()), x);
            return;
        }
        if (t instanceof TypeModel.EnumModel) {
            out.addStatement("$N[$L] = $L.ordinal()", arr, pos, x);
            return;
        }
        String v = fresh("_t");
        out.addStatement("$T $N = $L", javaType(s), v, x);
        List<Shape> fields = layout.fields(s);
        if (fields != null) {
            int at = pos;
            for (int i = 0; i < fields.size(); i++) {
                lowerFlat(
                        fields.get(i),
                        c,
                        CodeBlock.of("$N.$N()", v, fieldAccessor(s, i)),
                        arr,
                        at,
                        out,
                        part(s, i, subject));
                at += layout.flatten(fields.get(i)).size();
            }
            return;
        }
        // lower_flat_variant: the case index, then the payload; the joined slots' coercions keep the bits
        // (an i32/f32 is carried zero-extended), and the unused slots stay 0 in the fresh array.
        List<Optional<Shape>> cases = layout.cases(s);
        selectCase(s, v, out, subject, (i, payload, payloadSubject) -> {
            out.addStatement("$N[$L] = $L", arr, pos, i);
            payload.ifPresent(pl -> lowerFlat(cases.get(i).orElseThrow(), c, pl, arr, pos + 1, out, payloadSubject));
        });
    }

    /**
     * Field or element {@code i} of the record or tuple {@code s}: a record's fields are checked
     * where the record is made (generated records refuse null), a tuple's elements are not.
     */
    private Subject part(Shape s, int i, Subject subject) {
        if (s instanceof Shape.TupleOf) {
            return subject.part("element " + (i + 1) + " of ", true);
        }
        TypeModel.RecordModel r = (TypeModel.RecordModel) types.get(((Shape.Named) s).type());
        return subject.part("field `" + r.fields().get(i).witName() + "` of ", false);
    }

    /** Receives the selected case's index and payload expression (empty without payload), and what the payload is. */
    private interface CaseBody {
        void emit(int index, Optional<CodeBlock> payload, Subject payloadSubject);
    }

    /**
     * An if-chain over the cases of the variant-like value in variable {@code v}, the {@code subject};
     * a result or variant that is none of its cases is {@code null}, and refused naming the subject.
     */
    private void selectCase(Shape s, String v, CodeBlock.Builder out, Subject subject, CaseBody body) {
        if (s instanceof Shape.OptionOf) {
            out.beginControlFlow("if ($N.isPresent())", v);
            body.emit(1, Optional.of(CodeBlock.of("$N.get()", v)), subject.part("value of ", false));
            out.nextControlFlow("else");
            body.emit(0, Optional.empty(), null);
            out.endControlFlow();
            return;
        }
        if (s instanceof Shape.ResultOf r) {
            String ok = fresh("_t");
            String err = fresh("_t");
            TypeName a = typeArgument(r.java(), 0);
            TypeName e = typeArgument(r.java(), 1);
            // Payloads are boxed: `Result.ok(null)` reaches here for any ok type.
            out.beginControlFlow("if ($N instanceof $T<$T, $T> $N)", v, RESULT.nestedClass("Ok"), a, e, ok);
            body.emit(0, r.ok().map(x -> CodeBlock.of("$N.value()", ok)), subject.part("`ok` value of ", true));
            out.nextControlFlow("else if ($N instanceof $T<$T, $T> $N)", v, RESULT.nestedClass("Err"), a, e, err);
            body.emit(1, r.err().map(x -> CodeBlock.of("$N.error()", err)), subject.part("`err` value of ", true));
            out.nextControlFlow("else");
            out.addStatement("throw new $T($S)", NullPointerException.class, subject.what() + " is null");
            out.endControlFlow();
            return;
        }
        TypeModel.VariantModel vm = (TypeModel.VariantModel) types.get(((Shape.Named) s).type());
        for (int i = 0; i < vm.cases().size(); i++) {
            TypeModel.Case k = vm.cases().get(i);
            String cv = fresh("_t");
            if (k.payloadShape().isPresent()) {
                out.add(i == 0 ? "if" : "} else if")
                        .add(" ($N instanceof $T $N) {\n", v, k.name(), cv)
                        .indent();
                // A case record does not check its payload: a reference one may be null.
                body.emit(
                        i,
                        Optional.of(CodeBlock.of("$N.$N()", cv, k.payloadAccessor())),
                        subject.part(
                                "payload of case `" + k.witName() + "` of ",
                                !k.payload().orElseThrow().isPrimitive()));
            } else {
                out.add(i == 0 ? "if" : "} else if")
                        .add(" ($N instanceof $T) {\n", v, k.name())
                        .indent();
                body.emit(i, Optional.empty(), null);
            }
            out.unindent();
        }
        out.add("} else {\n")
                .indent()
                .addStatement("throw new $T($S)", NullPointerException.class, subject.what() + " is null")
                .unindent()
                .add("}\n");
    }

    private CodeBlock lowerList(Shape.ListOf l, String c, CodeBlock x, Subject subject) {
        if (l.array()) {
            return CodeBlock.of("$N.$N($L)", c, "lower" + arrayKind((Shape.Primitive) l.element()), x);
        }
        String cc = fresh("_c");
        String ee = fresh("_e");
        String pp = fresh("_p");
        CodeBlock.Builder body = CodeBlock.builder();
        store(
                l.element(),
                cc,
                CodeBlock.of("$N", ee),
                CodeBlock.of("$N", pp),
                body,
                subject.part("an element of ", true));
        return storeElements(c, x, layout.size(l.element()), layout.alignment(l.element()), cc, ee, pp, body.build());
    }

    /**
     * {@code lowerList}: allocates the list {@code list} of elements of {@code size} and {@code
     * alignment}, each stored by {@code body} (element {@code ee} at {@code pp}, context {@code cc}).
     */
    private static CodeBlock storeElements(
            String c, CodeBlock list, long size, int alignment, String cc, String ee, String pp, CodeBlock body) {
        return CodeBlock.builder()
                .add("$N.lowerList($L, $L, $L, ($N, $N, $N) -> {\n", c, list, size, alignment, cc, ee, pp)
                .indent()
                .add(body)
                .unindent()
                .add("})")
                .build();
    }

    /** Statements storing the map {@code x} as the list of key-value pairs it is in the canonical ABI. */
    private CodeBlock lowerMap(Shape.MapOf m, String c, CodeBlock x, Subject subject) {
        List<Shape> pair = List.of(m.key(), m.value());
        String cc = fresh("_c");
        String ee = fresh("_e");
        String pp = fresh("_p");
        CodeBlock.Builder body = CodeBlock.builder();
        store(
                m.key(),
                cc,
                CodeBlock.of("$N.getKey()", ee),
                CodeBlock.of("$N", pp),
                body,
                subject.part("a key of ", true));
        store(
                m.value(),
                cc,
                CodeBlock.of("$N.getValue()", ee),
                plus(CodeBlock.of("$N", pp), layout.fieldOffsets(pair).get(1)),
                body,
                subject.part("a value of ", true));
        return storeElements(
                c,
                CodeBlock.of("$T.copyOf($L.entrySet())", List.class, x),
                layout.tupleSize(pair),
                layout.tupleAlignment(pair),
                cc,
                ee,
                pp,
                body.build());
    }

    /**
     * The fixed-length list {@code x} in a new variable (returned), refused unless it has the
     * length its type says.
     */
    private String fixedList(Shape.ListOf l, CodeBlock x, CodeBlock.Builder out, Subject subject) {
        String v = fresh("_t");
        out.addStatement("$T $N = $L", l.java(), v, x);
        int n = l.length().getAsInt();
        String size = l.array() ? v + ".length" : v + ".size()";
        out.beginControlFlow("if ($L != $L)", size, n)
                .addStatement(
                        "throw new $T($S + $L)",
                        IllegalArgumentException.class,
                        subject.what() + ": a fixed-length list needs " + n + " elements, found ",
                        size)
                .endControlFlow();
        return v;
    }

    /** Element {@code i} of the list (or array) in variable {@code v}. */
    private static CodeBlock element(Shape.ListOf l, String v, CodeBlock i) {
        return l.array() ? CodeBlock.of("$N[$L]", v, i) : CodeBlock.of("$N.get($L)", v, i);
    }

    private CodeBlock lowerHandle(Shape.Handle h, String c, CodeBlock x) {
        if (h.exported()) {
            String rt = handles.resourceType(h.resource());
            if (!h.java().equals(h.resource())) {
                // Java-first: the signature says the user's resource interface; only the handle class
                // (which implements it) holds a handle of the component.
                x = CodeBlock.of("$T.$N($L)", h.resource(), ResourceGenerator.OF, x);
            }
            return h.borrow()
                    ? CodeBlock.of("$N.lowerBorrowHandle($L.handle(), $N)", c, x, rt)
                    : CodeBlock.of("$N.lowerOwnHandle($N($L), $N)", c, helper("move", h.resource()), x, rt);
        }
        String table = handles.table(h.resource());
        return h.borrow()
                ? CodeBlock.of("$N.lowerBorrow($N.borrowRep($L), $N.rt())", c, table, x, table)
                : CodeBlock.of("$N.lowerOwn($N.addRep($L), $N.rt())", c, table, x, table);
    }

    private static void writeDiscriminant(String c, CodeBlock p, int cases, int index, CodeBlock.Builder out) {
        switch (AbiLayout.discriminantSize(cases)) {
            case 1:
                out.addStatement("$N.writeByte($L, (byte) $L)", c, p, index);
                return;
            case 2:
                out.addStatement("$N.writeShort($L, (short) $L)", c, p, index);
                return;
            default:
                out.addStatement("$N.writeInt($L, $L)", c, p, index);
        }
    }

    // ---------------------------------------------------------------------------------------
    // store

    /** Statements storing the Java expression {@code x} of shape {@code s}, the {@code subject}, at {@code p}. */
    void store(Shape s, String c, CodeBlock x, CodeBlock p, CodeBlock.Builder out, Subject subject) {
        x = checked(s, x, subject);
        if (s instanceof Shape.Primitive prim) {
            switch (prim) {
                case BOOL:
                    out.addStatement("$N.writeBool($L, $L)", c, p, x);
                    return;
                case S8:
                case U8:
                    out.addStatement("$N.writeByte($L, $L)", c, p, x);
                    return;
                case S16:
                case U16:
                    out.addStatement("$N.writeShort($L, $L)", c, p, x);
                    return;
                case S32:
                case U32:
                    out.addStatement("$N.writeInt($L, $L)", c, p, x);
                    return;
                case S64:
                case U64:
                    out.addStatement("$N.writeLong($L, $L)", c, p, x);
                    return;
                case F32:
                    out.addStatement("$N.writeF32($L, $L)", c, p, x);
                    return;
                case F64:
                    out.addStatement("$N.writeF64($L, $L)", c, p, x);
                    return;
                case CHAR:
                    out.addStatement("$N.writeChar($L, $L)", c, p, x);
                    return;
                case ERROR_CONTEXT:
                    out.addStatement("$N.writeInt($L, (int) $N.lowerErrorContext($L))", c, p, c, x);
                    return;
                default:
                    out.addStatement("$N.storeString($L, $L)", c, x, p);
                    return;
            }
        } else if (s instanceof Shape.ListOf l && l.length().isPresent()) {
            String v = fixedList(l, x, out, subject);
            String i = fresh("_i");
            long size = layout.size(l.element());
            out.beginControlFlow(
                    "for (int $N = 0; $N < $L; $N++)", i, i, l.length().getAsInt(), i);
            store(
                    l.element(),
                    c,
                    element(l, v, CodeBlock.of("$N", i)),
                    CodeBlock.of("$L + (long) $N * $L", p, i, size),
                    out,
                    subject.part("an element of ", true));
            out.endControlFlow();
            return;
        } else if (s instanceof Shape.ListOf || s instanceof Shape.MapOf) {
            out.add("$N.storePair($L, ", c, p)
                    .add(
                            s instanceof Shape.ListOf l
                                    ? lowerList(l, c, x, subject)
                                    : lowerMap((Shape.MapOf) s, c, x, subject))
                    .add(");\n");
            return;
        } else if (s instanceof Shape.Handle h) {
            out.addStatement("$N.writeInt($L, (int) $L)", c, p, lowerHandle(h, c, x));
            return;
        } else if (s instanceof Shape.Named n) {
            if (subject.mayBeNull() && isVariant(s)) {
                // The helper names the variant; here it is also known which value it is.
                x = CodeBlock.of("$T.requireNonNull($L, $S)", Objects.class, x, subject.what() + " is null");
            }
            out.addStatement("$N($N, $L, $L)", helper("store", n.type()), c, x, p);
            return;
        }
        String v = fresh("_t");
        out.addStatement("$T $N = $L", javaType(s), v, x);
        if (s instanceof Shape.TupleOf t) {
            List<Long> offsets = layout.fieldOffsets(t.elements());
            for (int i = 0; i < t.elements().size(); i++) {
                store(
                        t.elements().get(i),
                        c,
                        CodeBlock.of("$N.$N()", v, TUPLE_NAMES[i]),
                        plus(p, offsets.get(i)),
                        out,
                        part(s, i, subject));
            }
            return;
        }
        List<Optional<Shape>> cases = layout.cases(s);
        long payloadAt = layout.payloadOffset(cases);
        selectCase(s, v, out, subject, (i, payload, payloadSubject) -> {
            writeDiscriminant(c, p, cases.size(), i, out);
            payload.ifPresent(pl -> store(cases.get(i).orElseThrow(), c, pl, plus(p, payloadAt), out, payloadSubject));
        });
    }

    // ---------------------------------------------------------------------------------------
    // Helper methods of named types

    /** The body of the {@code move} helper of the exported resource {@code type}. */
    void moveHelper(ClassName type, MethodSpec.Builder m) {
        m.addJavadoc("Takes the handle out of {@code v} to move it into the component ({@code v} is closed).\n")
                .addParameter(type, "v")
                .returns(RuntimeNames.OWN)
                .addStatement("$T h = v.handle()", RuntimeNames.OWN)
                .addStatement("v.handle = null")
                .addStatement("return h");
    }

    /** The body of the {@code toBits} helper of the flags {@code type} ({@code t}), whose Java type is {@code java}. */
    void toBitsHelper(ClassName type, TypeModel t, TypeName java, MethodSpec.Builder m) {
        TypeModel.FlagsModel f = (TypeModel.FlagsModel) t;
        m.addModifiers(Modifier.STATIC)
                .addParameter(java, "v")
                .returns(TypeName.INT)
                .addJavadoc("{@code pack_flags_into_int}.\n")
                .addStatement("int bits = 0");
        for (int i = 0; i < f.flags().size(); i++) {
            m.beginControlFlow("if (v.contains($T.$N))", type, f.flags().get(i).javaName())
                    .addStatement("bits |= $L", i == 31 ? "0x80000000" : String.valueOf(1 << i))
                    .endControlFlow();
        }
        m.addStatement("return bits");
    }

    /** The body of the {@code store} helper of {@code type} ({@code t}, as {@code shape}). */
    void storeHelper(ClassName type, TypeModel t, Shape.Named shape, TypeName java, MethodSpec.Builder m) {
        m.addParameter(CONTEXT, "c").addParameter(java, "v").addParameter(TypeName.LONG, "p");
        CodeBlock.Builder b = CodeBlock.builder();
        if (t instanceof TypeModel.FlagsModel f) {
            int size = AbiLayout.flagsSize(f.flags().size());
            CodeBlock bits = CodeBlock.of("$N(v)", helper("toBits", type));
            if (size == 1) {
                b.addStatement("c.writeByte(p, (byte) $L)", bits);
            } else if (size == 2) {
                b.addStatement("c.writeShort(p, (short) $L)", bits);
            } else {
                b.addStatement("c.writeInt(p, $L)", bits);
            }
        } else if (t instanceof TypeModel.EnumModel e) {
            writeDiscriminantOf(e.cases().size(), b);
        } else if (t instanceof TypeModel.RecordModel r) {
            List<Shape> fields = layout.fields(shape);
            List<Long> offsets = layout.fieldOffsets(fields);
            Subject record = new Subject("record `" + r.witName() + "`", false);
            for (int i = 0; i < fields.size(); i++) {
                store(
                        fields.get(i),
                        "c",
                        CodeBlock.of("v.$N()", r.fields().get(i).javaName()),
                        plus(CodeBlock.of("p"), offsets.get(i)),
                        b,
                        record.part("field `" + r.fields().get(i).witName() + "` of ", false));
            }
        } else {
            // Shared by every use of the variant: its messages name the variant, not the use.
            Subject variant = new Subject("variant `" + ((TypeModel.VariantModel) t).witName() + "`", false);
            List<Optional<Shape>> cases = layout.cases(shape);
            long payloadAt = layout.payloadOffset(cases);
            selectCase(shape, "v", b, variant, (i, payload, payloadSubject) -> {
                writeDiscriminant("c", CodeBlock.of("p"), cases.size(), i, b);
                payload.ifPresent(pl -> store(
                        cases.get(i).orElseThrow(), "c", pl, plus(CodeBlock.of("p"), payloadAt), b, payloadSubject));
            });
        }
        m.addCode(b.build());
    }

    private static void writeDiscriminantOf(int cases, CodeBlock.Builder b) {
        switch (AbiLayout.discriminantSize(cases)) {
            case 1:
                b.addStatement("c.writeByte(p, (byte) v.ordinal())");
                return;
            case 2:
                b.addStatement("c.writeShort(p, (short) v.ordinal())");
                return;
            default:
                b.addStatement("c.writeInt(p, v.ordinal())");
        }
    }

    // ---------------------------------------------------------------------------------------

    // ---------------------------------------------------------------------------------------

    private static final String[] TUPLE_NAMES = {
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth"
    };

    private String fieldAccessor(Shape s, int i) {
        if (s instanceof Shape.TupleOf) {
            return TUPLE_NAMES[i];
        }
        return ((TypeModel.RecordModel) types.get(((Shape.Named) s).type()))
                .fields()
                .get(i)
                .javaName();
    }
}
