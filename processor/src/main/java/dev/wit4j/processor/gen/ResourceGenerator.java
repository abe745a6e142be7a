package dev.wit4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.TypeModel;
import javax.lang.model.element.Modifier;

/**
 * WIT {@code resource}. Imported: an interface the host implements for its objects (constructor
 * and static functions are methods of the enclosing interface). Exported: a final class holding
 * the component's handle, {@link AutoCloseable} (close drops the handle).
 */
public final class ResourceGenerator {
    /** The text of the exception thrown by the methods of exported resources until the runtime bindings land. */
    public static final String PENDING = "bindings for calls into components come with the runtime";

    private ResourceGenerator() {
    }

    public static TypeSpec generate(TypeModel.ResourceModel r, ClassName holder) {
        return r.exported() ? exported(r, holder) : imported(r, holder);
    }

    private static TypeSpec imported(TypeModel.ResourceModel r, ClassName holder) {
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(r.name()).addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(Javadocs.of(r.docs()).paragraph("Imported WIT resource {@code " + r.witName()
                        + "}: the host implements this interface for its objects\nand the component holds handles to them."
                        + " Its constructor and static functions, if any, are methods of {@link " + holder.simpleName()
                        + "}\n({@code new" + r.name().simpleName() + "}, {@code " + lower(r.name().simpleName()) + "…}).")
                        .gate(r.stability()).build());
        Javadocs.deprecatedAnnotation(r.stability()).ifPresent(b::addAnnotation);
        for (MethodModel m : r.methods()) {
            b.addMethod(Methods.abstractMethod(m));
        }
        return b.build();
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static TypeSpec exported(TypeModel.ResourceModel r, ClassName holder) {
        TypeSpec.Builder b = TypeSpec.classBuilder(r.name()).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addJavadoc(Javadocs.of(r.docs()).paragraph("Exported WIT resource {@code " + r.witName()
                        + "}: a handle owned by the component; {@link #close()} drops it.")
                        .paragraph("<b>Pending:</b> " + PENDING + ";\nuntil then every method, {@link #close()} included,"
                                + " throws {@link UnsupportedOperationException}.")
                        .gate(r.stability()).build());
        Javadocs.deprecatedAnnotation(r.stability()).ifPresent(b::addAnnotation);
        b.addField(FieldSpec.builder(TypeName.INT, "handle", Modifier.PRIVATE, Modifier.FINAL).build());
        b.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("Wraps a handle of the component's handle table.\n")
                .addParameter(TypeName.INT, "handle")
                .addStatement("this.handle = handle").build());
        b.addMethod(MethodSpec.methodBuilder("handle").returns(TypeName.INT)
                .addJavadoc("The handle index in the component's handle table.\n")
                .addStatement("return handle").build());
        for (MethodModel m : r.methods()) {
            b.addMethod(Methods.signature(m)
                    .addStatement("throw new $T($S)", UnsupportedOperationException.class, PENDING).build());
        }
        b.addMethod(MethodSpec.methodBuilder("close").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                .addJavadoc("Drops the handle.\n")
                .addStatement("throw new $T($S)", UnsupportedOperationException.class, PENDING).build());
        return b.build();
    }
}
