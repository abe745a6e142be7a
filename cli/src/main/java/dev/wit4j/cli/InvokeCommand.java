package dev.wit4j.cli;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExportedInstance;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Limits;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.wave.Wave;
import dev.wit4j.runtime.wave.WaveCall;
import dev.wit4j.runtime.wave.WaveException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wit4j invoke FILE 'name(args…)' …}: call exports of a component, arguments and results in
 * WAVE, one call after another on one instance; a call written {@code h = name(args…)} names the
 * resource handle it returns, which later calls pass by that name.
 */
@Command(
        name = "invoke",
        description = {
            "Instantiate a component and call its exported functions, one CALL after another on the same instance.",
            "CALL is `name(arg, ...)` with the arguments in WAVE; name is a root export (`add`), or a function of an "
                    + "exported interface (`iface#name`, `ns:pkg/iface#name`, `iface#[constructor]r`, "
                    + "`iface#[method]r.m`, `iface#[static]r.f`). Each result is printed in WAVE on one line (nothing "
                    + "for a function without result). `h = name(...)` names the resource handle a call returns; a "
                    + "later call passes it as `h` (moved where the parameter is owned, lent where it is borrowed). A "
                    + "trap exits 1 with `trap: reason`. WASI imports are granted as `run` grants them: nothing unless "
                    + "asked (--env, --dir, --allow-http, ...)."
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

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "CALL",
            description = "a call, e.g. 'add(1, 2)', 'greet(\"world\")', 'c = api#[constructor]counter(5)', "
                    + "'api#[method]counter.get(c)'")
    List<String> calls;

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
            List<Call> parsed = new ArrayList<>();
            for (String text : calls) {
                parsed.add(parseCall(text));
            }
            Limits limits = limits();
            Instance instance = instantiate(load(), limits);
            Map<String, Value> handles = new HashMap<>();
            for (Call c : parsed) {
                Func func = lookUp(instance, c.call().functionName());
                List<Value> args = arguments(c.call(), func, handles);
                Optional<Value> result;
                try {
                    result = func.call(args);
                } catch (Trap trap) {
                    spec.commandLine().getErr().println(WasiOptions.describe(trap));
                    return Main.BAD_INPUT;
                }
                result.ifPresent(value -> spec.commandLine()
                        .getOut()
                        .println(Wave.print(value, func.result().orElseThrow())));
                if (c.name() != null) {
                    Value v = result.orElse(null);
                    if (!(v instanceof Value.Own || v instanceof Value.Borrow)) {
                        throw new Failure(
                                "`" + c.name() + " = " + c.call().functionName() + "(...)`: the call returned "
                                        + (v != null ? "no resource handle" : "nothing") + " to name");
                    }
                    handles.put(c.name(), v);
                }
            }
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

    /** A call, and the name its result is bound to (null if none). */
    private record Call(String name, WaveCall call) {}

    private static final Pattern NAMED = Pattern.compile("\\s*([a-z][a-z0-9-]*)\\s*=(.*)", Pattern.DOTALL);

    private static Call parseCall(String text) throws Failure {
        Matcher m = NAMED.matcher(text);
        // `h = f(...)`: only when the `=` comes before the call's parenthesis (a WAVE argument may hold one)
        boolean named = m.matches() && text.indexOf('=') < Math.max(0, text.indexOf('('));
        try {
            return new Call(named ? m.group(1) : null, Wave.parseCall(named ? m.group(2) : text));
        } catch (WaveException e) {
            throw new Failure("invalid call `" + text + "`: " + e.getMessage());
        }
    }

    private Component load() throws Failure {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file);
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage());
        }
        // One call per process: compiled code only if it is cached, else interpreted (see CodeCacheOptions).
        Engine engine = cache.engine();
        try (Progress.Step step = progress.step(spec.commandLine().getErr(), "loading", file, bytes.length)) {
            return engine.load(bytes);
        } catch (WasmFormatException e) {
            throw new Failure(file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) { // a core module
            throw new Failure(file + ": " + e.getMessage() + "; invoke calls exports of components");
        }
    }

    private Limits limits() throws Failure {
        try {
            return limits.limits();
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage());
        }
    }

    private Instance instantiate(Component component, Limits limits) throws Failure {
        try {
            Linker linker = component.engine().linker().limits(limits);
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
                + (available.isEmpty()
                        ? "the component exports no functions"
                        : "exported functions: " + String.join(", ", available)));
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
                .filter(n ->
                        n.startsWith(iface + "@") && n.endsWith("#" + function) && n.indexOf('#') == n.lastIndexOf('#'))
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

    /** The call's arguments; an owned handle passed on is moved out of {@code handles}. */
    private static List<Value> arguments(WaveCall call, Func func, Map<String, Value> handles) throws Failure {
        try {
            Set<String> named = new HashSet<>();
            List<Value> args =
                    call.arguments(func.params().stream().map(Func.Param::type).toList(), name -> {
                        Optional<Value> v = Optional.ofNullable(handles.get(name));
                        v.ifPresent(value -> named.add(name));
                        return v;
                    });
            // a handle passed as an owned argument is the bound value itself and moves into the
            // call; one lent arrives as a new borrow and stays
            for (String name : named) {
                Value bound = handles.get(name);
                if (args.stream().anyMatch(a -> a == bound)) handles.remove(name);
            }
            return args;
        } catch (WaveException e) {
            throw new Failure("bad arguments for `" + func.name() + "`: " + e.getMessage());
        }
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
    }
}
