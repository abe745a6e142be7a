package dev.wit4j.processor.gen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.TypeModel;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** WIT {@code record} → Java record, one component per field in declaration order. */
public final class RecordGenerator {
    private RecordGenerator() {}

    public static TypeSpec generate(TypeModel.RecordModel r) {
        Javadocs doc = Javadocs.of(r.docs()).paragraph("WIT record {@code " + r.witName() + "}.");
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder();
        for (TypeModel.Field f : r.fields()) {
            ctor.addParameter(ParameterSpec.builder(f.type(), f.javaName()).build());
            String text = f.docs().contents().map(Javadocs::html).orElse("");
            if (!f.witType().isEmpty()) {
                text = text.isEmpty() ? f.witType() : text + " (" + f.witType() + ")";
            }
            doc.param(f.javaName(), text);
        }
        TypeSpec.Builder b = TypeSpec.recordBuilder(r.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .recordConstructor(ctor.build())
                .addJavadoc(doc.gate(r.stability()).build());
        // a null field is refused where the record is made, naming it, not later inside a call
        MethodSpec.Builder checks = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        boolean any = false;
        for (TypeModel.Field f : r.fields()) {
            if (!f.type().isPrimitive()) {
                checks.addStatement(
                        "$T.requireNonNull($N, $S)",
                        Objects.class,
                        f.javaName(),
                        "field `" + f.javaName() + "` of record `" + r.witName() + "` is null");
                any = true;
            }
        }
        if (any) {
            b.addMethod(checks.build());
        }
        Javadocs.deprecatedAnnotation(r.stability()).ifPresent(b::addAnnotation);
        return b.build();
    }
}
