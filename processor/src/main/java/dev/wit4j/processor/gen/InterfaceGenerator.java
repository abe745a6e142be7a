package dev.wit4j.processor.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.TypeModel;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * A holder → one top-level Java interface: its functions as abstract methods, its WIT types as
 * nested types (through the per-kind generators).
 */
public final class InterfaceGenerator {
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    /** The value of {@code @Generated}. */
    public static final String GENERATOR = "dev.wit4j.processor.WitWorldProcessor";

    private InterfaceGenerator() {}

    /**
     * @param qualify simple names that must always be written qualified (top-level names of this
     *     package that clash with JDK or runtime types)
     */
    public static JavaFile generate(Holder h, Element origin, Set<String> qualify) {
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(h.name())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", GENERATOR)
                        .build())
                .addJavadoc(Javadocs.of(h.docs())
                        .paragraph(role(h))
                        .gate(h.stability())
                        .build())
                .addOriginatingElement(origin);
        if (h.suppressDeprecation()) {
            b.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "deprecation")
                    .build());
        }
        Javadocs.deprecatedAnnotation(h.stability()).ifPresent(b::addAnnotation);
        if (!qualify.isEmpty()) {
            b.alwaysQualify(qualify.toArray(new String[0]));
        }
        for (TypeModel t : h.types()) {
            b.addType(nested(t, h.name(), h.methods()));
        }
        for (MethodModel m : h.methods()) {
            b.addMethod(Methods.abstractMethod(m));
        }
        return JavaFile.builder(h.name().packageName(), b.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    /** @param holderMethods the holder's functions, among them the resources' constructors and static functions */
    static TypeSpec nested(TypeModel t, ClassName holder, List<MethodModel> holderMethods) {
        if (t instanceof TypeModel.RecordModel r) {
            return RecordGenerator.generate(r);
        } else if (t instanceof TypeModel.EnumModel e) {
            return EnumGenerator.generate(e);
        } else if (t instanceof TypeModel.FlagsModel f) {
            return FlagsGenerator.generate(f);
        } else if (t instanceof TypeModel.VariantModel v) {
            return VariantGenerator.generate(v);
        }
        TypeModel.ResourceModel r = (TypeModel.ResourceModel) t;
        return ResourceGenerator.generate(r, holder, holderMethods);
    }

    private static String role(Holder h) {
        String unsigned = "\nUnsigned WIT integers are carried in the Java primitive of the same width (read them\n"
                + "with {@link Integer#toUnsignedLong(int)} and friends); {@code char} is an {@code int} code point.";
        switch (h.kind()) {
            case IMPORTED_INTERFACE:
                if (h.methods().isEmpty()) {
                    return "The types of imported interface {@code " + h.witName() + "}; it has no functions."
                            + unsigned;
                }
                return "Imported interface {@code " + h.witName() + "}: the host implements it." + unsigned;
            case EXPORTED_INTERFACE:
                if (h.methods().isEmpty()) {
                    return "The types of exported interface {@code " + h.witName() + "}; it has no functions."
                            + unsigned;
                }
                return "Exported interface {@code " + h.witName() + "}: the component provides it; the world class's\n"
                        + "accessor returns an implementation that calls into the component."
                        + unsigned;
            case WORLD_IMPORTS:
                return "The functions and types that world {@code " + h.witName()
                        + "} imports directly: the host implements it." + unsigned;
            default:
                return "The functions that world {@code " + h.witName() + "} exports directly." + unsigned;
        }
    }
}
