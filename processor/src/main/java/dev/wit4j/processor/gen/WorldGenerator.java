package dev.wit4j.processor.gen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExportedInstance;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.LinkerInstance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * The world class ({@code Calc} for world {@code calc}): a static factory that links the host's
 * implementations of the imports and instantiates a component, a static {@code link} method that
 * defines those implementations in a caller's linker (to combine them with other imports), the world's exported functions as
 * methods, and one accessor per exported interface. Lifting and lowering are left to
 * {@link DirectGlue};
 * this class lays out linking, dispatch and calls.
 */
public final class WorldGenerator {
    static final ClassName ENGINE = ClassName.get(Engine.class);
    static final ClassName COMPONENT = ClassName.get(Component.class);
    static final ClassName LINKER = ClassName.get(Linker.class);
    /** The WASI host of the {@code wasi} module; used only when it is on the class path. */
    public static final ClassName WASI_CONTEXT = ClassName.get("dev.wit4j.wasi", "WasiContext");

    static final ClassName LINKER_INSTANCE = ClassName.get(LinkerInstance.class);
    static final ClassName INSTANCE = ClassName.get(Instance.class);
    static final ClassName EXPORTED_INSTANCE = ClassName.get(ExportedInstance.class);
    static final ClassName HOST_RESOURCE = ClassName.get(HostResource.class);
    static final ClassName TRAP = ClassName.get(Trap.class);
    static final ClassName VALUE = ClassName.get(Value.class);
    static final ClassName OWN = VALUE.nestedClass("Own");

    private final Bindings bindings;
    private final ClassName world;
    private final MemberNames members;
    private final DirectGlue direct;
    /** World fields holding the run-time resource types of exported resources, and where to get each. */
    private final Map<ClassName, String> rtFields = new LinkedHashMap<>();

    private final Map<ClassName, CodeBlock> rtSources = new LinkedHashMap<>();
    private final Map<ClassName, String> tables = new LinkedHashMap<>();
    private final Map<ClassName, String> tableResourceNames = new HashMap<>();
    private final Map<ClassName, String> opsFields = new HashMap<>();
    private final Map<Holder, String> implFields = new IdentityHashMap<>();
    private final Map<Holder, ClassName> implClasses = new IdentityHashMap<>();
    private final ClassName handleTable;
    private final ClassName importsClass;
    private final String hostTrap;
    private final List<Holder> implemented = new ArrayList<>();
    private final Map<Holder, String> importFields = new IdentityHashMap<>();
    private final Set<String> importFieldNames = new HashSet<>();
    /** Whether factories also take a {@code WasiContext} ({@link Bindings#definesWasi()}). */
    private final boolean wasi;

    private WorldGenerator(Bindings bindings) {
        this.bindings = bindings;
        this.wasi = bindings.definesWasi();
        this.world = bindings.worldClass();
        List<String> reserved = new ArrayList<>(List.of(
                "instance",
                "instantiate",
                "equals",
                "hashCode",
                "toString",
                "getClass",
                "wait",
                "notify",
                "notifyAll",
                "clone",
                "finalize"));
        Map<ClassName, TypeModel> types = new HashMap<>();
        for (Holder h : bindings.holders()) {
            for (MethodModel m : h.methods()) {
                reserved.add(m.javaName());
            }
            for (TypeModel t : h.types()) {
                types.put(t.name(), t);
                if (t instanceof TypeModel.ResourceModel r) {
                    r.methods().forEach(m -> reserved.add(m.javaName()));
                }
            }
        }
        this.members = new MemberNames(reserved);
        Set<String> nested = new HashSet<>(List.of(world.simpleName()));
        this.importsClass = world.nestedClass(uniqueIn(nested, "Imports"));
        this.handleTable = world.nestedClass(uniqueIn(nested, "HandleTable"));
        for (Holder h : bindings.holders()) {
            for (TypeModel t : h.types()) {
                if (t instanceof TypeModel.ResourceModel r && !r.exported()) {
                    tables.put(
                            r.name(),
                            members.unique(MemberNames.lowerFirst(h.name().simpleName())
                                    + r.name().simpleName() + "Table"));
                    tableResourceNames.put(r.name(), r.witName());
                }
            }
            if (h.kind() == Holder.Kind.EXPORTED_INTERFACE && hasContent(h)) {
                implClasses.put(h, world.nestedClass(uniqueIn(nested, h.name().simpleName() + "Impl")));
            }
            if (!h.kind().exported() && !h.methods().isEmpty()) {
                implemented.add(h);
            }
        }
        this.hostTrap = members.unique("hostTrap");
        DirectGlue.Handles handles = new DirectGlue.Handles() {
            @Override
            public String table(ClassName resource) {
                return tables.get(resource);
            }

            @Override
            public String ops(ClassName resource) {
                return opsFields.get(resource);
            }

            @Override
            public String resourceType(ClassName resource) {
                return rtFields.computeIfAbsent(resource, r -> members.unique("rt" + r.simpleName()));
            }
        };
        this.direct = new DirectGlue(types, members, handles);
    }

    private static String uniqueIn(Set<String> taken, String name) {
        String n = name;
        while (!taken.add(n)) {
            n = n + "_";
        }
        return n;
    }

    private static boolean hasContent(Holder h) {
        return !h.methods().isEmpty() || h.types().stream().anyMatch(t -> t instanceof TypeModel.ResourceModel);
    }

    /** The world class for {@code bindings}. */
    public static JavaFile generate(
            Bindings bindings, Element origin, Set<String> qualify, boolean suppressDeprecation) {
        return new WorldGenerator(bindings).build(origin, qualify, suppressDeprecation);
    }

    private JavaFile build(Element origin, Set<String> qualify, boolean suppressDeprecation) {
        Optional<Holder> worldExports = bindings.holders().stream()
                .filter(h -> h.kind() == Holder.Kind.WORLD_EXPORTS)
                .findFirst();
        TypeSpec.Builder b = TypeSpec.classBuilder(world)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(InterfaceGenerator.GENERATED)
                        .addMember("value", "$S", InterfaceGenerator.GENERATOR)
                        .build())
                .addOriginatingElement(origin)
                .addJavadoc(classDoc(worldExports.isPresent()));
        if (suppressDeprecation) {
            b.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "deprecation")
                    .build());
        }
        if (!qualify.isEmpty()) {
            b.alwaysQualify(qualify.toArray(new String[0]));
        }
        worldExports.ifPresent(h -> b.addSuperinterface(h.name()));

        String instanceField = "instance";
        members.take(instanceField);
        b.addField(FieldSpec.builder(INSTANCE, instanceField, Modifier.PRIVATE, Modifier.FINAL)
                .build());
        for (Map.Entry<ClassName, String> t : tables.entrySet()) {
            b.addField(FieldSpec.builder(
                            ParameterizedTypeName.get(handleTable, t.getKey()),
                            t.getValue(),
                            Modifier.PRIVATE,
                            Modifier.FINAL)
                    .initializer("new $T<>($S)", handleTable, tableResourceNames.get(t.getKey()))
                    .build());
        }

        // Accessors of exported interfaces: their names are public API, chosen before internal names.
        MemberNames publicNames = new MemberNames(List.of("instantiate"));
        worldExports.ifPresent(h -> h.methods().forEach(m -> publicNames.take(m.javaName())));
        Map<Holder, String> accessors = new LinkedHashMap<>();
        // In the order of the world's exports (implClasses is keyed by identity, in no stable order).
        for (Holder h : bindings.holders()) {
            if (!implClasses.containsKey(h)) {
                continue;
            }
            String name = publicNames.unique(MemberNames.lowerFirst(h.name().simpleName()));
            accessors.put(h, name);
            members.take(name);
            implFields.put(h, name);
            for (TypeModel t : h.types()) {
                if (t instanceof TypeModel.ResourceModel r) {
                    opsFields.put(r.name(), name);
                }
            }
        }
        Map<MethodModel, String> worldFuncs = new LinkedHashMap<>();
        worldExports.ifPresent(h ->
                h.methods().forEach(m -> worldFuncs.put(m, members.unique("fn" + upperFirst(m.javaName())))));
        worldFuncs.forEach(
                (m, f) -> b.addField(FieldSpec.builder(DirectGlue.EXPORT_FUNCTION, f, Modifier.PRIVATE, Modifier.FINAL)
                        .build()));
        for (Map.Entry<Holder, String> a : accessors.entrySet()) {
            b.addField(FieldSpec.builder(implClasses.get(a.getKey()), a.getValue(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
        }

        // Constructors: one links imports, instantiates and looks up exports; one (for the public link
        // method) only owns the handle tables of the host functions it links.
        boolean imports = !implemented.isEmpty();
        String linkName = publicNames.unique("link");
        members.take(linkName);
        String linkImports = members.unique("linkImports");
        // It takes the linker to fill when it has imports or WASI to define (a caller's linker may
        // hold limits); without, the linker-taking signature is the other constructor's.
        boolean linkerCtor = imports || wasi;
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(linkerCtor ? LINKER : ENGINE, linkerCtor ? "linker" : "engine")
                .addParameter(COMPONENT, "component");
        if (imports) {
            ctor.addParameter(importsClass, "imports");
        }
        if (!linkerCtor) {
            ctor.addStatement("$T linker = engine.linker()", LINKER);
        }
        if (wasi) {
            ctor.addParameter(WASI_CONTEXT, "wasi")
                    .beginControlFlow("if (wasi != null)")
                    .addStatement("wasi.addToLinker(linker)")
                    .endControlFlow();
        }
        ctor.addStatement("$N(linker$L)", linkImports, imports ? ", imports" : "");
        MethodSpec.Builder linkAll = MethodSpec.methodBuilder(linkImports)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(LINKER, "linker")
                .addJavadoc(
                        "Defines all imports in {@code linker}, their resources backed by this object's handle tables.\n");
        if (imports) {
            linkAll.addParameter(importsClass, "imports");
        }
        List<MethodSpec> linkMethods = new ArrayList<>();
        for (Holder h : bindings.holders()) {
            if (h.kind().exported()) {
                continue;
            }
            Optional<MethodSpec> link = linkMethod(h);
            if (link.isPresent()) {
                linkMethods.add(link.get());
                if (h.methods().isEmpty()) {
                    linkAll.addStatement("$N(linker)", link.get());
                } else {
                    linkAll.addStatement("$N(linker, imports.$N)", link.get(), importField(h));
                }
            }
        }
        linkMethods.add(0, linkAll.build());
        // One that instantiates with a linker the caller filled (see instantiate(Linker, Component)).
        MethodSpec.Builder linkedCtor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(LINKER, "linker")
                .addParameter(COMPONENT, "component");
        for (MethodSpec.Builder c : List.of(ctor, linkedCtor)) {
            c.addStatement("this.$N = linker.instantiate(component)", instanceField);
            for (Map.Entry<MethodModel, String> f : worldFuncs.entrySet()) {
                c.addStatement(
                        "this.$N = $N.func($S).typed()",
                        f.getValue(),
                        instanceField,
                        f.getKey().abiName());
            }
            for (Map.Entry<Holder, String> a : accessors.entrySet()) {
                c.addStatement(
                        "this.$N = new $T($N.exportedInstance($S))",
                        a.getValue(),
                        implClasses.get(a.getKey()),
                        instanceField,
                        a.getKey().externName());
            }
        }
        MethodSpec.Builder linkOnly = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "An object without component instance: it only owns the handle tables of the host functions\n"
                                + "that {@link #$N} defines.\n",
                        linkName)
                .addStatement("this.$N = null", instanceField);
        worldFuncs.values().forEach(f -> linkOnly.addStatement("this.$N = null", f));
        accessors.values().forEach(a -> linkOnly.addStatement("this.$N = null", a));

        // The export methods first: they decide which resource types the constructor looks up.
        List<MethodSpec> worldMethods = new ArrayList<>();
        for (Map.Entry<MethodModel, String> f : worldFuncs.entrySet()) {
            worldMethods.add(exportCall(f.getKey(), f.getValue(), null, CodeBlock.of("this.$N", f.getValue()))
                    .build());
        }
        List<TypeSpec> implTypes = new ArrayList<>();
        for (Map.Entry<Holder, String> a : accessors.entrySet()) {
            implTypes.add(implClass(a.getKey(), a.getValue()));
        }
        List<MethodSpec> linkBodies = new ArrayList<>(linkMethods);
        List<MethodSpec> directHelpers = direct.helpers(); // may ask for resource types too
        for (Map.Entry<ClassName, String> rt : rtFields.entrySet()) {
            b.addField(FieldSpec.builder(DirectGlue.RESOURCE_TYPE, rt.getValue(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            linkOnly.addStatement("this.$N = null", rt.getValue());
            CodeBlock source = rtSources.get(rt.getKey());
            if (source == null) {
                throw new IllegalStateException("no exported function mentions resource " + rt.getKey());
            }
            ctor.addStatement("this.$N = $L", rt.getValue(), source);
            linkedCtor.addStatement("this.$N = $L", rt.getValue(), source);
        }
        b.addMethod(linkOnly.build());
        b.addMethod(ctor.build());
        b.addMethod(linkedCtor.build());
        FactoryWriter factories = new FactoryWriter(bindings, importsClass, imports);
        b.addMethod(factories.link(linkName, linkImports));
        factories.write(b);

        b.addMethod(MethodSpec.methodBuilder(publicNames.unique("instance"))
                .addModifiers(Modifier.PUBLIC)
                .returns(INSTANCE)
                .addJavadoc(
                        "The component instance, for the dynamic API ({@link $T#func(String)} and friends).\n",
                        INSTANCE)
                .addStatement("return $N", instanceField)
                .build());
        for (Map.Entry<Holder, String> a : accessors.entrySet()) {
            Holder h = a.getKey();
            b.addMethod(MethodSpec.methodBuilder(a.getValue())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(h.name())
                    .addJavadoc("The component's export {@code $L}, calling into this instance.\n", h.externName())
                    .addStatement("return $N", a.getValue())
                    .build());
        }
        worldMethods.forEach(b::addMethod);
        linkBodies.forEach(b::addMethod);
        implTypes.forEach(b::addType);
        b.addMethod(hostTrapMethod());
        directHelpers.forEach(b::addMethod);
        if (!implemented.isEmpty()) {
            b.addType(importsType());
        }
        if (!tables.isEmpty()) {
            b.addType(HandleTableWriter.type(handleTable, hostTrap));
        }
        return JavaFile.builder(world.packageName(), b.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private CodeBlock classDoc(boolean hasWorldExports) {
        CodeBlock.Builder d = CodeBlock.builder()
                .add(
                        "World {@code $L}: instantiates a component of this world with the host's implementations of\n",
                        bindings.world())
                .add("its imports and calls its exports with Java values.\n\n<pre>{@code\n");
        String imports = implemented.isEmpty() ? "" : ", imports";
        d.add(
                "$L w = $L.instantiate(Engine.create(), Path.of(\"$L.wasm\")$L);\n}</pre>\n",
                world.simpleName(),
                world.simpleName(),
                MemberNames.lowerFirst(world.simpleName()),
                imports);
        if (!implemented.isEmpty()) {
            d.add(
                            "\n<p>{@link $T} bundles the implementations of the imports; an exception thrown by one\n",
                            importsClass)
                    .add("traps the calling component (a {@link $T}).\n", TRAP);
        }
        if (hasWorldExports) {
            d.add("\n<p>The world's exported functions are methods of this class; exported interfaces are reached\n"
                    + "through their accessors.\n");
        }
        d.add(
                        "\n<p><b>One call at a time:</b> like its {@link $T}; a call from another thread while one runs is\n",
                        INSTANCE)
                .add("refused with an {@link $T}. Give each thread its own instance.\n", IllegalStateException.class)
                .add(
                        "\n<p>Values are lifted and lowered by code generated per function, straight through the runtime's\n")
                .add("canonical ABI primitives ({@code dev.wit4j.runtime.bindings}).\n");
        return d.build();
    }

    // ---------------------------------------------------------------------------------------
    // Exports

    /**
     * A method calling the exported function held in field {@code func} (reached as {@code funcRef});
     * {@code self} is the receiver parameter for resource methods (passed borrowed), else null. The
     * values are lifted and lowered by {@link DirectGlue}.
     */
    private MethodSpec.Builder exportCall(MethodModel m, String func, TypeModel.ResourceModel self, CodeBlock funcRef) {
        MethodSpec.Builder b = MethodSpec.methodBuilder(m.javaName())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class);
        if (!typed(m, self)) {
            // every shape a world can have without an error reported is handled by DirectGlue
            throw new IllegalStateException("no glue for the types of `" + m.abiName() + "`");
        }
        return typedExportCall(b, m, func, self, funcRef);
    }

    /** A null argument of an exported function is refused before the call, naming it and the function. */
    private static void requireArgument(MethodSpec.Builder b, MethodModel m, MethodModel.Param p) {
        if (!p.type().isPrimitive()) {
            b.addStatement(
                    "$T.requireNonNull($N, $S)",
                    Objects.class,
                    p.javaName(),
                    "argument `" + p.javaName() + "` of `" + m.abiName() + "` is null");
        }
    }

    /** Whether {@link DirectGlue} handles every type of the exported function {@code m}. */
    private boolean typed(MethodModel m, TypeModel.ResourceModel self) {
        for (MethodModel.Param p : m.params()) {
            if (!direct.supports(p.shape(), false)) {
                return false;
            }
        }
        return m.result().map(r -> direct.supports(r, true)).orElse(true);
    }

    /** Whether {@link DirectGlue} handles every type of the imported function {@code m}. */
    private boolean typedImport(MethodModel m) {
        for (MethodModel.Param p : m.params()) {
            if (!direct.supports(p.shape(), true)) {
                return false;
            }
        }
        return m.result().map(r -> direct.supports(r, false)).orElse(true);
    }

    /**
     * The typed call (CanonicalABI.md {@code canon_lift} seen from the host): enter, lower the
     * arguments as flat values or, beyond {@code MAX_FLAT_PARAMS}, into memory allocated with
     * {@code realloc}; call; lift the result from the flat value or, beyond
     * {@code MAX_FLAT_RESULTS}, from the returned pointer; then finish (borrow check,
     * post-return), poisoning on failure.
     */
    private MethodSpec.Builder typedExportCall(
            MethodSpec.Builder b, MethodModel m, String func, TypeModel.ResourceModel self, CodeBlock funcRef) {
        direct.resetNames();
        List<Shape> params = new ArrayList<>();
        List<CodeBlock> values = new ArrayList<>();
        // What the arguments are, in messages about null values inside them (they are not null themselves).
        List<DirectGlue.Subject> subjects = new ArrayList<>();
        if (self != null) {
            String selfName = ResourceGenerator.selfName(m);
            b.addParameter(self.name(), selfName);
            params.add(new Shape.Handle(self.name(), true, true));
            values.add(CodeBlock.of("$N", selfName));
            subjects.add(new DirectGlue.Subject("the resource of `" + m.abiName() + "`", false));
        }
        for (MethodModel.Param p : m.params()) {
            b.addParameter(p.type(), p.javaName());
            requireArgument(b, m, p);
            params.add(p.shape());
            values.add(CodeBlock.of("$N", p.javaName()));
            subjects.add(new DirectGlue.Subject("argument `" + p.javaName() + "` of `" + m.abiName() + "`", false));
        }
        List<Shape> mentioned = new ArrayList<>(params);
        m.result().ifPresent(mentioned::add);
        List<Shape.Handle> handles = new ArrayList<>();
        mentioned.forEach(s -> collectHandles(s, handles));
        for (int i = 0; i < handles.size(); i++) {
            if (handles.get(i).exported()) {
                rtSources.putIfAbsent(handles.get(i).resource(), CodeBlock.of("$L.resource($L)", funcRef, i));
            }
        }
        AbiLayout layout = direct.layout();
        CodeBlock.Builder c = CodeBlock.builder();
        c.addStatement("$T _cx = $N.enter()", DirectGlue.CONTEXT, func).beginControlFlow("try");
        int flat = layout.flattenAll(params).size();
        if (flat <= AbiLayout.MAX_FLAT_PARAMS) {
            c.addStatement("long[] _a = new long[$L]", flat);
            int at = 0;
            for (int i = 0; i < params.size(); i++) {
                direct.lowerFlat(params.get(i), "_cx", values.get(i), "_a", at, c, subjects.get(i));
                at += layout.flatten(params.get(i)).size();
            }
        } else {
            // lower_flat_values beyond MAX_FLAT_PARAMS: the arguments as a tuple in memory from realloc
            c.addStatement("long _p = _cx.allocate($L, $L)", layout.tupleAlignment(params), layout.tupleSize(params));
            List<Long> offsets = layout.fieldOffsets(params);
            for (int i = 0; i < params.size(); i++) {
                direct.store(
                        params.get(i),
                        "_cx",
                        values.get(i),
                        DirectGlue.plus(CodeBlock.of("_p"), offsets.get(i)),
                        c,
                        subjects.get(i));
            }
            c.addStatement("long[] _a = {_p}");
        }
        c.addStatement("long[] _r = $N.call(_a)", func);
        if (m.result().isPresent()) {
            Shape r = m.result().get();
            b.returns(m.returns().orElseThrow());
            if (layout.flatten(r).size() <= AbiLayout.MAX_FLAT_RESULTS) {
                c.addStatement("$T _v = $L", m.returns().get(), direct.liftFlat(r, "_cx", "_r", 0));
            } else {
                // lift_flat_values beyond MAX_FLAT_RESULTS: the core function returned a pointer to the result
                c.addStatement("long _q = _cx.checkPointer(_r[0], $L, $L)", layout.alignment(r), layout.size(r));
                c.addStatement("$T _v = $L", m.returns().get(), direct.load(r, "_cx", CodeBlock.of("_q")));
            }
            c.addStatement("$N.finish(_r)", func).addStatement("return _v");
        } else {
            c.addStatement("$N.finish(_r)", func);
        }
        c.nextControlFlow(
                        "catch ($T | $T | $T _e)",
                        RuntimeException.class,
                        StackOverflowError.class,
                        OutOfMemoryError.class)
                .addStatement("throw $N.fail(_e)", func)
                .nextControlFlow("finally")
                .addStatement("$N.exit()", func)
                .endControlFlow();
        return b.addCode(c.build());
    }

    /**
     * The handles inside {@code s}, depth first in the order of {@code ExportFunction.resource(int)}:
     * record fields, tuple elements, variant cases, option and result payloads, list elements.
     */
    private void collectHandles(Shape s, List<Shape.Handle> out) {
        if (s instanceof Shape.Handle h) {
            out.add(h);
        } else if (s instanceof Shape.ListOf l) {
            collectHandles(l.element(), out);
        } else if (s instanceof Shape.OptionOf o) {
            collectHandles(o.value(), out);
        } else if (s instanceof Shape.ResultOf r) {
            r.ok().ifPresent(x -> collectHandles(x, out));
            r.err().ifPresent(x -> collectHandles(x, out));
        } else if (s instanceof Shape.TupleOf t) {
            t.elements().forEach(x -> collectHandles(x, out));
        } else if (s instanceof Shape.Named n) {
            TypeModel t = typeOf(n.type());
            if (t instanceof TypeModel.RecordModel r) {
                r.fields().forEach(f -> collectHandles(f.shape(), out));
            } else if (t instanceof TypeModel.VariantModel v) {
                v.cases().forEach(k -> k.payloadShape().ifPresent(x -> collectHandles(x, out)));
            }
        }
    }

    private TypeModel typeOf(ClassName name) {
        for (Holder h : bindings.holders()) {
            for (TypeModel t : h.types()) {
                if (t.name().equals(name)) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("no type " + name);
    }

    private TypeSpec implClass(Holder h, String accessor) {
        ClassName name = implClasses.get(h);
        TypeSpec.Builder b = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
                .addSuperinterface(h.name())
                .addJavadoc("Calls into the component's export {@code $L}.\n", h.externName());
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addParameter(EXPORTED_INSTANCE, "exports");
        List<MethodSpec> methods = new ArrayList<>();
        List<Map.Entry<MethodModel, TypeModel.ResourceModel>> all = new ArrayList<>();
        h.methods().forEach(m -> all.add(new AbstractMap.SimpleEntry<>(m, null)));
        for (TypeModel t : h.types()) {
            if (t instanceof TypeModel.ResourceModel r) {
                b.addSuperinterface(r.name().nestedClass(ResourceGenerator.OPS));
                r.methods().forEach(m -> all.add(new AbstractMap.SimpleEntry<>(m, r)));
            }
        }
        for (Map.Entry<MethodModel, TypeModel.ResourceModel> e : all) {
            MethodModel m = e.getKey();
            String f = members.unique("fn" + upperFirst(FuncNames.abi(m.abiName())));
            b.addField(FieldSpec.builder(DirectGlue.EXPORT_FUNCTION, f, Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            ctor.addStatement("this.$N = exports.func($S).typed()", f, m.abiName());
            methods.add(exportCall(m, f, e.getValue(), CodeBlock.of("this.$N.$N", accessor, f))
                    .build());
        }
        b.addMethod(ctor.build());
        methods.forEach(b::addMethod);
        return b.build();
    }

    // ---------------------------------------------------------------------------------------
    // Imports

    private String importField(Holder h) {
        // Unique even when two holders share a simple name (Java-first interfaces of two Java packages).
        return importFields.computeIfAbsent(h, x -> uniqueIn(importFieldNames, ImportsNames.setter(x)));
    }

    /** Links the imported holder {@code h}: its resources, and host functions calling the implementation. */
    private Optional<MethodSpec> linkMethod(Holder h) {
        List<TypeModel.ResourceModel> resources = new ArrayList<>();
        for (TypeModel t : h.types()) {
            if (t instanceof TypeModel.ResourceModel r && !r.exported()) {
                resources.add(r);
            }
        }
        if (h.methods().isEmpty() && resources.isEmpty()) {
            return Optional.empty();
        }
        MethodSpec.Builder b = MethodSpec.methodBuilder(
                        members.unique("link" + h.name().simpleName()))
                .addModifiers(Modifier.PRIVATE)
                .addParameter(LINKER, "linker");
        boolean root = h.externName().isEmpty();
        String target = root ? "linker" : "li";
        if (!h.methods().isEmpty()) {
            b.addParameter(h.name(), "impl");
        }
        if (root) {
            b.addJavadoc("Defines the world's own imports in {@code linker}.\n");
        } else {
            b.addJavadoc("Defines the import {@code $L} in {@code linker}.\n", h.externName());
            b.addStatement("$T li = linker.instance($S)", LINKER_INSTANCE, h.externName());
        }
        for (TypeModel.ResourceModel r : resources) {
            b.addStatement("$N.resource($S, $N.type())", target, r.witName(), tables.get(r.name()));
        }
        String where = root ? "" : h.externName() + "#";
        for (MethodModel m : h.methods()) {
            b.addCode(flatHostFunction(target, where, m, null));
        }
        for (TypeModel.ResourceModel r : resources) {
            for (MethodModel m : r.methods()) {
                b.addCode(flatHostFunction(target, where, m, r));
            }
        }
        return Optional.of(b.build());
    }

    /**
     * A host function on flat core values (CanonicalABI.md {@code canon_lower} seen from the host):
     * lifts the arguments from the flat values or, beyond {@code MAX_FLAT_PARAMS}, from the tuple
     * the caller passed by pointer; calls the implementation ({@code self}: the receiver of an
     * imported resource's method, lifted as a borrow); lowers the result into one flat value or,
     * beyond {@code MAX_FLAT_RESULTS}, into the return area whose pointer is the last argument.
     */
    private CodeBlock flatHostFunction(String target, String where, MethodModel m, TypeModel.ResourceModel self) {
        if (!typedImport(m)) {
            // every shape a world can have without an error reported is handled by DirectGlue
            throw new IllegalStateException("no glue for the types of `" + m.abiName() + "`");
        }
        direct.resetNames();
        AbiLayout layout = direct.layout();
        List<Shape> params = new ArrayList<>();
        if (self != null) {
            params.add(new Shape.Handle(self.name(), true, false));
        }
        m.params().forEach(p -> params.add(p.shape()));
        List<AbiLayout.Flat> flatParams = layout.flattenAll(params);
        boolean spilled = flatParams.size() > AbiLayout.MAX_FLAT_PARAMS;
        List<AbiLayout.Flat> coreParams = new ArrayList<>(spilled ? List.of(AbiLayout.Flat.I32) : flatParams);
        List<AbiLayout.Flat> flatResult = m.result().map(layout::flatten).orElse(List.of());
        boolean returnArea = flatResult.size() > AbiLayout.MAX_FLAT_RESULTS;
        if (returnArea) {
            coreParams.add(AbiLayout.Flat.I32);
        }
        String signature = spell(coreParams) + " -> " + spell(returnArea ? List.of() : flatResult);
        CodeBlock.Builder c = CodeBlock.builder()
                .add("$N.flatFunc($S, $S, (_cx, _args) -> {\n", target, m.abiName(), signature)
                .indent()
                .beginControlFlow("try");
        List<CodeBlock> args = new ArrayList<>();
        if (spilled) {
            // lift_flat_values beyond MAX_FLAT_PARAMS: the arguments are a tuple in the caller's memory
            c.addStatement(
                    "long _p = _cx.checkPointer(_args[0], $L, $L)",
                    layout.tupleAlignment(params),
                    layout.tupleSize(params));
            List<Long> offsets = layout.fieldOffsets(params);
            for (int i = 0; i < params.size(); i++) {
                args.add(direct.load(params.get(i), "_cx", DirectGlue.plus(CodeBlock.of("_p"), offsets.get(i))));
            }
        } else {
            int at = 0;
            for (Shape p : params) {
                args.add(direct.liftFlat(p, "_cx", "_args", at));
                at += layout.flatten(p).size();
            }
        }
        CodeBlock receiver = self == null ? CodeBlock.of("impl") : args.remove(0);
        CodeBlock.Builder list = CodeBlock.builder();
        for (int i = 0; i < args.size(); i++) {
            list.add(i == 0 ? "" : ", ").add(args.get(i));
        }
        CodeBlock call = CodeBlock.of("$L.$N($L)", receiver, m.javaName(), list.build());
        if (m.returns().isPresent()) {
            Shape r = m.result().orElseThrow();
            c.addStatement("$T _r = $L", m.returns().get(), call);
            // The host's value: null where WIT has none is refused naming it (the trap names the function too).
            DirectGlue.Subject result = new DirectGlue.Subject(
                    "result of `" + m.abiName() + "`", !m.returns().get().isPrimitive());
            if (returnArea) {
                // lower_flat_values beyond MAX_FLAT_RESULTS: store into the caller's return area
                c.addStatement(
                        "long _q = _cx.checkPointer(_args[$L], $L, $L)",
                        coreParams.size() - 1,
                        layout.alignment(r),
                        layout.size(r));
                direct.store(r, "_cx", CodeBlock.of("_r"), CodeBlock.of("_q"), c, result);
                c.addStatement("return new long[0]");
            } else {
                c.addStatement("long[] _o = new long[$L]", flatResult.size());
                direct.lowerFlat(r, "_cx", CodeBlock.of("_r"), "_o", 0, c, result);
                c.addStatement("return _o");
            }
        } else {
            c.addStatement("$L", call).addStatement("return new long[0]");
        }
        c.nextControlFlow("catch ($T _e)", RuntimeException.class)
                .addStatement("throw $N($S, _e)", hostTrap, where + m.abiName())
                .endControlFlow();
        return c.unindent().add("});\n").build();
    }

    private static String spell(List<AbiLayout.Flat> flat) {
        StringBuilder b = new StringBuilder();
        for (AbiLayout.Flat f : flat) {
            b.append(b.length() == 0 ? "" : " ").append(f.spelled());
        }
        return b.toString();
    }

    private MethodSpec hostTrapMethod() {
        return MethodSpec.methodBuilder(hostTrap)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(TRAP)
                .addParameter(String.class, "function")
                .addParameter(RuntimeException.class, "e")
                .addJavadoc(
                        "An exception thrown by host code, as the trap the calling component sees (the exception\n"
                                + "is its cause and {@link $T#hostException()}).\n",
                        TRAP)
                .beginControlFlow("if (e instanceof $T t)", TRAP)
                .addStatement("return t")
                .endControlFlow()
                .addStatement(
                        "return new $T($T.Reason.CORE_TRAP, $S + function + $S + e, e)",
                        TRAP,
                        TRAP,
                        "host implementation of `",
                        "` threw ")
                .build();
    }

    private TypeSpec importsType() {
        ClassName builder = importsClass.nestedClass("Builder");
        TypeSpec.Builder t = TypeSpec.classBuilder(importsClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(
                        "The host's implementations of the imports of world {@code $L}; build with {@link #builder()}.\n",
                        bindings.world());
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
            String n = importField(h);
            t.addField(FieldSpec.builder(h.name(), n, Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            ctor.addStatement("this.$N = b.$N", n, n);
            bb.addField(FieldSpec.builder(h.name(), n, Modifier.PRIVATE).build());
            String what = h.kind() == Holder.Kind.WORLD_IMPORTS
                    ? "the functions world `" + bindings.world() + "` imports"
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

    static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Field names derived from WIT function names. */
    static final class FuncNames {
        private FuncNames() {}

        /** {@code [method]counter.increment} → {@code methodCounterIncrement}. */
        static String abi(String abiName) {
            return dev.wit4j.processor.Names.lowerCamel(abiName).replaceAll("_$", "");
        }
    }

    /** The names of the {@code Imports} members. */
    static final class ImportsNames {
        private ImportsNames() {}

        /** The builder method (and field) for holder {@code h}: lowerCamel of its Java name. */
        static String setter(Holder h) {
            String n = dev.wit4j.processor.Names.escape(
                    MemberNames.lowerFirst(h.name().simpleName()));
            return n.equals("build") || n.equals("builder") ? n + "_" : n;
        }
    }
}
