package dev.wit4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.wit4j.annotations.WitWorld;
import dev.wit4j.processor.gen.InterfaceGenerator;
import dev.wit4j.processor.gen.ResourceGenerator;
import dev.wit4j.processor.gen.WorldGenerator;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.processor.model.Holder;
import dev.wit4j.processor.model.MethodModel;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.runtime.wit.DecodedWit;
import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * Generates Java bindings for the WIT world named by {@link WitWorld}: finds and resolves the WIT
 * folder, builds the model of what to generate ({@link ModelBuilder}) and writes one source file
 * per holder ({@link InterfaceGenerator}) and the world class ({@link WorldGenerator}). Every problem is reported on the annotated element
 * through {@link Message}; a world with errors generates nothing.
 *
 * <p>Option {@code -Awit4j.projectDir=DIR}: the project base directory that {@link WitWorld#wit()}
 * is relative to. Without it the processor looks above the annotated source file, above the class
 * output folder and in the current directory.
 */
@AutoService(Processor.class)
public final class WitWorldProcessor extends AbstractProcessor {
    /** The processor option naming the project base directory. */
    public static final String PROJECT_DIR_OPTION = "wit4j.projectDir";
    /** {@link WitWorld#wit()}'s default: when it does not exist and a component is given, the component's types are the world. */
    private static final String DEFAULT_WIT = "src/main/wit";
    /** JDK and runtime simple names that generated code refers to; clashing generated names are qualified. */
    private static final Set<String> REFERENCED_NAMES = Set.of(
            "String",
            "Object",
            "Optional",
            "List",
            "Set",
            "Result",
            "Void",
            "Boolean",
            "Byte",
            "Short",
            "Integer",
            "Long",
            "Float",
            "Double",
            "Deprecated",
            "Override",
            "SuppressWarnings",
            "Generated",
            "AutoCloseable",
            "UnsupportedOperationException",
            "Tuple1",
            "Tuple2",
            "Tuple3",
            "Tuple4",
            "Tuple5",
            "Tuple6",
            "Tuple7",
            "Tuple8",
            "Tuple9",
            "Tuple10",
            "Tuple11",
            "Tuple12",
            "Tuple13",
            "Tuple14",
            "Tuple15",
            "Tuple16",
            "Map",
            "Character",
            // used by the world class
            "Engine",
            "Component",
            "Linker",
            "LinkerInstance",
            "Instance",
            "ExportedInstance",
            "Func",
            "HostResource",
            "Trap",
            "Value",
            "Path",
            "Objects",
            "HashMap",
            "IdentityHashMap",
            "LinkedHashMap",
            "LinkedHashSet",
            "ArrayList",
            "EnumSet",
            "Function",
            "RuntimeException",
            "Exception",
            "IllegalStateException",
            "InputStream",
            "IOException",
            "UncheckedIOException",
            "IllegalArgumentException",
            "NullPointerException");

    /** Where the project's files are (made once the processor is initialised). */
    private ProjectFiles files;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        files = new ProjectFiles(processingEnv);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // Also @Generated, which the generated sources carry: unclaimed, javac's -Xlint:processing
        // warns in the next round that no processor claimed it (see process for when it is claimed).
        return Set.of(WitWorld.class.getCanonicalName(), GENERATED);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(PROJECT_DIR_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (Element e : roundEnv.getElementsAnnotatedWith(WitWorld.class)) {
            WitWorld ann = e.getAnnotation(WitWorld.class);
            Diagnostics d = new Diagnostics(processingEnv.getMessager(), e, mirror(e));
            Inputs inputs = new Inputs();
            try {
                processWorld(e, ann, d, inputs);
            } catch (RuntimeException ex) {
                d.report(
                        Message.INTERNAL_ERROR,
                        ex + " at " + (ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : "?"));
            }
            // Also after errors: fixing the WIT alone must then bring the processor back.
            recordInputs(e, inputs, d);
        }
        return claims(annotations, roundEnv);
    }

    private static final String GENERATED = "javax.annotation.processing.Generated";

    /**
     * Whether this round's annotations are claimed: {@code @WitWorld} always; {@code @Generated}
     * only when every element carrying it is one this processor generated, so that another
     * processor's sources reach the processors that want them (a claim is for the whole round).
     */
    private static boolean claims(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (TypeElement annotation : annotations) {
            if (!annotation.getQualifiedName().contentEquals(GENERATED)) continue;
            for (Element e : roundEnv.getElementsAnnotatedWith(annotation)) {
                if (!generatedHere(e)) return false;
            }
        }
        return true;
    }

    /** Whether {@code e}'s {@code @Generated} names this processor (its {@code value} is a {@code String[]}). */
    private static boolean generatedHere(Element e) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (!((TypeElement) m.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(GENERATED)) continue;
            for (var v : m.getElementValues().entrySet()) {
                if (v.getKey().getSimpleName().contentEquals("value")
                        && v.getValue().getValue() instanceof List<?> generators) {
                    return generators.stream()
                            .anyMatch(g -> g instanceof AnnotationValue a
                                    && InterfaceGenerator.GENERATOR.equals(a.getValue()));
                }
            }
        }
        return false;
    }

    private static AnnotationMirror mirror(Element e) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (m.getAnnotationType().toString().equals(WitWorld.class.getCanonicalName())) {
                return m;
            }
        }
        return null;
    }

    private void processWorld(Element e, WitWorld ann, Diagnostics d, Inputs inputs) {
        if (ann.world().isBlank()) {
            d.report(Message.EMPTY_WORLD);
            return;
        }
        boolean hasComponent = !ann.component().isBlank();
        boolean wasiHost = wasiHost(processingEnv);
        List<String> witNotFound = new ArrayList<>();
        Optional<Path> wit = ann.wit().isBlank() && hasComponent
                ? Optional.empty()
                : files.findFile(e, ann.wit(), witNotFound::add, inputs);
        if (wit.isEmpty() && !(hasComponent && (ann.wit().isBlank() || ann.wit().equals(DEFAULT_WIT)))) {
            d.report(Message.WIT_NOT_FOUND, ann.wit(), ann.world(), witNotFound.isEmpty() ? "" : witNotFound.get(0));
            return;
        }
        ComponentInput loaded = null;
        if (wit.isEmpty()) {
            // No WIT: the world is the component's own imports and exports, as `wit4j wit` prints them.
            loaded = ComponentInput.load(files, e, ann, d, inputs);
            if (loaded == null) {
                return;
            }
        }
        Resolve resolve;
        World world;
        if (loaded != null) {
            Optional<DecodedWit> decoded = loaded.world(ann.world(), d);
            if (decoded.isEmpty()) {
                return;
            }
            resolve = decoded.get().resolve();
            world = decoded.get().world();
        } else {
            if (Files.isDirectory(wit.get())) {
                inputs.witFolder(wit.get());
            } else {
                inputs.file(wit.get());
            }
            try {
                resolve = Files.isDirectory(wit.get())
                        ? WitResolver.create()
                                .directory(wit.get(), wasiHost ? shippedWasiWit(processingEnv, d) : Map.of())
                        : WitResolver.resolveFile(wit.get());
            } catch (WitException ex) {
                // Each error on its own, in source order, then how many there were.
                for (WitException.Diagnostic error : ex.diagnostics()) {
                    d.report(Message.WIT_INVALID, error.message());
                }
                d.report(Message.NOTHING_GENERATED, ann.world(), d.errorCount());
                return;
            }
            try {
                world = resolve.selectWorld(Optional.of(ann.world()));
            } catch (IllegalArgumentException ex) {
                d.report(Message.UNKNOWN_WORLD, ex.getMessage(), wit.get(), availableWorlds(resolve));
                return;
            }
        }
        PackageElement pkg = e instanceof PackageElement p
                ? p
                : processingEnv.getElementUtils().getPackageOf(e);
        String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
        Map<String, ClassName> existing = existingBindings(ann.with(), resolve, d);
        if (d.errorCount() > 0) {
            d.report(Message.NOTHING_GENERATED, world.qualifiedName(), d.errorCount());
            return;
        }
        Bindings bindings = new ModelBuilder(resolve, world, packageName, d)
                .withExistingBindings(existing)
                .build();
        if (wasiHost) {
            bindings = bindings.withWasiHost();
            bindings.wasiUsedBy().ifPresent(why -> d.report(Message.WASI_NOT_HOSTED, world.qualifiedName(), why));
        }
        if (d.errorCount() == 0 && hasComponent) {
            if (loaded == null) {
                loaded = ComponentInput.load(files, e, ann, d, inputs);
            }
            if (loaded != null) {
                bindings = loaded.compileInto(processingEnv, e, world, bindings, d);
            }
        }
        if (d.errorCount() > 0) {
            d.report(Message.NOTHING_GENERATED, world.qualifiedName(), d.errorCount());
            return;
        }
        writeBindings(processingEnv, bindings, e, d);
    }

    private static final Pattern WITH_ENTRY = Pattern.compile(
            "([a-z][a-z0-9-]*:[a-z][a-z0-9-]*/[a-z][a-z0-9-]*(?:@[0-9A-Za-z.+-]+)?)=((?:[A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*)");

    /**
     * {@code @WitWorld(with = …)}: each entry's interface (as named, with or without version) and its
     * existing bindings' type. An entry that is not {@code interface=java.Type}, or names an
     * interface the WIT does not have, is an error.
     */
    private static Map<String, ClassName> existingBindings(String[] with, Resolve resolve, Diagnostics d) {
        Map<String, ClassName> out = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (WitPackage p : resolve.packages()) {
            for (Interface i : p.interfaces().values()) {
                i.qualifiedName().ifPresent(n -> {
                    known.add(n);
                    known.add(ModelBuilder.unversioned(n));
                });
            }
        }
        for (String entry : with) {
            Matcher m = WITH_ENTRY.matcher(entry.strip());
            if (!m.matches()) {
                d.report(Message.WITH_MALFORMED, entry);
            } else if (!known.contains(m.group(1))) {
                d.report(Message.WITH_UNKNOWN_INTERFACE, m.group(1), entry);
            } else {
                out.put(m.group(1), ClassName.bestGuess(m.group(2)));
            }
        }
        return out;
    }

    /** Where the {@code wasi} module ships the WIT of the WASI packages it implements: an index of the files, one per line. */
    static final String SHIPPED_WASI_INDEX = "META-INF/wit/wasi/INDEX";

    /**
     * The WASI packages the {@code wasi} module ({@link #wasiHost}) ships (by origin, the texts of
     * each package's files): a world's folder need not copy them into its {@code deps/}. Empty
     * without its index (a version that did not ship its WIT); a file the index lists that cannot be
     * read is reported, and none is used.
     */
    static Map<String, List<String>> shippedWasiWit(ProcessingEnvironment env, Diagnostics d) {
        Filer filer = env.getFiler();
        String index;
        try {
            index = filer.getResource(StandardLocation.CLASS_PATH, "", SHIPPED_WASI_INDEX)
                    .getCharContent(true)
                    .toString();
        } catch (IOException | IllegalArgumentException ex) {
            return Map.of();
        }
        Map<String, List<String>> packages = new TreeMap<>();
        try {
            String base = SHIPPED_WASI_INDEX.substring(0, SHIPPED_WASI_INDEX.lastIndexOf('/') + 1);
            for (String line : index.split("\\R")) {
                String file = line.strip();
                if (file.isEmpty() || file.startsWith("#")) continue;
                String text = filer.getResource(StandardLocation.CLASS_PATH, "", base + file)
                        .getCharContent(true)
                        .toString();
                String pkg = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : file;
                packages.computeIfAbsent("the wasi module's " + base + pkg, k -> new ArrayList<>())
                        .add(text);
            }
        } catch (IOException | IllegalArgumentException ex) {
            d.report(Message.SHIPPED_WIT_UNREADABLE, SHIPPED_WASI_INDEX, ex.getMessage());
            return Map.of();
        }
        return packages;
    }

    /**
     * Whether the {@code wasi} module's {@code WasiContext} is on the class path: it can define WASI
     * imports. Not while that module itself is compiled (its class is a source of this
     * compilation): its world is the one that implements them.
     */
    static boolean wasiHost(ProcessingEnvironment env) {
        Element context = env.getElementUtils().getTypeElement(WorldGenerator.WASI_CONTEXT.canonicalName());
        if (context == null) return false;
        try {
            return com.sun.source.util.Trees.instance(env).getPath(context) == null;
        } catch (RuntimeException | LinkageError ex) {
            return true; // no tree API (another compiler): a class being compiled is not told apart
        }
    }

    /** Writes one source file per holder and the world class (shared with the Java-first processor). */
    static void writeBindings(ProcessingEnvironment env, Bindings bindings, Element e, Diagnostics d) {
        Set<String> topLevel =
                bindings.holders().stream().map(h -> h.name().simpleName()).collect(Collectors.toSet());
        Set<String> qualify = new HashSet<>(REFERENCED_NAMES);
        qualify.retainAll(topLevel);
        for (Holder h : bindings.holders()) {
            List<JavaFile> files = new ArrayList<>();
            if (!h.existing()) {
                files.add(InterfaceGenerator.generate(h, e, qualify));
            }
            for (TypeModel t : h.types()) {
                if (t instanceof TypeModel.ResourceModel r && r.javaInterface().isPresent()) {
                    files.add(ResourceGenerator.topLevel(r, h.methods(), e));
                }
            }
            for (JavaFile file : files) {
                try {
                    file.writeTo(env.getFiler());
                } catch (IOException | RuntimeException ex) {
                    d.report(
                            Message.WRITE_FAILED,
                            file.packageName() + "." + file.typeSpec().name(),
                            ex.getMessage());
                }
            }
        }
        JavaFile worldFile = WorldGenerator.generate(bindings, e, qualify, usesDeprecated(bindings));
        try {
            worldFile.writeTo(env.getFiler());
        } catch (IOException | RuntimeException ex) {
            d.report(Message.WRITE_FAILED, bindings.worldClass().canonicalName(), ex.getMessage());
        }
    }

    /** Whether anything in the bindings is deprecated (the world class then refers to it). */
    private static boolean usesDeprecated(Bindings bindings) {
        for (Holder h : bindings.holders()) {
            if (h.suppressDeprecation() || WitTypes.isDeprecated(h.stability())) {
                return true;
            }
            for (MethodModel m : h.methods()) {
                if (WitTypes.isDeprecated(m.stability())) {
                    return true;
                }
            }
            for (TypeModel t : h.types()) {
                if (WitTypes.isDeprecated(t.stability())) {
                    return true;
                }
                if (t instanceof TypeModel.ResourceModel r
                        && r.methods().stream().anyMatch(m -> WitTypes.isDeprecated(m.stability()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String availableWorlds(Resolve resolve) {
        List<String> names = new ArrayList<>();
        for (WitPackage p : resolve.packages()) {
            for (World w : p.worlds().values()) {
                names.add(w.qualifiedName());
            }
        }
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    /**
     * Records what the bindings of {@code e} were made from, for a build tool to regenerate them
     * when only those changed ({@link Inputs}); nothing when the source or the class output is not
     * on the file system (nothing could look at the record then).
     */
    private void recordInputs(Element e, Inputs inputs, Diagnostics d) {
        Optional<Path> source = files.sourceFile(e);
        if (source.isEmpty()) {
            return;
        }
        // Only then: asking an in-memory file manager (compile-testing's) for the class output makes it list an empty
        // file.
        Optional<Path> output = files.classOutput();
        if (output.isEmpty()) {
            return;
        }
        String name = e instanceof PackageElement p
                ? p.getQualifiedName().toString()
                : e instanceof TypeElement t
                        ? t.getQualifiedName().toString()
                        : e.getSimpleName().toString();
        try {
            inputs.write(output.get(), source.get(), name);
        } catch (IOException | RuntimeException ex) {
            d.report(Message.INPUTS_NOT_RECORDED, ex.getMessage());
        }
    }
}
