package dev.wit4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.Holder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** The world's {@code Imports} class: the host's implementations of its imports, and their builder. */
final class ImportsWriter {
    private ImportsWriter() {}

    /**
     * The {@code Imports} class {@code importsClass} of world {@code world}: a field per holder of
     * {@code implemented}, named by {@code fields}, and its builder.
     */
    static TypeSpec type(ClassName importsClass, String world, List<Holder> implemented, Map<Holder, String> fields) {
        ClassName builder = importsClass.nestedClass("Builder");
        TypeSpec.Builder t = TypeSpec.classBuilder(importsClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "The host's implementations of the imports of world {@code $L}; build with {@link #builder()}.\n",
                        world);
        TypeSpec.Builder bb = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Collects the implementations; {@link #build()} checks that none is missing.\n");
        MethodSpec.Builder ctor =
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(builder, "b");
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(importsClass)
                .addJavadoc(
                        "The imports.\n\n@throws IllegalStateException naming every import without implementation\n")
                .addStatement("$T<String> missing = new $T<>()", List.class, ArrayList.class);
        for (Holder h : implemented) {
            String n = fields.get(h);
            t.addField(FieldSpec.builder(h.name(), n, Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            ctor.addStatement("this.$N = b.$N", n, n);
            bb.addField(FieldSpec.builder(h.name(), n, Modifier.PRIVATE).build());
            String what = h.kind() == Holder.Kind.WORLD_IMPORTS
                    ? "the functions world `" + world + "` imports"
                    : "imported interface `" + h.witName() + "`";
            bb.addMethod(MethodSpec.methodBuilder(n)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(builder)
                    .addParameter(h.name(), "implementation")
                    .addJavadoc(
                            "Sets the implementation of $L.\n",
                            h.kind() == Holder.Kind.WORLD_IMPORTS
                                    ? "the functions that the world imports directly"
                                    : "imported interface {@code " + h.witName() + "}")
                    .addStatement("this.$N = $T.requireNonNull(implementation, $S)", n, Objects.class, n)
                    .addStatement("return this")
                    .build());
            build.beginControlFlow("if ($N == null)", n)
                    .addStatement("missing.add($S)", what + " (" + h.name().simpleName() + "): call " + n + "(...)")
                    .endControlFlow();
        }
        build.beginControlFlow("if (!missing.isEmpty())")
                .addStatement(
                        "throw new $T($S + String.join($S, missing))",
                        IllegalStateException.class,
                        "no implementation of ",
                        "; of ")
                .endControlFlow()
                .addStatement("return new $T(this)", importsClass);
        bb.addMethod(
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        bb.addMethod(build.build());
        t.addMethod(ctor.build());
        t.addMethod(MethodSpec.methodBuilder("builder")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builder)
                .addJavadoc("A builder with no implementation set.\n")
                .addStatement("return new $T()", builder)
                .build());
        t.addType(bb.build());
        return t.build();
    }

    /** The names of the {@code Imports} members. */
    static final class Names {
        private Names() {}

        /** The builder method (and field) for holder {@code h}: lowerCamel of its Java name. */
        static String setter(Holder h) {
            String n = dev.wit4j.processor.Names.escape(
                    MemberNames.lowerFirst(h.name().simpleName()));
            return n.equals("build") || n.equals("builder") ? n + "_" : n;
        }
    }
}
