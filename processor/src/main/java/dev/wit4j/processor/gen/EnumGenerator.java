package dev.wit4j.processor.gen;

import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.Names;
import dev.wit4j.processor.model.TypeModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/** WIT {@code enum} → Java enum, one constant per case in declaration order. */
public final class EnumGenerator {
    private EnumGenerator() {}

    public static TypeSpec generate(TypeModel.EnumModel e) {
        return build(e, Javadocs.of(e.docs()).paragraph("WIT enum {@code " + e.witName() + "}."), e.cases());
    }

    static TypeSpec build(TypeModel t, Javadocs doc, List<TypeModel.Constant> constants) {
        TypeSpec.Builder b = TypeSpec.enumBuilder(t.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(doc.gate(t.stability()).build());
        Javadocs.deprecatedAnnotation(t.stability()).ifPresent(b::addAnnotation);
        for (TypeModel.Constant c : constants) {
            TypeSpec.Builder cb = TypeSpec.anonymousClassBuilder("");
            Javadocs cd = Javadocs.of(c.docs());
            if (!c.javaName().equals(Names.upperSnake(c.witName()))) {
                cd.paragraph("WIT {@code " + c.witName() + "}.");
            }
            cb.addJavadoc(cd.build());
            b.addEnumConstant(c.javaName(), cb.build());
        }
        return b.build();
    }
}
