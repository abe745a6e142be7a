package dev.wit4j.processor.gen;

import static dev.wit4j.processor.gen.RuntimeNames.COMPONENT;
import static dev.wit4j.processor.gen.RuntimeNames.ENGINE;
import static dev.wit4j.processor.gen.RuntimeNames.EXPORTED_INSTANCE;
import static dev.wit4j.processor.gen.RuntimeNames.LINKER;
import static dev.wit4j.processor.gen.RuntimeNames.TRAP;
import static dev.wit4j.processor.gen.RuntimeNames.WASI_CONTEXT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.runtime.LinkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The static factories of a world class: {@code instantiate} from an engine, a linker, a file or
 * bytes (with a {@code WasiContext} where the world defines WASI), {@code component(Engine)} for a
 * component compiled at build time, and the public {@code link} method.
 */
final class FactoryWriter {
    private final Bindings bindings;
    private final ClassName world;
    private final ClassName importsClass;
    /** Whether the world has imports the host implements: factories then take them. */
    private final boolean imports;
    /** Whether factories also take a {@code WasiContext} ({@link Bindings#definesWasi()}). */
    private final boolean wasi;

    FactoryWriter(Bindings bindings, ClassName importsClass, boolean imports) {
        this.bindings = bindings;
        this.world = bindings.worldClass();
        this.importsClass = importsClass;
        this.imports = imports;
        this.wasi = bindings.definesWasi();
    }

    /** Adds the {@code instantiate} (and, with a build-time component, {@code component}) factories. */
    void write(TypeSpec.Builder b) {
        String importsArg = imports ? ", imports" : "";
        MethodSpec.Builder main = factory().addParameter(ENGINE, "engine").addParameter(COMPONENT, "component");
        if (imports) {
            main.addParameter(importsClass, "imports");
        }
        main.addJavadoc(
                "Instantiates {@code component} (loaded by {@code engine}) with the host's implementations of the imports.\n\n"
                        + "@throws $T if the component does not match the world (an import cannot be satisfied)\n"
                        + "@throws java.util.NoSuchElementException if it lacks an export of the world\n"
                        + "@throws $T if its start code traps\n",
                ClassName.get(LinkException.class),
                TRAP);
        main.addStatement("$T.requireNonNull(engine, $S)", Objects.class, "engine")
                .addStatement("$T.requireNonNull(component, $S)", Objects.class, "component");
        if (imports) {
            main.addStatement("$T.requireNonNull(imports, $S)", Objects.class, "imports");
        }
        b.addMethod(main.addStatement(
                        "return new $T($L, component$L$L)",
                        world,
                        imports || wasi ? "engine.linker()" : "engine",
                        importsArg,
                        wasi ? ", null" : "")
                .build());
        if (imports) {
            b.addMethod(factory()
                    .addParameter(LINKER, "linker")
                    .addParameter(COMPONENT, "component")
                    .addParameter(importsClass, "imports")
                    .addJavadoc(
                            "Instantiates {@code component} with the host's implementations of the imports defined in\n"
                                    + "{@code linker}, which may hold further definitions and sets the {@link $T#limits limits}\n"
                                    + "the instance is held to. The handles the world's exports pass to the component are those\n"
                                    + "of these imports' resources.\n\n"
                                    + "@throws $T if the component does not match the world (an import cannot be satisfied)\n"
                                    + "@throws $T if {@code linker} already defines one of these imports\n"
                                    + "@throws java.util.NoSuchElementException if it lacks an export of the world\n"
                                    + "@throws $T if its start code traps\n",
                            LINKER,
                            ClassName.get(LinkException.class),
                            IllegalArgumentException.class,
                            TRAP)
                    .addStatement("$T.requireNonNull(linker, $S)", Objects.class, "linker")
                    .addStatement("$T.requireNonNull(component, $S)", Objects.class, "component")
                    .addStatement("$T.requireNonNull(imports, $S)", Objects.class, "imports")
                    .addStatement("return new $T(linker, component, imports$L)", world, wasi ? ", null" : "")
                    .build());
        }
        if (wasi) {
            addWasiFactories(b, imports);
        }
        MethodSpec.Builder path = factory().addParameter(ENGINE, "engine").addParameter(Path.class, "wasm");
        MethodSpec.Builder bytes = factory().addParameter(ENGINE, "engine").addParameter(byte[].class, "wasm");
        MethodSpec.Builder simple = factory().addParameter(Path.class, "wasm");
        for (MethodSpec.Builder m : List.of(path, bytes, simple)) {
            if (imports) {
                m.addParameter(importsClass, "imports");
            }
        }
        b.addMethod(path.addJavadoc("Loads the component file {@code wasm} and instantiates it.\n")
                .addStatement("return instantiate(engine, engine.load(wasm)$L)", importsArg)
                .build());
        b.addMethod(bytes.addJavadoc("Loads the component binary {@code wasm} and instantiates it.\n")
                .addStatement("return instantiate(engine, engine.load(wasm)$L)", importsArg)
                .build());
        b.addMethod(factory()
                .addParameter(LINKER, "linker")
                .addParameter(COMPONENT, "component")
                .addJavadoc(
                        "Instantiates {@code component} with the imports defined in {@code linker}, whatever defines\n"
                                + "them: the {@code link} method of this or another world class (Java implementations), another\n"
                                + "component instance's exports ({@link $T#instance(String, $T)}), WASI, host functions. This is how\n"
                                + "a Java implementation stands in for a component (virtualisation): link it where the other\n"
                                + "component's export would go; the canonical ABI applies at the boundary either way.\n\n"
                                + "@throws $T if an import is missing or does not match\n"
                                + "@throws java.util.NoSuchElementException if the component lacks an export of the world\n"
                                + "@throws $T if its start code traps\n",
                        LINKER,
                        EXPORTED_INSTANCE,
                        ClassName.get(LinkException.class),
                        TRAP)
                .addStatement("$T.requireNonNull(linker, $S)", Objects.class, "linker")
                .addStatement("$T.requireNonNull(component, $S)", Objects.class, "component")
                .addStatement("return new $T(linker, component)", world)
                .build());
        b.addMethod(simple.addJavadoc(
                        "Loads the component file {@code wasm} with a new default engine and instantiates it.\n"
                                + "Create one {@link $T} and share it when loading several components.\n",
                        ENGINE)
                .addStatement("$T engine = $T.create()", ENGINE, ENGINE)
                .addStatement("return instantiate(engine, engine.load(wasm)$L)", importsArg)
                .build());
        bindings.precompiled().ifPresent(resource -> addPrecompiledFactories(b, resource, imports));
    }

    /**
     * Factories that also define WASI from a {@code WasiContext}: what components built by jco,
     * cargo-component or wasi-sdk import beyond the world.
     */
    private void addWasiFactories(TypeSpec.Builder b, boolean imports) {
        String importsArg = imports ? ", imports" : "";
        MethodSpec.Builder main = factory().addParameter(ENGINE, "engine").addParameter(COMPONENT, "component");
        MethodSpec.Builder path = factory().addParameter(ENGINE, "engine").addParameter(Path.class, "wasm");
        for (MethodSpec.Builder m : List.of(main, path)) {
            if (imports) {
                m.addParameter(importsClass, "imports");
            }
            m.addParameter(WASI_CONTEXT, "wasi");
        }
        main.addJavadoc(
                        "Instantiates {@code component} (loaded by {@code engine}) with the host's implementations of the\n"
                                + "imports and with WASI defined by {@code wasi} ({@link $T#addToLinker}): for components\n"
                                + "that import WASI besides the world, as those built by jco, cargo-component and wasi-sdk do.\n\n"
                                + "<pre>{@code\n$T w = $T.instantiate(engine, component$L, $T.builder().inheritStdio().build());\n}</pre>\n\n"
                                + hostedWasiDoc()
                                + "@throws $T if the component imports what neither the world nor WASI defines\n"
                                + "@throws java.util.NoSuchElementException if it lacks an export of the world\n"
                                + "@throws $T if its start code traps\n",
                        WASI_CONTEXT,
                        world,
                        world,
                        importsArg,
                        WASI_CONTEXT,
                        ClassName.get(LinkException.class),
                        TRAP)
                .addStatement("$T.requireNonNull(engine, $S)", Objects.class, "engine")
                .addStatement("$T.requireNonNull(component, $S)", Objects.class, "component");
        if (imports) {
            main.addStatement("$T.requireNonNull(imports, $S)", Objects.class, "imports");
        }
        b.addMethod(main.addStatement("$T.requireNonNull(wasi, $S)", Objects.class, "wasi")
                .addStatement("return new $T(engine.linker(), component$L, wasi)", world, importsArg)
                .build());
        b.addMethod(path.addJavadoc(
                        "Loads the component file {@code wasm} and instantiates it with WASI defined by {@code wasi}.\n")
                .addStatement("return instantiate(engine, engine.load(wasm)$L, wasi)", importsArg)
                .build());
    }

    /** A paragraph naming the world's own WASI imports, which {@code wasi} defines; empty if there are none. */
    private String hostedWasiDoc() {
        if (bindings.hostedWasi().isEmpty()) return "";
        String names = bindings.hostedWasi().stream()
                .map(h -> "{@code " + h.externName() + "}")
                .collect(Collectors.joining(",\n"));
        return "The world's own WASI imports are defined by {@code wasi} too (the application does not implement\n"
                + "them):\n" + names.replace("$", "$$") + ".\n\n";
    }

    /**
     * For a component compiled into the application at build time: {@code component(Engine)} loads it
     * from the class path resource, {@code instantiate()} (with the imports, if any) instantiates it.
     */
    private void addPrecompiledFactories(TypeSpec.Builder b, String resource, boolean imports) {
        String importsArg = imports ? ", imports" : "";
        b.addMethod(MethodSpec.methodBuilder("component")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(COMPONENT)
                .addParameter(ENGINE, "engine")
                .addJavadoc(
                        "The component compiled into this application at build time, loaded by {@code engine}: its\n"
                                + "core code runs the JVM classes compiled then; nothing is decoded, validated or compiled now.\n"
                                + "Load it once per engine and instantiate it as often as needed.\n\n"
                                + "@throws IllegalStateException if the resource {@code $L} is missing from the class path\n"
                                + "@throws IllegalArgumentException if it was compiled by another wit4j version (build again)\n",
                        resource)
                .addStatement("$T.requireNonNull(engine, $S)", Objects.class, "engine")
                .beginControlFlow("try ($T in = $T.class.getResourceAsStream($S))", InputStream.class, world, resource)
                .beginControlFlow("if (in == null)")
                .addStatement(
                        "throw new $T($S)",
                        IllegalStateException.class,
                        resource + " is missing from the class path" + " beside " + world.canonicalName()
                                + " (it is written when the bindings are generated)")
                .endControlFlow()
                .addStatement("return engine.deserialize(in, $T.class.getClassLoader())", world)
                .nextControlFlow("catch ($T e)", IOException.class)
                .addStatement("throw new $T(e)", UncheckedIOException.class)
                .endControlFlow()
                .build());
        MethodSpec.Builder instantiate = factory();
        if (imports) {
            instantiate.addParameter(importsClass, "imports");
        }
        b.addMethod(instantiate
                .addJavadoc(
                        "Instantiates the component compiled into this application at build time, with a new\n"
                                + "default engine. To instantiate it often, load it once with {@link #component($T)} and use\n"
                                + "{@code instantiate(engine, component$L)}.\n",
                        ENGINE,
                        importsArg)
                .addStatement("$T engine = $T.create()", ENGINE, ENGINE)
                .addStatement("return instantiate(engine, component(engine)$L)", importsArg)
                .build());
        if (wasi) {
            MethodSpec.Builder withWasi = factory();
            if (imports) {
                withWasi.addParameter(importsClass, "imports");
            }
            b.addMethod(withWasi.addParameter(WASI_CONTEXT, "wasi")
                    .addJavadoc("Instantiates the component compiled into this application at build time, with a new\n"
                            + "default engine and WASI defined by {@code wasi}.\n")
                    .addStatement("$T engine = $T.create()", ENGINE, ENGINE)
                    .addStatement("return instantiate(engine, component(engine)$L, wasi)", importsArg)
                    .build());
        }
    }

    /**
     * The public static method defining the host's implementations of the imports in a caller's
     * linker, so that a component importing this world's interfaces and others can be linked.
     */
    MethodSpec link(String name, String linkImports) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(LINKER)
                .addParameter(LINKER, "linker");
        if (imports) {
            m.addParameter(importsClass, "imports");
        }
        m.addJavadoc(
                        "Defines the host's implementations of the imports of world {@code $L} in {@code linker}, which\n"
                                + "may define further imports of a component; the {@code instantiate} factories link the same way.\n\n",
                        bindings.world())
                .addJavadoc(
                        "<pre>{@code\n$T linker = engine.linker();\n$L.$L(linker$L).func(\"log\", args -> Optional.empty());\n"
                                + "Instance instance = linker.instantiate(component);\n}</pre>\n\n",
                        LINKER,
                        world.simpleName(),
                        name,
                        imports ? ", imports" : "")
                .addJavadoc(
                        "<p>Each call defines new resource types for the imported resources, distinct from those of\n"
                                + "other calls and of the instances that the factories create.\n\n")
                .addJavadoc("@param linker the linker to define the imports in\n");
        if (imports) {
            m.addJavadoc("@param imports the implementations\n");
        }
        m.addJavadoc(
                "@return {@code linker}, for chaining\n"
                        + "@throws IllegalArgumentException if {@code linker} already defines one of these functions or resources\n");
        m.addStatement("$T.requireNonNull(linker, $S)", Objects.class, "linker");
        if (imports) {
            m.addStatement("$T.requireNonNull(imports, $S)", Objects.class, "imports");
        }
        return m.addStatement("new $T().$N(linker$L)", world, linkImports, imports ? ", imports" : "")
                .addStatement("return linker")
                .build();
    }

    private MethodSpec.Builder factory() {
        return MethodSpec.methodBuilder("instantiate")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(world);
    }
}
