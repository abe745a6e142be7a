package dev.wit4j.cli;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wit4j compile FILE}: compiles a component's core modules into the compiled-code cache, so
 * that later {@code run} and {@code invoke} start with compiled code instead of interpreting (a
 * large module takes longer to compile than one short run lasts, so those never fill it for one).
 */
@Command(
        name = "compile",
        description = {
            "Compile a component's core modules to JVM bytecode into the compiled-code cache, for later run and invoke.",
            "Prints the cache directory."
        })
final class CompileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a component (.wasm)")
    Path file;

    @picocli.CommandLine.Mixin
    Progress progress = new Progress();

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "the compiled-code cache (default: $XDG_CACHE_HOME/wit4j, else ~/.cache/wit4j)")
    Path cacheDir;

    @Override
    public Integer call() {
        Path directory = cacheDir != null ? cacheDir : CodeCacheOptions.defaultDirectory();
        Engine engine = Engine.builder()
                .executionMode(ExecutionMode.COMPILED)
                .cacheDirectory(directory)
                .build();
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("error: no such file: " + file);
            return Main.BAD_INPUT;
        }
        try {
            Component component;
            try (Progress.Step step = progress.step(spec.commandLine().getErr(), "loading", file, Files.size(file))) {
                component = engine.load(file);
            }
            try (Progress.Step step = progress.step(spec.commandLine().getErr(), "compiling " + file)) {
                engine.precompile(component);
            }
            if (!engine.hasCachedCode(component)) {
                spec.commandLine().getErr().println("error: cannot write the compiled code to " + directory);
                return Main.BAD_INPUT;
            }
        } catch (WasmFormatException | IllegalArgumentException | UncheckedIOException | IOException e) {
            spec.commandLine().getErr().println("error: " + file + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        spec.commandLine().getOut().println(directory.toAbsolutePath());
        return 0;
    }
}
