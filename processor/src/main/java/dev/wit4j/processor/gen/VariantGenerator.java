package dev.wit4j.processor.gen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.TypeModel;
import javax.lang.model.element.Modifier;

/**
 * WIT {@code variant} → sealed interface with one nested record per case: {@code value} holds the
 * payload; a case without payload is a record without components (all instances are equal).
 */
public final class VariantGenerator {
    private VariantGenerator() {}

    public static TypeSpec generate(TypeModel.VariantModel v) {
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(v.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.SEALED)
                .addJavadoc(Javadocs.of(v.docs())
                        .paragraph("WIT variant {@code " + v.witName() + "}: one record per case.")
                        .gate(v.stability())
                        .build());
        Javadocs.deprecatedAnnotation(v.stability()).ifPresent(b::addAnnotation);
        for (TypeModel.Case c : v.cases()) {
            MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
            Javadocs doc = Javadocs.of(c.docs()).paragraph("Case {@code " + c.witName() + "}.");
            c.payload().ifPresent(t -> {
                ctor.addParameter(ParameterSpec.builder(t, c.payloadAccessor()).build());
                doc.param(c.payloadAccessor(), c.payloadWitType().isEmpty() ? "the payload" : c.payloadWitType());
            });
            b.addType(TypeSpec.recordBuilder(c.name())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addSuperinterface(v.name())
                    .recordConstructor(ctor.build())
                    .addJavadoc(doc.build())
                    .build());
            b.addPermittedSubclass(c.name());
        }
        return b.build();
    }
}
