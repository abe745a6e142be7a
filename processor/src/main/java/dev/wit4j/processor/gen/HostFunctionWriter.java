package dev.wit4j.processor.gen;

import static dev.wit4j.processor.gen.RuntimeNames.LINKER;
import static dev.wit4j.processor.gen.RuntimeNames.LINKER_INSTANCE;
import static dev.wit4j.processor.gen.RuntimeNames.TRAP;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The host side of a world's imports: per imported interface (or the world's own imported
 * functions) a method that defines its resources and its functions in a linker, each function a
 * flat host function that lifts the guest's arguments, calls the Java implementation and lowers
 * the result through {@link DirectGlue}; and the method that turns what host code throws into the
 * trap the calling component sees.
 */
final class HostFunctionWriter {
    private final MemberNames members;
    private final DirectGlue direct;
    /** The world's handle-table field of each imported resource. */
    private final Map<ClassName, String> tables;
    /** The name of the method {@link #hostTrapMethod()} writes. */
    private final String hostTrap;

    HostFunctionWriter(MemberNames members, DirectGlue direct, Map<ClassName, String> tables, String hostTrap) {
        this.members = members;
        this.direct = direct;
        this.tables = tables;
        this.hostTrap = hostTrap;
    }

    /** Links the imported holder {@code h}: its resources, and host functions calling the implementation. */
    Optional<MethodSpec> linkMethod(Holder h) {
        List<TypeModel.ResourceModel> resources = new ArrayList<>();
        for (TypeModel t : h.types()) {
            if (t instanceof TypeModel.ResourceModel r && !r.exported()) {
                resources.add(r);
            }
        }
        if (h.methods().isEmpty() && resources.isEmpty()) {
            return Optional.empty();
        }
        MethodSpec.Builder b = MethodSpec.methodBuilder(
                        members.unique("link" + h.name().simpleName()))
                .addModifiers(Modifier.PRIVATE)
                .addParameter(LINKER, "linker");
        boolean root = h.externName().isEmpty();
        String target = root ? "linker" : "li";
        if (!h.methods().isEmpty()) {
            b.addParameter(h.name(), "impl");
        }
        if (root) {
            b.addJavadoc("Defines the world's own imports in {@code linker}.\n");
        } else {
            b.addJavadoc("Defines the import {@code $L} in {@code linker}.\n", h.externName());
            b.addStatement("$T li = linker.instance($S)", LINKER_INSTANCE, h.externName());
        }
        for (TypeModel.ResourceModel r : resources) {
            b.addStatement("$N.resource($S, $N.type())", target, r.witName(), tables.get(r.name()));
        }
        String where = root ? "" : h.externName() + "#";
        for (MethodModel m : h.methods()) {
            b.addCode(flatHostFunction(target, where, m, null));
        }
        for (TypeModel.ResourceModel r : resources) {
            for (MethodModel m : r.methods()) {
                b.addCode(flatHostFunction(target, where, m, r));
            }
        }
        return Optional.of(b.build());
    }

    /** Whether {@link DirectGlue} handles every type of the imported function {@code m}. */
    private boolean typedImport(MethodModel m) {
        for (MethodModel.Param p : m.params()) {
            if (!direct.supports(p.shape(), true)) {
                return false;
            }
        }
        return m.result().map(r -> direct.supports(r, false)).orElse(true);
    }

    /**
     * A host function on flat core values (CanonicalABI.md {@code canon_lower} seen from the host):
     * lifts the arguments from the flat values or, beyond {@code MAX_FLAT_PARAMS}, from the tuple
     * the caller passed by pointer; calls the implementation ({@code self}: the receiver of an
     * imported resource's method, lifted as a borrow); lowers the result into one flat value or,
     * beyond {@code MAX_FLAT_RESULTS}, into the return area whose pointer is the last argument.
     */
    private CodeBlock flatHostFunction(String target, String where, MethodModel m, TypeModel.ResourceModel self) {
        if (!typedImport(m)) {
            // every shape a world can have without an error reported is handled by DirectGlue
            throw new IllegalStateException("no glue for the types of `" + m.abiName() + "`");
        }
        direct.resetNames();
        AbiLayout layout = direct.layout();
        List<Shape> params = new ArrayList<>();
        if (self != null) {
            params.add(new Shape.Handle(self.name(), true, false));
        }
        m.params().forEach(p -> params.add(p.shape()));
        List<AbiLayout.Flat> flatParams = layout.flattenAll(params);
        boolean spilled = flatParams.size() > AbiLayout.MAX_FLAT_PARAMS;
        List<AbiLayout.Flat> coreParams = new ArrayList<>(spilled ? List.of(AbiLayout.Flat.I32) : flatParams);
        List<AbiLayout.Flat> flatResult = m.result().map(layout::flatten).orElse(List.of());
        boolean returnArea = flatResult.size() > AbiLayout.MAX_FLAT_RESULTS;
        if (returnArea) {
            coreParams.add(AbiLayout.Flat.I32);
        }
        String signature = spell(coreParams) + " -> " + spell(returnArea ? List.of() : flatResult);
        CodeBlock.Builder c = CodeBlock.builder()
                .add("$N.flatFunc($S, $S, (_cx, _args) -> {\n", target, m.abiName(), signature)
                .indent()
                .beginControlFlow("try");
        List<CodeBlock> args = new ArrayList<>();
        if (spilled) {
            // lift_flat_values beyond MAX_FLAT_PARAMS: the arguments are a tuple in the caller's memory
            c.addStatement(
                    "long _p = _cx.checkPointer(_args[0], $L, $L)",
                    layout.tupleAlignment(params),
                    layout.tupleSize(params));
            List<Long> offsets = layout.fieldOffsets(params);
            for (int i = 0; i < params.size(); i++) {
                args.add(direct.load(params.get(i), "_cx", DirectGlue.plus(CodeBlock.of("_p"), offsets.get(i))));
            }
        } else {
            int at = 0;
            for (Shape p : params) {
                args.add(direct.liftFlat(p, "_cx", "_args", at));
                at += layout.flatten(p).size();
            }
        }
        CodeBlock receiver = self == null ? CodeBlock.of("impl") : args.remove(0);
        CodeBlock.Builder list = CodeBlock.builder();
        for (int i = 0; i < args.size(); i++) {
            list.add(i == 0 ? "" : ", ").add(args.get(i));
        }
        CodeBlock call = CodeBlock.of("$L.$N($L)", receiver, m.javaName(), list.build());
        if (m.returns().isPresent()) {
            Shape r = m.result().orElseThrow();
            c.addStatement("$T _r = $L", m.returns().get(), call);
            // The host's value: null where WIT has none is refused naming it (the trap names the function too).
            DirectGlue.Subject result = new DirectGlue.Subject(
                    "result of `" + m.abiName() + "`", !m.returns().get().isPrimitive());
            if (returnArea) {
                // lower_flat_values beyond MAX_FLAT_RESULTS: store into the caller's return area
                c.addStatement(
                        "long _q = _cx.checkPointer(_args[$L], $L, $L)",
                        coreParams.size() - 1,
                        layout.alignment(r),
                        layout.size(r));
                direct.store(r, "_cx", CodeBlock.of("_r"), CodeBlock.of("_q"), c, result);
                c.addStatement("return new long[0]");
            } else {
                c.addStatement("long[] _o = new long[$L]", flatResult.size());
                direct.lowerFlat(r, "_cx", CodeBlock.of("_r"), "_o", 0, c, result);
                c.addStatement("return _o");
            }
        } else {
            c.addStatement("$L", call).addStatement("return new long[0]");
        }
        c.nextControlFlow("catch ($T _e)", RuntimeException.class)
                .addStatement("throw $N($S, _e)", hostTrap, where + m.abiName())
                .endControlFlow();
        return c.unindent().add("});\n").build();
    }

    private static String spell(List<AbiLayout.Flat> flat) {
        StringBuilder b = new StringBuilder();
        for (AbiLayout.Flat f : flat) {
            b.append(b.length() == 0 ? "" : " ").append(f.spelled());
        }
        return b.toString();
    }

    MethodSpec hostTrapMethod() {
        return MethodSpec.methodBuilder(hostTrap)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TRAP)
                .addParameter(String.class, "function")
                .addParameter(RuntimeException.class, "e")
                .addJavadoc(
                        "An exception thrown by host code, as the trap the calling component sees (the exception\n"
                                + "is its cause and {@link $T#hostException()}).\n",
                        TRAP)
                .beginControlFlow("if (e instanceof $T t)", TRAP)
                .addStatement("return t")
                .endControlFlow()
                .addStatement(
                        "return new $T($T.Reason.CORE_TRAP, $S + function + $S + e, e)",
                        TRAP,
                        TRAP,
                        "host implementation of `",
                        "` threw ")
                .build();
    }
}
