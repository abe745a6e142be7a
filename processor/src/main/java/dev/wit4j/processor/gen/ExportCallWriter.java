package dev.wit4j.processor.gen;

import static dev.wit4j.processor.gen.RuntimeNames.EXPORTED_INSTANCE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * The calls of a world's exports: one method per exported function — on the world class, or on
 * the class implementing an exported interface — that lowers the arguments, calls the component
 * and lifts the result through {@link DirectGlue}.
 */
final class ExportCallWriter {
    private final Bindings bindings;
    private final MemberNames members;
    private final DirectGlue direct;
    /** Where the world's constructors find each exported resource type; filled as calls mention them. */
    private final Map<ClassName, CodeBlock> rtSources;

    ExportCallWriter(Bindings bindings, MemberNames members, DirectGlue direct, Map<ClassName, CodeBlock> rtSources) {
        this.bindings = bindings;
        this.members = members;
        this.direct = direct;
        this.rtSources = rtSources;
    }

    /**
     * A method calling the exported function held in field {@code func} (reached as {@code funcRef});
     * {@code self} is the receiver parameter for resource methods (passed borrowed), else null. The
     * values are lifted and lowered by {@link DirectGlue}.
     */
    MethodSpec.Builder exportCall(MethodModel m, String func, TypeModel.ResourceModel self, CodeBlock funcRef) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(m.javaName())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class);
        if (!typed(m, self)) {
            // every shape a world can have without an error reported is handled by DirectGlue
            throw new IllegalStateException("no glue for the types of `" + m.abiName() + "`");
        }
        return typedExportCall(b, m, func, self, funcRef);
    }

    /** A null argument of an exported function is refused before the call, naming it and the function. */
    private static void requireArgument(MethodSpec.Builder b, MethodModel m, MethodModel.Param p) {
        if (!p.type().isPrimitive()) {
            b.addStatement(
                    "$T.requireNonNull($N, $S)",
                    Objects.class,
                    p.javaName(),
                    "argument `" + p.javaName() + "` of `" + m.abiName() + "` is null");
        }
    }

    /** Whether {@link DirectGlue} handles every type of the exported function {@code m}. */
    private boolean typed(MethodModel m, TypeModel.ResourceModel self) {
        for (MethodModel.Param p : m.params()) {
            if (!direct.supports(p.shape(), false)) {
                return false;
            }
        }
        return m.result().map(r -> direct.supports(r, true)).orElse(true);
    }

    /**
     * The typed call (CanonicalABI.md {@code canon_lift} seen from the host): enter, lower the
     * arguments as flat values or, beyond {@code MAX_FLAT_PARAMS}, into memory allocated with
     * {@code realloc}; call; lift the result from the flat value or, beyond
     * {@code MAX_FLAT_RESULTS}, from the returned pointer; then finish (borrow check,
     * post-return), poisoning on failure.
     */
    private MethodSpec.Builder typedExportCall(
            MethodSpec.Builder b, MethodModel m, String func, TypeModel.ResourceModel self, CodeBlock funcRef) {
        direct.resetNames();
        List<Shape> params = new ArrayList<>();
        List<CodeBlock> values = new ArrayList<>();
        // What the arguments are, in messages about null values inside them (they are not null themselves).
        List<DirectGlue.Subject> subjects = new ArrayList<>();
        if (self != null) {
            String selfName = ResourceGenerator.selfName(m);
            b.addParameter(self.name(), selfName);
            params.add(new Shape.Handle(self.name(), true, true));
            values.add(CodeBlock.of("$N", selfName));
            subjects.add(new DirectGlue.Subject("the resource of `" + m.abiName() + "`", false));
        }
        for (MethodModel.Param p : m.params()) {
            b.addParameter(p.type(), p.javaName());
            requireArgument(b, m, p);
            params.add(p.shape());
            values.add(CodeBlock.of("$N", p.javaName()));
            subjects.add(new DirectGlue.Subject("argument `" + p.javaName() + "` of `" + m.abiName() + "`", false));
        }
        List<Shape> mentioned = new ArrayList<>(params);
        m.result().ifPresent(mentioned::add);
        List<Shape.Handle> handles = new ArrayList<>();
        mentioned.forEach(s -> collectHandles(s, handles));
        for (int i = 0; i < handles.size(); i++) {
            if (handles.get(i).exported()) {
                rtSources.putIfAbsent(handles.get(i).resource(), CodeBlock.of("$L.resource($L)", funcRef, i));
            }
        }
        AbiLayout layout = direct.layout();
        CodeBlock.Builder c = CodeBlock.builder();
        c.addStatement("$T _cx = $N.enter()", DirectGlue.CONTEXT, func).beginControlFlow("try");
        int flat = layout.flattenAll(params).size();
        if (flat <= AbiLayout.MAX_FLAT_PARAMS) {
            c.addStatement("long[] _a = new long[$L]", flat);
            int at = 0;
            for (int i = 0; i < params.size(); i++) {
                direct.lowerFlat(params.get(i), "_cx", values.get(i), "_a", at, c, subjects.get(i));
                at += layout.flatten(params.get(i)).size();
            }
        } else {
            // lower_flat_values beyond MAX_FLAT_PARAMS: the arguments as a tuple in memory from realloc
            c.addStatement("long _p = _cx.allocate($L, $L)", layout.tupleAlignment(params), layout.tupleSize(params));
            List<Long> offsets = layout.fieldOffsets(params);
            for (int i = 0; i < params.size(); i++) {
                direct.store(
                        params.get(i),
                        "_cx",
                        values.get(i),
                        DirectGlue.plus(CodeBlock.of("_p"), offsets.get(i)),
                        c,
                        subjects.get(i));
            }
            c.addStatement("long[] _a = {_p}");
        }
        c.addStatement("long[] _r = $N.call(_a)", func);
        if (m.result().isPresent()) {
            Shape r = m.result().get();
            b.returns(m.returns().orElseThrow());
            if (layout.flatten(r).size() <= AbiLayout.MAX_FLAT_RESULTS) {
                c.addStatement("$T _v = $L", m.returns().get(), direct.liftFlat(r, "_cx", "_r", 0));
            } else {
                // lift_flat_values beyond MAX_FLAT_RESULTS: the core function returned a pointer to the result
                c.addStatement("long _q = _cx.checkPointer(_r[0], $L, $L)", layout.alignment(r), layout.size(r));
                c.addStatement("$T _v = $L", m.returns().get(), direct.load(r, "_cx", CodeBlock.of("_q")));
            }
            c.addStatement("$N.finish(_r)", func).addStatement("return _v");
        } else {
            c.addStatement("$N.finish(_r)", func);
        }
        c.nextControlFlow(
                        "catch ($T | $T | $T _e)",
                        RuntimeException.class,
                        StackOverflowError.class,
                        OutOfMemoryError.class)
                .addStatement("throw $N.fail(_e)", func)
                .nextControlFlow("finally")
                .addStatement("$N.exit()", func)
                .endControlFlow();
        return b.addCode(c.build());
    }

    /**
     * The handles inside {@code s}, depth first in the order of {@code ExportFunction.resource(int)}:
     * record fields, tuple elements, variant cases, option and result payloads, list elements.
     */
    private void collectHandles(Shape s, List<Shape.Handle> out) {
        if (s instanceof Shape.Handle h) {
            out.add(h);
        } else if (s instanceof Shape.ListOf l) {
            collectHandles(l.element(), out);
        } else if (s instanceof Shape.OptionOf o) {
            collectHandles(o.value(), out);
        } else if (s instanceof Shape.ResultOf r) {
            r.ok().ifPresent(x -> collectHandles(x, out));
            r.err().ifPresent(x -> collectHandles(x, out));
        } else if (s instanceof Shape.TupleOf t) {
            t.elements().forEach(x -> collectHandles(x, out));
        } else if (s instanceof Shape.Named n) {
            TypeModel t = typeOf(n.type());
            if (t instanceof TypeModel.RecordModel r) {
                r.fields().forEach(f -> collectHandles(f.shape(), out));
            } else if (t instanceof TypeModel.VariantModel v) {
                v.cases().forEach(k -> k.payloadShape().ifPresent(x -> collectHandles(x, out)));
            }
        }
    }

    private TypeModel typeOf(ClassName name) {
        for (Holder h : bindings.holders()) {
            for (TypeModel t : h.types()) {
                if (t.name().equals(name)) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("no type " + name);
    }

    /** The class {@code name} implementing exported interface {@code h}, reached through field {@code accessor}. */
    TypeSpec implClass(Holder h, ClassName name, String accessor) {
        TypeSpec.Builder b = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(h.name())
                .addJavadoc("Calls into the component's export {@code $L}.\n", h.externName());
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addParameter(EXPORTED_INSTANCE, "exports");
        List<MethodSpec> methods = new ArrayList<>();
        List<Map.Entry<MethodModel, TypeModel.ResourceModel>> all = new ArrayList<>();
        h.methods().forEach(m -> all.add(new AbstractMap.SimpleEntry<>(m, null)));
        for (TypeModel t : h.types()) {
            if (t instanceof TypeModel.ResourceModel r) {
                b.addSuperinterface(r.name().nestedClass(ResourceGenerator.OPS));
                r.methods().forEach(m -> all.add(new AbstractMap.SimpleEntry<>(m, r)));
            }
        }
        for (Map.Entry<MethodModel, TypeModel.ResourceModel> e : all) {
            MethodModel m = e.getKey();
            String f = members.unique("fn" + WorldGenerator.upperFirst(WorldGenerator.FuncNames.abi(m.abiName())));
            b.addField(FieldSpec.builder(DirectGlue.EXPORT_FUNCTION, f, Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            ctor.addStatement("this.$N = exports.func($S).typed()", f, m.abiName());
            methods.add(exportCall(m, f, e.getValue(), CodeBlock.of("this.$N.$N", accessor, f))
                    .build());
        }
        b.addMethod(ctor.build());
        methods.forEach(b::addMethod);
        return b.build();
    }
}
