package dev.wit4j.cli;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.WasmFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j validate FILE}: is this a valid component or core module? */
@Command(
        name = "validate",
        description = {
            "Decode and validate a component or core module.",
            "Prints `valid` and exits 0, or prints one line with the reason and the byte offset and exits 1."
        })
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a component or core module binary (.wasm)")
    Path file;

    @picocli.CommandLine.Mixin
    Progress progress = new Progress();

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        try (Progress.Step step = progress.step(spec.commandLine().getErr(), "validating", file, bytes.length)) {
            WasmFile.validate(bytes);
        } catch (WasmFormatException e) {
            return fail(file + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println("valid");
        return 0;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return Main.BAD_INPUT;
    }
}
