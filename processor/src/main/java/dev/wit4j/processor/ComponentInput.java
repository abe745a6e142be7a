package dev.wit4j.processor;

import dev.wit4j.annotations.WitWorld;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.processor.model.Bindings;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.wit.ComponentWit;
import dev.wit4j.runtime.wit.DecodedWit;
import dev.wit4j.runtime.wit.WitDecodingException;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Version;
import dev.wit4j.witx.model.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The component a {@link WitWorld} names ({@link WitWorld#component()}): found and loaded (decoded,
 * validated and compiled), its own world when no WIT is given (its imports and exports, as
 * {@code wit4j wit} prints them), and compiled into the application beside the bindings.
 *
 * @param file where it was found
 * @param component the component loaded
 */
record ComponentInput(Path file, Component component) {

    /** A WIT identifier: kebab-case words, each all lower or all upper case, optionally {@code %}-escaped. */
    private static final String WIT_ID = "%?((?:[a-z][a-z0-9]*|[A-Z][A-Z0-9]*)(?:-(?:[a-z][a-z0-9]*|[A-Z][A-Z0-9]*))*)";
    /** {@code ns:pkg/world@version} or a bare {@code world}. */
    private static final Pattern WORLD_NAME =
            Pattern.compile("(?:" + WIT_ID + ":" + WIT_ID + "/)?" + WIT_ID + "(?:@(.+))?");

    /** Finds and loads the file named by {@code component}; null (with the error reported) if that fails. */
    static ComponentInput load(ProjectFiles files, Element e, WitWorld ann, Diagnostics d, Inputs inputs) {
        Optional<Path> file = files.findFile(
                e,
                ann.component(),
                looked -> d.report(Message.COMPONENT_NOT_FOUND, ann.component(), ann.world(), looked),
                inputs);
        if (file.isEmpty()) {
            return null;
        }
        inputs.file(file.get());
        Engine engine = Engine.builder().executionMode(ExecutionMode.COMPILED).build();
        try {
            return new ComponentInput(file.get(), engine.load(Files.readAllBytes(file.get())));
        } catch (IOException ex) {
            d.report(Message.COMPONENT_INVALID, file.get(), "cannot read it: " + ex.getMessage());
        } catch (WasmFormatException | IllegalArgumentException ex) {
            d.report(Message.COMPONENT_INVALID, file.get(), ex.getMessage());
        }
        return null;
    }

    /**
     * The world of a component alone, called by the name {@code @WitWorld} gives it
     * ({@code ns:pkg/world[@version]}, or a bare name in package {@code root:component}).
     */
    Optional<DecodedWit> world(String name, Diagnostics d) {
        Matcher m = WORLD_NAME.matcher(name);
        Optional<Version> version = m.matches() && m.group(4) != null ? Version.parse(m.group(4)) : Optional.empty();
        if (!m.matches() || m.group(4) != null && version.isEmpty()) {
            d.report(Message.WORLD_NAME_INVALID, name);
            return Optional.empty();
        }
        PackageName pkg = m.group(1) == null
                ? PackageName.of("root", "component", null)
                : PackageName.of(m.group(1), m.group(2), version.orElse(null));
        Optional<TypeView.Component> type = component.type();
        if (type.isEmpty()) {
            d.report(Message.COMPONENT_NOT_WIT, file, "its type is not known");
            return Optional.empty();
        }
        try {
            return Optional.of(ComponentWit.ofComponent(type.get(), pkg, m.group(3)));
        } catch (WitDecodingException ex) {
            d.report(Message.COMPONENT_NOT_WIT, file, ex.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Compiles a component into the application: checks it against the world, serializes it
     * compiled and writes it as a resource beside the world class.
     */
    Bindings compileInto(ProcessingEnvironment env, Element e, World world, Bindings bindings, Diagnostics d) {
        for (String mismatch : ComponentFit.mismatches(world, component, bindings.definesWasi())) {
            d.report(Message.COMPONENT_MISMATCH, file, world.qualifiedName(), mismatch);
        }
        if (d.errorCount() > 0) {
            return bindings;
        }
        // The compiled classes become class files of the application, a package per core module
        // under this one: the JVM reads from the jar only those a run uses.
        String classes = (bindings.packageName().isEmpty() ? "" : bindings.packageName() + ".")
                + bindings.worldClass().simpleName().toLowerCase(Locale.ROOT) + "_wasm";
        byte[] serialized;
        List<String> unwritten = new ArrayList<>();
        try {
            serialized = component.serialize(classes, (name, bytes) -> {
                try (var out = env.getFiler().createClassFile(name, e).openOutputStream()) {
                    out.write(bytes);
                } catch (IOException | RuntimeException ex) {
                    unwritten.add(name + ": " + ex.getMessage());
                }
            });
        } catch (RuntimeException ex) {
            d.report(Message.COMPONENT_NOT_COMPILED, file, ex.getMessage());
            return bindings;
        }
        if (!unwritten.isEmpty()) {
            d.report(Message.WRITE_FAILED, unwritten.get(0), "(" + unwritten.size() + " compiled classes not written)");
            return bindings;
        }
        String resource = bindings.worldClass().simpleName() + ".wit4jc";
        try {
            FileObject out =
                    env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, bindings.packageName(), resource, e);
            try (var stream = out.openOutputStream()) {
                stream.write(serialized);
            }
        } catch (IOException | RuntimeException ex) {
            d.report(Message.WRITE_FAILED, bindings.packageName() + "/" + resource, ex.getMessage());
            return bindings;
        }
        return bindings.withPrecompiled(resource);
    }
}
