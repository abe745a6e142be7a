package dev.wit4j.processor.gen;

import static dev.wit4j.processor.gen.RuntimeNames.HOST_RESOURCE;
import static dev.wit4j.processor.gen.RuntimeNames.OWN;
import static dev.wit4j.processor.gen.RuntimeNames.VALUE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** The handle table nested in a world class that has imported resources. */
final class HandleTableWriter {

    private HandleTableWriter() {}

    /**
     * The class {@code handleTable}: the host objects of one imported resource type by
     * representation, behind the handles the component holds; {@code hostTrap} names the world
     * class's method that makes a destructor's failure a trap.
     */
    static TypeSpec type(ClassName handleTable, String hostTrap) {
        TypeVariableName t = TypeVariableName.get("T");
        ClassName integer = ClassName.get(Integer.class);
        return TypeSpec.classBuilder(handleTable)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addTypeVariable(t)
                .addJavadoc("The host objects of one imported resource type by representation: the component holds\n"
                        + "handles to them; its drop of an owned handle closes an {@link AutoCloseable} object.\n"
                        + "An object lent to the component ({@code borrow}) stays registered.\n")
                .addField(FieldSpec.builder(HOST_RESOURCE, "type", Modifier.PRIVATE, Modifier.FINAL)
                        .build())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(ClassName.get(Map.class), integer, t),
                                "objects",
                                Modifier.PRIVATE,
                                Modifier.FINAL)
                        .initializer("new $T<>()", HashMap.class)
                        .build())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(ClassName.get(Map.class), t, integer),
                                "reps",
                                Modifier.PRIVATE,
                                Modifier.FINAL)
                        .initializer("new $T<>()", IdentityHashMap.class)
                        .build())
                .addField(FieldSpec.builder(TypeName.INT, "next", Modifier.PRIVATE)
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "name")
                        .addStatement("this.type = $T.create(name, this::drop)", HOST_RESOURCE)
                        .build())
                .addMethod(MethodSpec.methodBuilder("type")
                        .returns(HOST_RESOURCE)
                        .addStatement("return type")
                        .build())
                .addMethod(MethodSpec.methodBuilder("own")
                        .returns(OWN)
                        .addParameter(t, "object")
                        .addStatement("return type.own(add(object))")
                        .build())
                .addMethod(MethodSpec.methodBuilder("borrow")
                        .returns(VALUE.nestedClass("Borrow"))
                        .addParameter(t, "object")
                        .addStatement(
                                "$T rep = reps.get($T.requireNonNull(object, $S))",
                                integer,
                                Objects.class,
                                "resource object")
                        .addStatement("return type.borrow(rep != null ? rep : add(object))")
                        .build())
                .addMethod(MethodSpec.methodBuilder("rt")
                        .returns(DirectGlue.RESOURCE_TYPE)
                        .addJavadoc("The run-time resource type, for the typed glue.\n")
                        .addStatement("return type.type()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("addRep")
                        .returns(TypeName.INT)
                        .addParameter(t, "object")
                        .addJavadoc(
                                "A new representation for {@code object}, moved to the component as an owned handle.\n")
                        .addStatement("return add(object)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("borrowRep")
                        .returns(TypeName.INT)
                        .addParameter(t, "object")
                        .addJavadoc("The representation of {@code object} lent to the component (registered if new).\n")
                        .addStatement(
                                "$T rep = reps.get($T.requireNonNull(object, $S))",
                                integer,
                                Objects.class,
                                "resource object")
                        .addStatement("return rep != null ? rep : add(object)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("getRep")
                        .returns(t)
                        .addParameter(TypeName.INT, "rep")
                        .addStatement("$T object = objects.get(rep)", t)
                        .beginControlFlow("if (object == null)")
                        .addStatement(
                                "throw new $T($S + rep)",
                                IllegalStateException.class,
                                "no host object for representation ")
                        .endControlFlow()
                        .addStatement("return object")
                        .build())
                .addMethod(MethodSpec.methodBuilder("takeRep")
                        .returns(t)
                        .addParameter(TypeName.INT, "rep")
                        .addJavadoc("Ownership passes to the host: the object leaves the table.\n")
                        .addStatement("$T object = getRep(rep)", t)
                        .addStatement("objects.remove(rep)")
                        .addStatement("reps.remove(object)")
                        .addStatement("return object")
                        .build())
                .addMethod(MethodSpec.methodBuilder("get")
                        .returns(t)
                        .addParameter(VALUE, "handle")
                        .addStatement("$T object = objects.get($T.rep(handle))", t, HOST_RESOURCE)
                        .beginControlFlow("if (object == null)")
                        .addStatement(
                                "throw new $T($S + handle)", IllegalStateException.class, "no host object for handle ")
                        .endControlFlow()
                        .addStatement("return object")
                        .build())
                .addMethod(MethodSpec.methodBuilder("take")
                        .returns(t)
                        .addParameter(VALUE, "handle")
                        .addJavadoc("Ownership passes to the host: the object leaves the table.\n")
                        .addStatement("$T object = get(handle)", t)
                        .addStatement("objects.remove($T.rep(handle))", HOST_RESOURCE)
                        .addStatement("reps.remove(object)")
                        .addStatement("return object")
                        .build())
                .addMethod(MethodSpec.methodBuilder("add")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(TypeName.INT)
                        .addParameter(t, "object")
                        .addStatement("$T.requireNonNull(object, $S)", Objects.class, "resource object")
                        .addStatement("int rep = ++next")
                        .addStatement("objects.put(rep, object)")
                        .addStatement("reps.put(object, rep)")
                        .addStatement("return rep")
                        .build())
                .addMethod(MethodSpec.methodBuilder("drop")
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(TypeName.INT, "rep")
                        .addStatement("$T object = objects.remove(rep)", t)
                        .beginControlFlow("if (object == null)")
                        .addStatement("return")
                        .endControlFlow()
                        .addStatement("reps.remove(object)")
                        .beginControlFlow("if (object instanceof AutoCloseable c)")
                        .beginControlFlow("try")
                        .addStatement("c.close()")
                        .nextControlFlow("catch ($T e)", RuntimeException.class)
                        .addStatement("throw $N(type.name() + $S, e)", hostTrap, " destructor")
                        .nextControlFlow("catch ($T e)", Exception.class)
                        .addStatement(
                                "throw $N(type.name() + $S, new $T(e))",
                                hostTrap,
                                " destructor",
                                RuntimeException.class)
                        .endControlFlow()
                        .endControlFlow()
                        .build())
                .build();
    }
}
