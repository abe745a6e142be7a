package dev.wit4j.processor.gen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.bindings.GuestContext;
import dev.wit4j.runtime.types.Result;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Lifting and lowering specialised per WIT type at compile time, straight through the runtime's
 * primitives face ({@code dev.wit4j.runtime.bindings.GuestContext}): flat values are read from and
 * written to the core argument and result arrays at fixed positions, memory at fixed offsets, with
 * the layouts of {@link AbiLayout}. No {@code Value} is created on this path.
 *
 * <p>Four kinds of code, following CanonicalABI.md: {@code lift_flat} ({@link #liftFlat}, an
 * expression), {@code lower_flat} ({@link #lowerFlat}, statements), {@code load} ({@link #load},
 * an expression) and {@code store} ({@link #store}, statements). Named types get helper methods
 * for {@code load}/{@code store} (and for flags, their bit conversions); {@link #helpers()}
 * returns those used. In the generated code {@code _cx}-like names are contexts, {@code _p…}
 * pointers and {@code _t…} temporaries: no WIT-derived name starts with {@code _}.
 *
 * <p>A Java value being lowered may be {@code null} where WIT has no null: a host's result, a
 * {@code Result.ok(null)} with an ok type, a variant case or tuple made with {@code null}, a
 * {@code null} in a list. Lowering refuses it with a {@link NullPointerException} saying which
 * value it is ({@link Subject}: "`ok` value of result of `f` is null") before anything of it is
 * written.
 */
final class DirectGlue {
    static final ClassName CONTEXT = ClassName.get(GuestContext.class);
    static final ClassName EXPORT_FUNCTION = ClassName.get(ExportFunction.class);
    static final ClassName RESOURCE_TYPE = ClassName.get(ResourceType.class);
    static final ClassName RESULT = ClassName.get(Result.class);

    /** How the generated code reaches the state behind handles. */
    interface Handles {
        /** The field holding the handle table of an imported resource. */
        String table(ClassName resource);

        /** The field holding the implementation of the {@code Ops} of an exported resource. */
        String ops(ClassName resource);

        /** The field holding the run-time resource type of an exported resource. */
        String resourceType(ClassName resource);
    }

    private final Map<ClassName, TypeModel> types;
    private final AbiLayout layout;
    private final MemberNames names;
    private final Handles handles;
    private final Map<String, String> helperNames = new HashMap<>();
    private final Deque<String[]> pending = new ArrayDeque<>();
    private final Map<String, MethodSpec> generated = new LinkedHashMap<>();
    private int counter;

    DirectGlue(Map<ClassName, TypeModel> types, MemberNames names, Handles handles) {
        this.types = types;
        this.layout = new AbiLayout(types);
        this.names = names;
        this.handles = handles;
    }

    AbiLayout layout() {
        return layout;
    }

    /** Restarts temporary names (call at the start of each generated method body). */
    void resetNames() {
        counter = 0;
    }

    private String fresh(String prefix) {
        return prefix + counter++;
    }

    /**
     * The value being lowered, as messages name it ({@code result of `f`}, {@code `ok` value of
     * argument `a` of `f`}), and whether it may be {@code null} there (a boxed or user-made value
     * that nothing checked yet).
     */
    record Subject(String what, boolean mayBeNull) {
        /** A part of this value: {@code prefix} names it within this one ("`ok` value of "). */
        Subject part(String prefix, boolean partMayBeNull) {
            return new Subject(prefix + what, partMayBeNull);
        }
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
    // What this glue handles

    /**
     * Whether values of shape {@code s} can be lifted ({@code lift}) or lowered by this glue, with
     * host resources and exported resources as they occur in the world class.
     */
    boolean supports(Shape s, boolean lift) {
        if (s instanceof Shape.Primitive) {
            return true;
        } else if (s instanceof Shape.ListOf l) {
            return supports(l.element(), lift);
        } else if (s instanceof Shape.MapOf m) {
            return supports(m.key(), lift) && supports(m.value(), lift);
        } else if (s instanceof Shape.TupleOf t) {
            return t.elements().stream().allMatch(e -> supports(e, lift));
        } else if (s instanceof Shape.OptionOf o) {
            return supports(o.value(), lift);
        } else if (s instanceof Shape.ResultOf r) {
            return r.ok().map(x -> supports(x, lift)).orElse(true)
                    && r.err().map(x -> supports(x, lift)).orElse(true);
        } else if (s instanceof Shape.Named n) {
            TypeModel t = types.get(n.type());
            if (t instanceof TypeModel.RecordModel r) {
                return r.fields().stream().allMatch(f -> supports(f.shape(), lift));
            } else if (t instanceof TypeModel.VariantModel v) {
                return v.cases().stream()
                        .allMatch(c ->
                                c.payloadShape().map(x -> supports(x, lift)).orElse(true));
            }
            return t instanceof TypeModel.EnumModel || t instanceof TypeModel.FlagsModel;
        } else if (s instanceof Shape.Handle h) {
            // a borrow of a component's resource is only ever passed to it, never received by the host
            return !(h.exported() && h.borrow() && lift);
        }
        return false;
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

    /** The helper {@code kind} ({@code load}, {@code store}, {@code fromBits}, {@code toBits}, {@code move}) of {@code type}. */
    private String helper(String kind, ClassName type) {
        String key = kind + " " + type.canonicalName();
        String n = helperNames.get(key);
        if (n == null) {
            StringBuilder base = new StringBuilder(kind);
            for (String simple : type.simpleNames()) {
                base.append(simple);
            }
            n = names.unique(base.toString());
            helperNames.put(key, n);
            pending.add(new String[] {kind, type.canonicalName(), n});
            pendingTypes.put(key, type);
        }
        return n;
    }

    private final Map<String, ClassName> pendingTypes = new HashMap<>();

    /** The helper methods used by the code handed out so far (call after the last one). */
    List<MethodSpec> helpers() {
        while (!pending.isEmpty()) {
            String[] h = pending.poll();
            generateHelper(h[0], pendingTypes.get(h[0] + " " + h[1]), h[2]);
        }
        return new ArrayList<>(generated.values());
    }

    private void generateHelper(String kind, ClassName type, String name) {
        resetNames();
        TypeModel t = types.get(type);
        Shape.Named shape = new Shape.Named(
                type,
                t instanceof TypeModel.FlagsModel ? ParameterizedTypeName.get(ClassName.get(Set.class), type) : type);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        TypeName java = shape.java();
        switch (kind) {
            case "move":
                m.addJavadoc("Takes the handle out of {@code v} to move it into the component ({@code v} is closed).\n")
                        .addParameter(type, "v")
                        .returns(RuntimeNames.OWN)
                        .addStatement("$T h = v.handle()", RuntimeNames.OWN)
                        .addStatement("v.handle = null")
                        .addStatement("return h");
                break;
            case "fromBits": {
                TypeModel.FlagsModel f = (TypeModel.FlagsModel) t;
                m.addModifiers(Modifier.STATIC)
                        .addParameter(TypeName.INT, "bits")
                        .returns(java)
                        .addJavadoc(
                                "{@code unpack_flags_from_int}: bits beyond the flags are ignored, as the spec says.\n")
                        .addStatement("$T set = $T.noneOf($T.class)", java, EnumSet.class, type);
                for (int i = 0; i < f.flags().size(); i++) {
                    m.beginControlFlow(
                                    "if ((bits & $L) != 0)",
                                    1L << i > Integer.MAX_VALUE ? "0x80000000" : String.valueOf(1 << i))
                            .addStatement(
                                    "set.add($T.$N)", type, f.flags().get(i).javaName())
                            .endControlFlow();
                }
                m.addStatement("return set");
                break;
            }
            case "toBits": {
                TypeModel.FlagsModel f = (TypeModel.FlagsModel) t;
                m.addModifiers(Modifier.STATIC)
                        .addParameter(java, "v")
                        .returns(TypeName.INT)
                        .addJavadoc("{@code pack_flags_into_int}.\n")
                        .addStatement("int bits = 0");
                for (int i = 0; i < f.flags().size(); i++) {
                    m.beginControlFlow(
                                    "if (v.contains($T.$N))",
                                    type,
                                    f.flags().get(i).javaName())
                            .addStatement("bits |= $L", i == 31 ? "0x80000000" : String.valueOf(1 << i))
                            .endControlFlow();
                }
                m.addStatement("return bits");
                break;
            }
            case "load": {
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
                        b.add(i == 0 ? "\n" : ",\n")
                                .add(load(fields.get(i), "c", plus(CodeBlock.of("p"), offsets.get(i))));
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
                        Optional<CodeBlock> payload =
                                cases.get(i).map(x -> load(x, "c", plus(CodeBlock.of("p"), payloadAt)));
                        b.add("case $L -> $L;\n", i, makeCase(shape, i, payload));
                    }
                    m.addCode(b.add("default -> throw $T.unreachable($S);\n", CONTEXT, "case index")
                            .unindent()
                            .add("};\n")
                            .build());
                }
                break;
            }
            default: {
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
                                cases.get(i).orElseThrow(),
                                "c",
                                pl,
                                plus(CodeBlock.of("p"), payloadAt),
                                b,
                                payloadSubject));
                    });
                }
                m.addCode(b.build());
            }
        }
        generated.put(name, m.build());
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

    /** The Java type of a value of shape {@code s}. */
    TypeName javaType(Shape s) {
        if (s instanceof Shape.Primitive p) {
            return p.java();
        } else if (s instanceof Shape.ListOf l) {
            return l.java();
        } else if (s instanceof Shape.MapOf m) {
            return m.java();
        } else if (s instanceof Shape.TupleOf t) {
            return t.java();
        } else if (s instanceof Shape.OptionOf o) {
            return o.java();
        } else if (s instanceof Shape.ResultOf r) {
            return r.java();
        } else if (s instanceof Shape.Named n) {
            return n.java();
        } else if (s instanceof Shape.Handle h) {
            return h.java();
        }
        throw new IllegalStateException("no Java type for " + s);
    }

    /** The name part of the array helpers of {@code GuestContext} for elements {@code p}. */
    private static String arrayKind(Shape.Primitive p) {
        switch (p) {
            case S8:
            case U8:
                return "Bytes";
            case S16:
            case U16:
                return "Shorts";
            case S32:
            case U32:
                return "Ints";
            case S64:
            case U64:
                return "Longs";
            case F32:
                return "Floats";
            case F64:
                return "Doubles";
            default:
                throw new IllegalStateException("no array of " + p);
        }
    }

    static CodeBlock plus(CodeBlock p, long offset) {
        return offset == 0 ? p : CodeBlock.of("$L + $L", p, offset);
    }

    private static TypeName typeArgument(TypeName t, int i) {
        return ((ParameterizedTypeName) t).typeArguments().get(i);
    }

    static boolean isArray(TypeName t) {
        return t instanceof ArrayTypeName;
    }
}
