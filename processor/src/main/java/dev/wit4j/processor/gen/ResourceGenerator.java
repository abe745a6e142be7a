package dev.wit4j.processor.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.TypeModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * WIT {@code resource}. Imported: an interface the host implements for its objects (constructor
 * and static functions are methods of the enclosing interface). Exported: a final class holding
 * the component's handle, {@link AutoCloseable} (close drops the handle).
 */
public final class ResourceGenerator {
    private ResourceGenerator() {}

    /**
     * @param holderMethods the methods of {@code holder}, among them the resource's constructor
     *     and static functions, if it has any
     */
    public static TypeSpec generate(TypeModel.ResourceModel r, ClassName holder, List<MethodModel> holderMethods) {
        boolean constructor = has(holderMethods, r, MethodModel.Role.CONSTRUCTOR);
        return r.exported()
                ? exported(r, holder, constructor)
                : imported(r, holder, constructor, has(holderMethods, r, MethodModel.Role.STATIC));
    }

    /** Whether {@code methods} (a holder's) include one of {@code role} of resource {@code r}. */
    private static boolean has(List<MethodModel> methods, TypeModel.ResourceModel r, MethodModel.Role role) {
        return methods.stream().anyMatch(m -> m.role() == role && m.resource().equals(Optional.of(r.witName())));
    }

    private static TypeSpec imported(
            TypeModel.ResourceModel r, ClassName holder, boolean constructor, boolean statics) {
        String newName = "{@code new" + r.name().simpleName() + "}";
        String staticNames = "{@code " + lower(r.name().simpleName()) + "…}";
        String where = constructor && statics
                ? " Its constructor and static functions are methods of {@link " + holder.simpleName() + "}\n("
                        + newName + ", " + staticNames + ")."
                : constructor
                        ? " Its constructor is the method " + newName + " of {@link " + holder.simpleName() + "}."
                        : statics
                                ? " Its static functions are methods of {@link " + holder.simpleName() + "} ("
                                        + staticNames + ")."
                                : "";
        TypeSpec.Builder b = TypeSpec.interfaceBuilder(r.name())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(Javadocs.of(r.docs())
                        .paragraph("Imported WIT resource {@code " + r.witName()
                                + "}: the host implements this interface for its objects\nand the component holds handles to them."
                                + where)
                        .gate(r.stability())
                        .build());
        Javadocs.deprecatedAnnotation(r.stability()).ifPresent(b::addAnnotation);
        for (MethodModel m : r.methods()) {
            b.addMethod(Methods.abstractMethod(m));
        }
        return b.build();
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Java-first: the static method of a handle class that checks a resource object is one of its instances. */
    public static final String OF = "of";

    /** The nested interface of an exported resource class through which its methods call the component. */
    public static final String OPS = "Ops";

    /**
     * Java-first: the top-level handle class of an exported resource, implementing the user's
     * resource interface ({@link TypeModel.ResourceModel#javaInterface()}); {@code holderMethods}
     * as for {@link #generate} (its Javadoc names a constructor only if there is one).
     */
    public static JavaFile topLevel(TypeModel.ResourceModel r, List<MethodModel> holderMethods, Element origin) {
        TypeSpec t = exported(r, r.name(), has(holderMethods, r, MethodModel.Role.CONSTRUCTOR)).toBuilder()
                .addAnnotation(AnnotationSpec.builder(InterfaceGenerator.GENERATED)
                        .addMember("value", "$S", InterfaceGenerator.GENERATOR)
                        .build())
                .addOriginatingElement(origin)
                .build();
        return JavaFile.builder(r.name().packageName(), t)
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private static TypeSpec exported(TypeModel.ResourceModel r, ClassName holder, boolean constructor) {
        ClassName ops = r.name().nestedClass(OPS);
        TypeSpec.Builder b = TypeSpec.classBuilder(r.name())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addJavadoc(Javadocs.of(r.docs())
                        .paragraph("Exported WIT resource {@code " + r.witName()
                                + "}: an owned handle to a resource of the component; its methods call the\ncomponent,"
                                + " {@link #close()} drops the handle (runs the component's destructor). Instances come from"
                                + "\nthe component (" + (constructor ? "constructor, " : "")
                                + "functions returning it) through the world class; one that is"
                                + "\npassed back to the component as an owned value is closed by that.")
                        .gate(r.stability())
                        .build());
        Javadocs.deprecatedAnnotation(r.stability()).ifPresent(b::addAnnotation);
        if (r.javaInterface().isPresent()) {
            b.addSuperinterface(r.javaInterface().get());
            b.addMethod(MethodSpec.methodBuilder(OF)
                    .addModifiers(Modifier.STATIC)
                    .returns(r.name())
                    .addParameter(r.javaInterface().get(), "resource")
                    .addJavadoc("{@code resource} as a handle of the component, for passing it back.\n\n"
                            + "@throws IllegalArgumentException if it is another implementation of the interface\n")
                    .beginControlFlow("if (resource instanceof $T h)", r.name())
                    .addStatement("return h")
                    .endControlFlow()
                    .addStatement(
                            "throw new $T($S + $T.requireNonNull(resource, $S).getClass().getName())",
                            IllegalArgumentException.class,
                            "not a `" + r.witName() + "` of the component (only objects it returned "
                                    + "can be passed back to it): ",
                            Objects.class,
                            r.witName())
                    .build());
        } else {
            b.addModifiers(Modifier.STATIC);
        }
        b.addField(
                FieldSpec.builder(ops, "ops", Modifier.PRIVATE, Modifier.FINAL).build());
        b.addField(FieldSpec.builder(RuntimeNames.OWN, "handle")
                .addJavadoc(
                        "The owned handle; null once closed or moved into the component (set by the world class).\n")
                .build());
        b.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("Wraps an owned handle received from the component.\n")
                .addParameter(ops, "ops")
                .addParameter(RuntimeNames.OWN, "handle")
                .addStatement("this.ops = ops")
                .addStatement("this.handle = handle")
                .build());
        b.addMethod(MethodSpec.methodBuilder("handle")
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeNames.OWN)
                .addJavadoc("The owned handle, for use with the dynamic API.\n\n"
                        + "@throws IllegalStateException if the handle was closed or moved into the component\n")
                .beginControlFlow("if (handle == null)")
                .addStatement(
                        "throw new $T($S)",
                        IllegalStateException.class,
                        "resource `" + r.witName() + "` was closed or passed to the component")
                .endControlFlow()
                .addStatement("return handle")
                .build());
        TypeSpec.Builder opsType = TypeSpec.interfaceBuilder(ops)
                .addJavadoc("Calls into the component; implemented by the world class.\n");
        for (MethodModel m : r.methods()) {
            String self = selfName(m);
            MethodSpec.Builder call = Methods.signature(m);
            if (r.javaInterface().isPresent()) {
                call.addAnnotation(Override.class);
            }
            StringBuilder args = new StringBuilder("this");
            for (MethodModel.Param p : m.params()) {
                args.append(", ").append(p.javaName());
            }
            call.addStatement((m.returns().isPresent() ? "return " : "") + "ops.$N($L)", m.javaName(), args.toString());
            b.addMethod(call.build());
            MethodSpec.Builder op = MethodSpec.methodBuilder(m.javaName())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addParameter(r.name(), self);
            for (MethodModel.Param p : m.params()) {
                op.addParameter(p.type(), p.javaName());
            }
            m.returns().ifPresent(op::returns);
            Javadocs.deprecatedAnnotation(m.stability()).ifPresent(op::addAnnotation);
            opsType.addMethod(op.build());
        }
        b.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("Drops the handle: the component's destructor runs. Does nothing if already closed.\n")
                .addStatement("$T h = handle", RuntimeNames.OWN)
                .beginControlFlow("if (h != null)")
                .addStatement("handle = null")
                .addStatement("$T.drop(h)", RuntimeNames.INSTANCE)
                .endControlFlow()
                .build());
        b.addType(opsType.build());
        return b.build();
    }

    /** The name of the receiver parameter of an {@link #OPS} method: {@code self} unless a parameter has it. */
    static String selfName(MethodModel m) {
        String n = "self";
        while (true) {
            String candidate = n;
            if (m.params().stream().noneMatch(p -> p.javaName().equals(candidate))) {
                return n;
            }
            n = n + "_";
        }
    }
}
