package dev.wit4j.runtime;

import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.engine.Precompiled;
import dev.wit4j.runtime.internal.link.ComponentCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A component ready to instantiate: decoded, validated and with its core modules prepared once.
 * Immutable and thread-safe; instantiate it any number of times with a {@link Linker}.
 *
 * <p>A component is either loaded by an {@link Engine} or exported by a component instance
 * ({@link Instance#component(String)}); the latter keeps the environment of its definition (the
 * types, modules and components its outer aliases refer to), which is how staged instantiation
 * works: instantiate the outer component with its early imports, take the component it exports,
 * and instantiate that one later with the remaining imports.
 */
public final class Component {

    private final Engine engine;
    private final ComponentCode code;
    private final TypeView.Component type;
    /** Every core module of a loaded component, nested ones included; empty for an exported one. */
    private final List<CoreModule> coreModules;

    Component(Engine engine, ComponentCode code, TypeView.Component type) {
        this(engine, code, type, List.of());
    }

    Component(Engine engine, ComponentCode code, TypeView.Component type, List<CoreModule> coreModules) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.code = Objects.requireNonNull(code, "code");
        this.type = type;
        this.coreModules = List.copyOf(coreModules);
    }

    /** The engine that loaded the component. */
    public Engine engine() {
        return engine;
    }

    /** The component's name from its name section, or the export path it was obtained by. */
    public Optional<String> name() {
        return Optional.ofNullable(code.name());
    }

    /**
     * The component's type (what it imports and exports), when known: always for a loaded
     * component and for components exported by one.
     */
    public Optional<TypeView.Component> type() {
        return Optional.ofNullable(type);
    }

    /** The imports by name, in order, with their types (empty if the type is unknown). */
    public Map<String, TypeView.Extern> imports() {
        return type == null ? Map.of() : type.imports();
    }

    /** The exports by name, in order, with their types (empty if the type is unknown). */
    public Map<String, TypeView.Extern> exports() {
        return type == null ? Map.of() : type.exports();
    }

    /**
     * The component compiled ahead of time, for {@link Engine#deserialize(byte[])}: every core module
     * compiled to JVM classes (now, if not yet), written with the component's structure and the
     * modules' declarations but none of their wasm code. A build writes it once; a process loading it
     * decodes no code, validates no code and compiles nothing.
     *
     * @throws IllegalStateException if this component was not loaded by an engine (an exported
     *     component), or a core module has functions the JVM cannot run compiled
     */
    public byte[] serialize() {
        if (!code.isOutermost()) {
            throw new IllegalStateException("only a component loaded by an engine can be serialized");
        }
        return Precompiled.write(code.component(), coreModules);
    }

    /**
     * {@link #serialize()} for a build that ships the compiled classes as class files of the
     * application: each core module's classes are handed to {@code classes} (binary name and class
     * file, in a package of {@code javaPackage} per module) rather than written into the returned
     * bytes. A JVM then reads from the jar only the classes a run uses, verifies them as any class
     * of the application, and can keep them in a class-data archive. Load the bytes with {@link
     * Engine#deserialize(java.io.InputStream, ClassLoader)} and a class loader that sees those classes.
     *
     * @param javaPackage the package under which each module gets its own, e.g. {@code com.acme.calc.Calc_wasm}
     * @throws IllegalStateException as {@link #serialize()}
     */
    public byte[] serialize(String javaPackage, BiConsumer<String, byte[]> classes) {
        if (!code.isOutermost()) {
            throw new IllegalStateException("only a component loaded by an engine can be serialized");
        }
        return Precompiled.write(
                code.component(),
                coreModules,
                Objects.requireNonNull(javaPackage, "javaPackage"),
                Objects.requireNonNull(classes, "classes"));
    }

    /**
     * What compiling the component's core modules produced, for those compiled so far in this
     * process (by {@link Engine#precompile} or a compiled instantiation), in the order of the binary.
     * A module with functions too large for the JVM that could not be split reports them in
     * {@link CompileReport#interpretedFunctions()} (the engine also logs a warning).
     */
    public List<CompileReport> compileReports() {
        List<CompileReport> reports = new ArrayList<>();
        for (CoreModule module : coreModules) {
            module.compileReport().ifPresent(reports::add);
        }
        return List.copyOf(reports);
    }

    ComponentCode code() {
        return code;
    }

    List<CoreModule> coreModules() {
        return coreModules;
    }

    @Override
    public String toString() {
        return "component " + name().orElse("(unnamed)");
    }
}
