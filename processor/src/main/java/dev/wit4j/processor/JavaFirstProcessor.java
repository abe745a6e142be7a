package dev.wit4j.processor;

import com.google.auto.service.AutoService;
import dev.wit4j.annotations.Borrow;
import dev.wit4j.annotations.Unsigned;
import dev.wit4j.annotations.WitChar;
import dev.wit4j.annotations.WitConstructor;
import dev.wit4j.annotations.WitInterface;
import dev.wit4j.annotations.WitResource;
import dev.wit4j.annotations.WitStatic;
import dev.wit4j.annotations.WitWorldOf;
import dev.wit4j.processor.gen.WitSourceGenerator;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.print.WitPrinter;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Java-first: derives WIT from {@link WitInterface} Java interfaces ({@link JavaFirstReader} builds
 * the model, {@link WitSourceGenerator} lays it out, witx resolves it and its printer writes
 * {@code META-INF/wit/<namespace>/<package>/<interface>.wit} to the class output), and for a
 * {@link WitWorldOf} world writes the world's WIT and feeds the resolved world into the WIT-first
 * {@link ModelBuilder} and generators, as {@code @WitWorld} would.
 *
 * <p>Option {@code -Awit4j.witOutput=DIR}: the derived WIT is also written under {@code DIR} (as
 * {@code <namespace>/<package>/<name>.wit}; a relative {@code DIR} against {@code
 * -Awit4j.projectDir}), a folder that outlives clean builds and can be committed or handed to
 * component toolchains; a file whose text is unchanged is not rewritten.
 */
@AutoService(Processor.class)
public final class JavaFirstProcessor extends AbstractProcessor {
    /** Interfaces derived in this compilation, by qualified Java name. */
    private final Map<String, JavaFirstInterface> derived = new HashMap<>();
    /** Paths written to the class output (each derived file is written once). */
    private final Set<String> written = new HashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // Also claims the marker annotations read from the interfaces (-Xlint:processing stays quiet).
        return Set.of(
                WitInterface.class.getCanonicalName(),
                WitWorldOf.class.getCanonicalName(),
                WitResource.class.getCanonicalName(),
                Unsigned.class.getCanonicalName(),
                WitChar.class.getCanonicalName(),
                Borrow.class.getCanonicalName(),
                WitConstructor.class.getCanonicalName(),
                WitStatic.class.getCanonicalName());
    }

    /** The option naming the folder the derived WIT is also written to. */
    public static final String WIT_OUTPUT_OPTION = "wit4j.witOutput";

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(WIT_OUTPUT_OPTION, WitWorldProcessor.PROJECT_DIR_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (Element e : roundEnv.getElementsAnnotatedWith(WitInterface.class)) {
            Diagnostics d =
                    new Diagnostics(processingEnv.getMessager(), e, mirror(e, WitInterface.class.getCanonicalName()));
            try {
                derive((TypeElement) e, d).ifPresent(i -> writeInterface(i, e, d));
            } catch (RuntimeException ex) {
                d.report(
                        Message.INTERNAL_ERROR,
                        ex + " at " + (ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : "?"));
            }
        }
        for (Element e : roundEnv.getElementsAnnotatedWith(WitWorldOf.class)) {
            AnnotationMirror m = mirror(e, WitWorldOf.class.getCanonicalName());
            Diagnostics d = new Diagnostics(processingEnv.getMessager(), e, m);
            try {
                world(e, e.getAnnotation(WitWorldOf.class), m, d);
            } catch (RuntimeException ex) {
                d.report(
                        Message.INTERNAL_ERROR,
                        ex + " at " + (ex.getStackTrace().length > 0 ? ex.getStackTrace()[0] : "?"));
            }
        }
        return true;
    }

    private Optional<JavaFirstInterface> derive(TypeElement e, Diagnostics d) {
        String key = e.getQualifiedName().toString();
        if (derived.containsKey(key)) {
            return Optional.of(derived.get(key));
        }
        Optional<JavaFirstInterface> i = new JavaFirstReader(processingEnv, d).read(e);
        if (i.isEmpty()) {
            return i;
        }
        String text = WitSourceGenerator.file(i.get());
        try {
            WitResolver.resolveString(i.get().name() + ".wit", text);
        } catch (WitException ex) {
            d.reportOn(e, Message.JF_DERIVED_INVALID, key, ex.getMessage(), text);
            return Optional.empty();
        }
        derived.put(key, i.get());
        return i;
    }

    /** The derived WIT of one interface, in the WIT printer's layout. */
    static String printInterface(JavaFirstInterface i) {
        Resolve r = WitResolver.resolveString(i.name() + ".wit", WitSourceGenerator.file(i));
        return WitPrinter.print(r.rootPackage());
    }

    private void writeInterface(JavaFirstInterface i, Element e, Diagnostics d) {
        write(i.packageName(), i.name(), printInterface(i), e, d);
    }

    private void write(String pkg, String name, String text, Element e, Diagnostics d) {
        String path = "META-INF/wit/" + pkg.replaceFirst("@.*", "").replace(':', '/') + "/" + name + ".wit";
        if (!written.add(path)) {
            return; // the same derived file, needed by a second world
        }
        try {
            FileObject f = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, e);
            try (Writer w = f.openWriter()) {
                w.write(text);
            }
        } catch (IOException | RuntimeException ex) {
            d.report(Message.WRITE_FAILED, path, ex.getMessage());
        }
        String output = processingEnv.getOptions().get(WIT_OUTPUT_OPTION);
        if (output != null && !output.isBlank()) {
            Path dir = Path.of(output);
            String project = processingEnv.getOptions().get(WitWorldProcessor.PROJECT_DIR_OPTION);
            if (!dir.isAbsolute() && project != null) dir = Path.of(project).resolve(dir);
            Path file = dir.resolve(path.substring("META-INF/wit/".length()));
            try {
                if (!Files.exists(file) || !Files.readString(file).equals(text)) {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, text);
                }
            } catch (IOException | RuntimeException ex) {
                d.report(Message.WRITE_FAILED, file, ex.getMessage());
            }
        }
    }

    private void world(Element e, WitWorldOf ann, AnnotationMirror m, Diagnostics d) {
        List<JavaFirstInterface> imports = members(m, "imports", d);
        List<JavaFirstInterface> exports = members(m, "exports", d);
        if (d.errorCount() > 0) {
            return;
        }
        List<JavaFirstInterface> all = new ArrayList<>(imports);
        all.addAll(exports);
        String pkg = !ann.packageName().isEmpty()
                ? ann.packageName()
                : all.isEmpty() ? "" : all.get(0).packageName();
        if (pkg.isEmpty()) {
            d.report(Message.JF_BAD_PACKAGE, pkg);
            return;
        }
        // The world's interfaces by WIT package (the world's own first) and qualified name.
        Map<String, Map<String, JavaFirstInterface>> byPackage = new LinkedHashMap<>();
        byPackage.put(pkg, new LinkedHashMap<>());
        for (JavaFirstInterface i : all) {
            JavaFirstInterface other = byPackage
                    .computeIfAbsent(i.packageName(), k -> new LinkedHashMap<>())
                    .putIfAbsent(i.name(), i);
            if (other != null && !other.javaName().equals(i.javaName())) {
                d.report(Message.JF_NAME_CLASH, other.javaName(), i.javaName(), i.qualifiedName());
            }
        }
        if (d.errorCount() > 0) {
            return;
        }
        // One WIT text: the world's package, then each other package as a nested `package … { }` block
        // (WIT.md "Package declarations"); the world names their interfaces by qualified name.
        StringBuilder text = new StringBuilder("package " + pkg + ";\n\n");
        byPackage
                .get(pkg)
                .values()
                .forEach(i -> text.append(WitSourceGenerator.interfaceBlock(i)).append('\n'));
        Function<JavaFirstInterface, String> ref =
                i -> i.packageName().equals(pkg) ? "%" + i.name() : i.qualifiedName();
        text.append(WitSourceGenerator.world(
                ann.name(),
                imports.stream().map(ref).toList(),
                exports.stream().map(ref).toList()));
        for (Map.Entry<String, Map<String, JavaFirstInterface>> p : byPackage.entrySet()) {
            if (!p.getKey().equals(pkg)) {
                text.append("\npackage ").append(p.getKey()).append(" {\n");
                p.getValue().values().forEach(i -> text.append(WitSourceGenerator.interfaceBlock(i)));
                text.append("}\n");
            }
        }
        Resolve resolve;
        World world;
        try {
            resolve = WitResolver.resolveString(ann.name() + ".wit", text.toString());
            world = resolve.selectWorld(Optional.of(ann.name()));
        } catch (WitException | IllegalArgumentException ex) {
            d.report(Message.JF_DERIVED_INVALID, ann.name(), ex.getMessage(), text);
            return;
        }
        // The world file holds the world only: the interfaces have their own files.
        String printed = WitPrinter.print(resolve.rootPackage());
        int at = printed.indexOf("world ");
        while (at > 0 && printed.charAt(at - 1) != '\n') {
            at = printed.indexOf("world ", at + 1);
        }
        write(pkg, ann.name(), printed.substring(0, printed.indexOf('\n') + 1) + "\n" + printed.substring(at), e, d);
        // The interfaces of other packages also go to the world package's deps/ folder, so that the
        // folder resolves on its own (witx, wasm-tools): deps/<namespace>-<package>/<interface>.wit.
        for (Map.Entry<String, Map<String, JavaFirstInterface>> dep : byPackage.entrySet()) {
            if (!dep.getKey().equals(pkg)) {
                String folder = "deps/" + dep.getKey().replaceFirst("@.*", "").replace(':', '-') + "/";
                dep.getValue().values().forEach(i -> write(pkg, folder + i.name(), printInterface(i), e, d));
            }
        }

        PackageElement p = e instanceof PackageElement pe
                ? pe
                : processingEnv.getElementUtils().getPackageOf(e);
        String javaPackage = !ann.bindingsPackage().isEmpty()
                ? ann.bindingsPackage()
                : p.isUnnamed() ? "wit" : p.getQualifiedName() + ".wit";
        // The bindings use the user's interfaces and types (nothing is generated for them).
        Map<String, JavaFirstInterface> javaFirst = new HashMap<>();
        all.forEach(i -> javaFirst.put(i.qualifiedName(), i));
        Bindings bindings = new ModelBuilder(resolve, world, javaPackage, d, javaFirst).build();
        if (WitWorldProcessor.wasiHost(processingEnv)) {
            bindings = bindings.withWasiHost();
            bindings.wasiUsedBy().ifPresent(why -> d.report(Message.WASI_NOT_HOSTED, world.qualifiedName(), why));
        }
        if (d.errorCount() > 0) {
            d.report(Message.NOTHING_GENERATED, world.qualifiedName(), d.errorCount());
            return;
        }
        WitWorldProcessor.writeBindings(processingEnv, bindings, e, d);
    }

    private List<JavaFirstInterface> members(AnnotationMirror m, String attribute, Diagnostics d) {
        List<JavaFirstInterface> out = new ArrayList<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v :
                m.getElementValues().entrySet()) {
            if (!v.getKey().getSimpleName().contentEquals(attribute)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<? extends AnnotationValue> values =
                    (List<? extends AnnotationValue>) v.getValue().getValue();
            for (AnnotationValue c : values) {
                TypeMirror t = (TypeMirror) c.getValue();
                TypeElement te = (TypeElement) ((DeclaredType) t).asElement();
                if (te.getAnnotation(WitInterface.class) == null) {
                    d.report(Message.JF_WORLD_MEMBER, te.getQualifiedName());
                    continue;
                }
                Diagnostics own = new Diagnostics(
                        processingEnv.getMessager(), te, mirror(te, WitInterface.class.getCanonicalName()));
                Optional<JavaFirstInterface> i = derive(te, own);
                if (i.isEmpty()) {
                    d.report(Message.JF_WORLD_MEMBER_INVALID, te.getQualifiedName());
                } else {
                    out.add(i.get());
                }
            }
        }
        return out;
    }

    private static AnnotationMirror mirror(Element e, String name) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (m.getAnnotationType().toString().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
