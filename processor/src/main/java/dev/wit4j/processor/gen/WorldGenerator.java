package dev.wit4j.processor.gen;

import static dev.wit4j.processor.gen.RuntimeNames.COMPONENT;
import static dev.wit4j.processor.gen.RuntimeNames.ENGINE;
import static dev.wit4j.processor.gen.RuntimeNames.INSTANCE;
import static dev.wit4j.processor.gen.RuntimeNames.LINKER;
import static dev.wit4j.processor.gen.RuntimeNames.TRAP;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.wit4j.processor.Names;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The WASI host of the {@code wasi} module; used only when it is on the class path. */
    public static final ClassName WASI_CONTEXT = RuntimeNames.WASI_CONTEXT;

    private static final String INSTANCE_FIELD = "instance";

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
    /** The {@code Imports} field (and builder method) of each holder of {@link #implemented}. */
    private final Map<Holder, String> importFields = new IdentityHashMap<>();
    /** Whether factories also take a {@code WasiContext} ({@link Bindings#definesWasi()}). */
    private final boolean wasi;

    private final ExportCallWriter exportCalls;
    /** The holder of the world's own exported functions, if it has any. */
    private final Optional<Holder> worldExports;
    /** Names of the class's public members, taken first. */
    private final MemberNames publicNames = new MemberNames(List.of("instantiate"));
    /** The accessor (and field) of each exported interface, in the order of the world's exports. */
    private final Map<Holder, String> accessors = new LinkedHashMap<>();
    /** The field of each of the world's exported functions. */
    private final Map<MethodModel, String> worldFuncs = new LinkedHashMap<>();

    private String linkName;
    private String linkImports;
    private final HostFunctionWriter hostFunctions;

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
        this.worldExports = bindings.holders().stream()
                .filter(h -> h.kind() == Holder.Kind.WORLD_EXPORTS)
                .findFirst();
        this.exportCalls = new ExportCallWriter(bindings, members, direct, rtSources);
        this.hostFunctions = new HostFunctionWriter(members, direct, tables, hostTrap);
        // unique even when two holders share a simple name (Java-first interfaces of two Java packages)
        Set<String> importFieldNames = new HashSet<>();
        for (Holder h : implemented) {
            importFields.put(h, uniqueIn(importFieldNames, ImportsWriter.Names.setter(h)));
        }
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

    /**
     * The world class, in the order its names must be taken: public names (accessors of exported
     * interfaces, the world's exported functions) before internal ones, the import-linking methods
     * before the export calls, and the export calls before the constructors, which look up the
     * resource types those calls turned out to need.
     */
    private JavaFile build(Element origin, Set<String> qualify, boolean suppressDeprecation) {
        TypeSpec.Builder b = header(origin, qualify, suppressDeprecation);
        addStateFields(b);
        nameExports();
        addExportFields(b);
        List<MethodSpec> links = linkMethods();
        List<MethodSpec> exportCalls = worldExportCalls();
        List<TypeSpec> implTypes = implTypes();
        List<MethodSpec> glueHelpers = direct.helpers(); // may ask for resource types too
        addResourceTypeFields(b);
        addConstructors(b);
        FactoryWriter factories = new FactoryWriter(bindings, importsClass, hasImports());
        b.addMethod(factories.link(linkName, linkImports));
        factories.write(b);
        addAccessors(b);
        exportCalls.forEach(b::addMethod);
        links.forEach(b::addMethod);
        implTypes.forEach(b::addType);
        b.addMethod(hostFunctions.hostTrapMethod());
        glueHelpers.forEach(b::addMethod);
        if (hasImports()) {
            b.addType(ImportsWriter.type(importsClass, bindings.world(), implemented, importFields));
        }
        if (!tables.isEmpty()) {
            b.addType(HandleTableWriter.type(handleTable, hostTrap));
        }
        return JavaFile.builder(world.packageName(), b.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private boolean hasImports() {
        return !implemented.isEmpty();
    }

    private TypeSpec.Builder header(Element origin, Set<String> qualify, boolean suppressDeprecation) {
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
        return b;
    }

    /** The component instance and the handle tables of imported resources. */
    private void addStateFields(TypeSpec.Builder b) {
        members.take(INSTANCE_FIELD);
        b.addField(FieldSpec.builder(INSTANCE, INSTANCE_FIELD, Modifier.PRIVATE, Modifier.FINAL)
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
    }

    /**
     * Names the accessors of exported interfaces (public API, so chosen before internal names) and
     * the fields of the world's exported functions.
     */
    private void nameExports() {
        worldExports.ifPresent(h -> h.methods().forEach(m -> publicNames.take(m.javaName())));
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
        worldExports.ifPresent(h ->
                h.methods().forEach(m -> worldFuncs.put(m, members.unique("fn" + upperFirst(m.javaName())))));
    }

    private void addExportFields(TypeSpec.Builder b) {
        worldFuncs.forEach(
                (m, f) -> b.addField(FieldSpec.builder(DirectGlue.EXPORT_FUNCTION, f, Modifier.PRIVATE, Modifier.FINAL)
                        .build()));
        for (Map.Entry<Holder, String> a : accessors.entrySet()) {
            b.addField(FieldSpec.builder(implClasses.get(a.getKey()), a.getValue(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
        }
    }

    /**
     * The method that defines every import in a linker, then one per imported interface (and one
     * for the world's own imported functions) that it calls.
     */
    private List<MethodSpec> linkMethods() {
        linkName = publicNames.unique("link");
        members.take(linkName);
        linkImports = members.unique("linkImports");
        MethodSpec.Builder linkAll = MethodSpec.methodBuilder(linkImports)
                .addModifiers(Modifier.PRIVATE)
                .addParameter(LINKER, "linker")
                .addJavadoc(
                        "Defines all imports in {@code linker}, their resources backed by this object's handle tables.\n");
        if (hasImports()) {
            linkAll.addParameter(importsClass, "imports");
        }
        List<MethodSpec> linkMethods = new ArrayList<>();
        for (Holder h : bindings.holders()) {
            if (h.kind().exported()) {
                continue;
            }
            Optional<MethodSpec> link = hostFunctions.linkMethod(h);
            if (link.isPresent()) {
                linkMethods.add(link.get());
                if (h.methods().isEmpty()) {
                    linkAll.addStatement("$N(linker)", link.get());
                } else {
                    linkAll.addStatement("$N(linker, imports.$N)", link.get(), importFields.get(h));
                }
            }
        }
        linkMethods.add(0, linkAll.build());
        return linkMethods;
    }

    private List<MethodSpec> worldExportCalls() {
        List<MethodSpec> methods = new ArrayList<>();
        for (Map.Entry<MethodModel, String> f : worldFuncs.entrySet()) {
            methods.add(exportCalls
                    .exportCall(f.getKey(), f.getValue(), null, CodeBlock.of("this.$N", f.getValue()))
                    .build());
        }
        return methods;
    }

    private List<TypeSpec> implTypes() {
        List<TypeSpec> types = new ArrayList<>();
        for (Map.Entry<Holder, String> a : accessors.entrySet()) {
            types.add(exportCalls.implClass(a.getKey(), implClasses.get(a.getKey()), a.getValue()));
        }
        return types;
    }

    /** The run-time resource types of exported resources that the glue asked for. */
    private void addResourceTypeFields(TypeSpec.Builder b) {
        for (Map.Entry<ClassName, String> rt : rtFields.entrySet()) {
            b.addField(FieldSpec.builder(DirectGlue.RESOURCE_TYPE, rt.getValue(), Modifier.PRIVATE, Modifier.FINAL)
                    .build());
            if (!rtSources.containsKey(rt.getKey())) {
                throw new IllegalStateException("no exported function mentions resource " + rt.getKey());
            }
        }
    }

    /**
     * Three constructors: one links the imports (into a new linker, or the caller's when there are
     * imports or WASI to define: it may hold limits), instantiates and looks up the exports; one
     * instantiates with a linker the caller filled (see {@code instantiate(Linker, Component)}); and
     * one, for the public {@code link} method, only owns the handle tables of the host functions
     * it links.
     */
    private void addConstructors(TypeSpec.Builder b) {
        boolean linkerCtor = hasImports() || wasi;
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(linkerCtor ? LINKER : ENGINE, linkerCtor ? "linker" : "engine")
                .addParameter(COMPONENT, "component");
        if (hasImports()) {
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
        ctor.addStatement("$N(linker$L)", linkImports, hasImports() ? ", imports" : "");
        MethodSpec.Builder linkedCtor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(LINKER, "linker")
                .addParameter(COMPONENT, "component");
        for (MethodSpec.Builder c : List.of(ctor, linkedCtor)) {
            c.addStatement("this.$N = linker.instantiate(component)", INSTANCE_FIELD);
            for (Map.Entry<MethodModel, String> f : worldFuncs.entrySet()) {
                c.addStatement(
                        "this.$N = $N.func($S).typed()",
                        f.getValue(),
                        INSTANCE_FIELD,
                        f.getKey().abiName());
            }
            for (Map.Entry<Holder, String> a : accessors.entrySet()) {
                c.addStatement(
                        "this.$N = new $T($N.exportedInstance($S))",
                        a.getValue(),
                        implClasses.get(a.getKey()),
                        INSTANCE_FIELD,
                        a.getKey().externName());
            }
            for (Map.Entry<ClassName, String> rt : rtFields.entrySet()) {
                c.addStatement("this.$N = $L", rt.getValue(), rtSources.get(rt.getKey()));
            }
        }
        MethodSpec.Builder linkOnly = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc(
                        "An object without component instance: it only owns the handle tables of the host functions\n"
                                + "that {@link #$N} defines.\n",
                        linkName)
                .addStatement("this.$N = null", INSTANCE_FIELD);
        worldFuncs.values().forEach(f -> linkOnly.addStatement("this.$N = null", f));
        accessors.values().forEach(a -> linkOnly.addStatement("this.$N = null", a));
        rtFields.values().forEach(f -> linkOnly.addStatement("this.$N = null", f));
        b.addMethod(linkOnly.build());
        b.addMethod(ctor.build());
        b.addMethod(linkedCtor.build());
    }

    /** {@code instance()}, for the dynamic API, and an accessor per exported interface. */
    private void addAccessors(TypeSpec.Builder b) {
        b.addMethod(MethodSpec.methodBuilder(publicNames.unique("instance"))
                .addModifiers(Modifier.PUBLIC)
                .returns(INSTANCE)
                .addJavadoc(
                        "The component instance, for the dynamic API ({@link $T#func(String)} and friends).\n",
                        INSTANCE)
                .addStatement("return $N", INSTANCE_FIELD)
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

    static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Field names derived from WIT function names. */
    static final class FuncNames {
        private FuncNames() {}

        /** {@code [method]counter.increment} → {@code methodCounterIncrement}. */
        static String abi(String abiName) {
            return Names.lowerCamel(abiName).replaceAll("_$", "");
        }
    }
}
