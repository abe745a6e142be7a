package dev.wit4j.cli;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExportedInstance;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.WasmFormatException;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.wave.Wave;
import dev.wit4j.runtime.wave.WaveCall;
import dev.wit4j.runtime.wave.WaveException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j invoke FILE 'name(args…)'}: call one export of a component, arguments and result in WAVE. */
@Command(
        name = "invoke",
        description = {
            "Instantiate a component and call one of its exported functions.",
            "CALL is `name(arg, ...)` with the arguments in WAVE; name is a root export (`add`), or a function of an "
                    + "exported interface (`iface#name`, `ns:pkg/iface#name`). The result is printed in WAVE on one line "
                    + "(nothing for a function without result). A trap exits 1 with `trap: reason`. WASI imports are "
                    + "granted as `run` grants them: nothing unless asked (--env, --dir, --allow-http, ...)."
        })
final class InvokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CodeCacheOptions cache = new CodeCacheOptions();

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Mixin
    Progress progress = new Progress();

    @Mixin
    WasiOptions wasi = new WasiOptions();

    @Parameters(index = "0", paramLabel = "FILE", description = "a component binary (.wasm)")
    Path file;

    @Parameters(index = "1", paramLabel = "CALL", description = "the call, e.g. 'add(1, 2)' or 'greet(\"world\")'")
    String call;

    /** A failure to report on one line with exit code 1. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() {
        try {
            WaveCall parsed = parseCall();
            dev.wit4j.runtime.Limits limits = limits();
            Instance instance = instantiate(load(), limits);
            Func func = lookUp(instance, parsed.functionName());
            List<Value> args = arguments(parsed, func);
            Optional<Value> result;
            try {
                result = func.call(args);
            } catch (Trap trap) {
                spec.commandLine().getErr().println(WasiOptions.describe(trap));
                return Main.BAD_INPUT;
            }
            result.ifPresent(value -> spec.commandLine().getOut().println(Wave.print(value, func.result().orElseThrow())));
            return 0;
        } catch (Failure failure) {
            spec.commandLine().getErr().println("error: " + oneLine(failure.getMessage()));
            return Main.BAD_INPUT;
        } catch (Trap trap) { // a start function or core initialisation trapped
            spec.commandLine().getErr().println(WasiOptions.describe(trap));
            return Main.BAD_INPUT;
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
        }
    }

    private WaveCall parseCall() throws Failure {
        try {
            return Wave.parseCall(call);
        } catch (WaveException e) {
            throw new Failure("invalid call `" + call + "`: " + e.getMessage());
        }
    }

    private Component load() throws Failure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Failure("no such file: " + file);
        } catch (IOException e) {
            throw new Failure("cannot read " + file + ": " + e.getMessage());
        }
        // One call per process: compiled code only if it is cached, else interpreted (see CodeCacheOptions).
        Engine engine = cache.engine();
        try (Progress.Step step = progress.step(spec.commandLine().getErr(),
                "loading " + file + " (" + Progress.size(bytes.length) + ")")) {
            return engine.load(bytes);
        } catch (WasmFormatException e) {
            throw new Failure(file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) { // a core module
            throw new Failure(file + ": " + e.getMessage() + "; invoke calls exports of components");
        }
    }

    private dev.wit4j.runtime.Limits limits() throws Failure {
        try {
            return limits.limits();
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage());
        }
    }

    private Instance instantiate(Component component, dev.wit4j.runtime.Limits limits) throws Failure {
        try {
            dev.wit4j.runtime.Linker linker = component.engine().linker().limits(limits);
            wasi.builder()
                    .args(List.of(file.toString()))
                    .stdin(System.in)
                    .stdout(new WriterOutputStream(spec.commandLine().getOut()))
                    .stderr(new WriterOutputStream(spec.commandLine().getErr()))
                    .build()
                    .addToLinker(linker);
            return linker.instantiate(component);
        } catch (LinkException e) {
            boolean other = e.importName() != null && !e.importName().startsWith("wasi:");
            throw new Failure("cannot instantiate " + file + ": " + e.getMessage()
                    + (other ? " (invoke defines WASI imports only)" : ""));
        } catch (IllegalArgumentException e) { // a malformed grant
            throw new Failure(e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new Failure("cannot instantiate " + file + ": " + e.getMessage());
        }
    }

    /** The exported function {@code name} ({@code f}, {@code iface#f}); otherwise the names there are. */
    private static Func lookUp(Instance instance, String name) throws Failure {
        Optional<Func> func = instance.findFunc(name);
        if (func.isPresent()) {
            return func.get();
        }
        List<String> available = callableNames(instance);
        Optional<String> versioned = withTheOnlyVersion(name, available);
        if (versioned.isPresent()) {
            return instance.func(versioned.get());
        }
        throw new Failure("no exported function `" + name + "`; "
                + (available.isEmpty() ? "the component exports no functions" : "exported functions: " + String.join(", ", available)));
    }

    /**
     * {@code ns:pkg/iface#f} written without the version of the exported {@code ns:pkg/iface@1.2.3}:
     * the versioned name, if the component exports exactly one version of that interface.
     */
    private static Optional<String> withTheOnlyVersion(String name, List<String> available) {
        int hash = name.lastIndexOf('#');
        if (hash < 0 || name.substring(0, hash).contains("@")) {
            return Optional.empty();
        }
        String iface = name.substring(0, hash);
        String function = name.substring(hash + 1);
        List<String> matches = available.stream()
                .filter(n -> n.startsWith(iface + "@") && n.endsWith("#" + function)
                        && n.indexOf('#') == n.lastIndexOf('#'))
                .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Every name {@link Instance#func(String)} accepts: root functions first, then {@code iface#f}. */
    private static List<String> callableNames(Instance instance) {
        List<String> names = new ArrayList<>();
        for (String export : instance.exportNames()) {
            if (instance.findFunc(export).isPresent()) {
                names.add(export);
            }
        }
        for (String export : instance.exportNames()) {
            if (instance.findFunc(export).isPresent()) {
                continue;
            }
            try {
                ExportedInstance exported = instance.exportedInstance(export);
                for (String inner : exported.exportNames()) {
                    if (instance.findFunc(export + "#" + inner).isPresent()) {
                        names.add(export + "#" + inner);
                    }
                }
            } catch (RuntimeException notAnInstance) {
                // a type, component or core module: nothing to call
            }
        }
        return names;
    }

    private static List<Value> arguments(WaveCall call, Func func) throws Failure {
        try {
            return call.arguments(func.params().stream().map(Func.Param::type).toList());
        } catch (WaveException e) {
            throw new Failure("bad arguments for `" + func.name() + "`: " + e.getMessage());
        }
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    }
}
