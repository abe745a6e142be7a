package dev.wit4j.cli;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.wasi.WasiContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j run FILE [ARGS…]}: run a {@code wasi:cli/run} command component with the host's stdio. */
@Command(
        name = "run",
        description = {
            "Run a WASI 0.2 command component (one exporting wasi:cli/run) with this process's stdin, stdout and stderr.",
            "The component sees FILE as argument 0, then ARGS. Environment, directories, HTTP and sockets are opt-in. "
                    + "Its exit code becomes this command's; a trap or a missing import exits 1 with one line."
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CodeCacheOptions cache = new CodeCacheOptions();

    @Mixin
    LimitOptions limits = new LimitOptions();

    @Mixin
    Progress progress = new Progress();

    @Parameters(index = "0", paramLabel = "FILE", description = "a command component (.wasm)")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "arguments for the component")
    List<String> args = new ArrayList<>();

    @Mixin
    WasiOptions wasi = new WasiOptions();

    @Override
    public Integer call() {
        try {
            WasiContext context = context();
            var limits = this.limits.limits();
            Component command = load();
            return context.run(command.engine().linker().limits(limits), command);
        } catch (IllegalArgumentException | LinkException e) {
            return fail("error: " + e.getMessage());
        } catch (Trap trap) {
            return fail(WasiOptions.describe(trap));
        } finally {
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
        }
    }

    private Component load() {
        byte[] bytes = InputFiles.read(file);
        // One run per process: compiled code only if it is cached, else interpreted (see CodeCacheOptions).
        Engine engine = cache.engine();
        try (Progress.Step step = progress.step(spec.commandLine().getErr(), "loading", file, bytes.length)) {
            return engine.load(bytes);
        } catch (WasmFormatException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private WasiContext context() {
        List<String> argv = new ArrayList<>();
        argv.add(file.toString());
        argv.addAll(args);
        return wasi.builder()
                .args(argv)
                .stdin(System.in)
                .stdout(new WriterOutputStream(spec.commandLine().getOut()))
                .stderr(new WriterOutputStream(spec.commandLine().getErr()))
                .build();
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(message.replace('\n', ' ').strip());
        return Main.BAD_INPUT;
    }
}
