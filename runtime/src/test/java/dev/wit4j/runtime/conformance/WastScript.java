package dev.wit4j.runtime.conformance;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Limits;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.conformance.WastCorpus.Command;
import dev.wit4j.runtime.conformance.WastCorpus.WastFile;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The run-time state of one {@code .wast} script, as wasmtime's runner keeps it: the engine, the
 * host shim, the instances registered by name (a {@code (component $foo …)} is importable as
 * {@code foo} by later components) and the instance that {@code invoke} targets (the latest one).
 *
 * <p>The checks of a file run in order, each updating this state; a check whose instance was skipped
 * or failed to instantiate is skipped or failed in turn, naming the line of that instance.
 */
final class WastScript {

    /** The longest a check's call may run: the suites' calls take milliseconds. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    /** What an instantiating command left behind: an instance, or why there is none. */
    record Target(int line, Instance instance, String skipped, String failed) {
        /** The instance; otherwise skips or fails the calling check with the reason. */
        Instance require() {
            Assumptions.assumeTrue(skipped == null, () -> "the instance of line " + line + " is skipped: " + skipped);
            if (failed != null) {
                Assertions.fail("the instance of line " + line + " failed to instantiate: " + failed);
            }
            return instance;
        }
    }

    private final WastFile file;
    private final Engine engine;
    private final SpectestHost host = new SpectestHost();
    private final Map<String, Instance> registered = new LinkedHashMap<>();
    private final Map<Integer, Target> targets = new HashMap<>();

    /** How core code runs: {@code wit4j.conformance.mode}, the interpreter by default. */
    static final ExecutionMode MODE =
            ExecutionMode.valueOf(System.getProperty("wit4j.conformance.mode", ExecutionMode.INTERPRETED.name()));

    WastScript(WastFile file) {
        this.file = file;
        // The interpreter: each component of a script is run a few times at most, so compiling its
        // core modules to JVM bytecode would cost more than it saves. The build also runs the suites
        // compiled, with every function split ({@code wit4j.conformance.mode}, {@code wit4j.split.budget}).
        this.engine = Engine.builder()
                .executionMode(MODE)
                .validationFeatures(BinaryCheck.features(file))
                .maxStringByteLength(SuiteSettings.maxStringByteLength(file))
                .build();
    }

    WastFile file() {
        return file;
    }

    String where(Command command) {
        return file.path() + ":" + command.line();
    }

    /** Decodes and validates a command's component; skips if it needs a feature the runtime lacks. */
    Component load(Command command) {
        if (command.textError() != null) {
            Assertions.fail(where(command) + ": the text parser refused the component: " + command.textError());
        }
        String unsupported = RuntimeGate.unsupportedFeature(command.binary(), BinaryCheck.features(file));
        Assumptions.assumeTrue(unsupported == null, unsupported);
        try {
            return engine.load(command.binary());
        } catch (WasmFormatException e) {
            return Assertions.fail(
                    where(command) + ": a component expected to be valid is rejected: " + e.getMessage());
        }
    }

    /**
     * Instantiates a component with the host shim and the registered instances. Skips (by throwing
     * the assumption failure) if the runtime reports a feature that is not supported yet.
     */
    Instance instantiate(Component component) {
        // a check whose guest never ends (a task spinning on what the runtime never delivers)
        // fails with a deadline trap rather than hanging the suite
        Linker linker = engine.linker()
                .limits(Limits.builder().callTimeout(CALL_TIMEOUT).build());
        host.define(linker);
        registered.forEach(linker::instance);
        Instance instance;
        try {
            instance = linker.instantiate(component);
        } catch (RuntimeException e) {
            RuntimeGate.skipIfUnsupported(e);
            throw e;
        }
        // compiled, every core function must be JIT-compilable JVM code: none left to the interpreter
        for (var report : component.compileReports()) {
            Assertions.assertTrue(report.fullyCompiled(), () -> file.path() + ": " + report);
        }
        return instance;
    }

    /** Records the outcome of an instantiating command, making it the target of later invokes. */
    void target(Command command, Target target) {
        target(command.line(), target);
    }

    /** Records the outcome of the instantiating command at {@code line}. */
    void target(int line, Target target) {
        targets.put(line, target);
    }

    /** The reason of a skip, without JUnit's "Assumption failed: " prefix. */
    static String reason(org.opentest4j.TestAbortedException skipped) {
        String m = String.valueOf(skipped.getMessage());
        return m.startsWith("Assumption failed: ") ? m.substring("Assumption failed: ".length()) : m;
    }

    Target targetOf(int line) {
        Target t = targets.get(line);
        return t != null ? t : new Target(line, null, null, "the instantiation check did not run");
    }

    /** Makes a named instance importable by later components under its name without the {@code $}. */
    void register(String name, Instance instance) {
        if (name != null) {
            registered.put(name.startsWith("$") ? name.substring(1) : name, instance);
        }
    }

    /** A registered instance by its {@code $name}. */
    Instance registered(String name) {
        Instance i = registered.get(name.startsWith("$") ? name.substring(1) : name);
        if (i == null) {
            Assertions.fail("no instance named " + name);
        }
        return i;
    }
}
