package dev.wit4j.processor.gen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.wit4j.processor.model.MethodModel;
import javax.lang.model.element.Modifier;

/** The signature and Javadoc shared by every generated method for a WIT function. */
final class Methods {
    private Methods() {}

    static MethodSpec.Builder signature(MethodModel m) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(m.javaName()).addModifiers(Modifier.PUBLIC);
        Javadocs doc = Javadocs.of(m.docs());
        String resource = m.resource().orElse("");
        switch (m.role()) {
            case CONSTRUCTOR:
                doc.paragraph("Constructor of resource {@code " + resource + "}.");
                break;
            case STATIC:
                doc.paragraph("Static function {@code " + m.witName() + "} of resource {@code " + resource + "}.");
                break;
            default:
                break;
        }
        for (MethodModel.Param p : m.params()) {
            b.addParameter(ParameterSpec.builder(p.type(), p.javaName()).build());
            doc.param(p.javaName(), p.witType());
        }
        m.returns().ifPresent(b::returns);
        doc.returns(m.returnWitType()).gate(m.stability());
        b.addJavadoc(doc.build());
        Javadocs.deprecatedAnnotation(m.stability()).ifPresent(b::addAnnotation);
        return b;
    }

    /** An abstract interface method. */
    static MethodSpec abstractMethod(MethodModel m) {
        return signature(m).addModifiers(Modifier.ABSTRACT).build();
    }
}
