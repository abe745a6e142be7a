package dev.wit4j.cli;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.inspect.Inspection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j inspect FILE}: what a component can do, and which of its parts get which import. */
@Command(
        name = "inspect",
        description = {
            "Show a component's imports (by side-effect family, with their types and the inner instances each reaches),",
            "its exports (with where they come from) and its tree of modules, components and instances.",
            "Reads the component's structure only, never its core code: a core instance counts as using all it is given."
        })
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a component binary (.wasm)")
    Path file;

    @Option(
            names = "--json",
            description = "print JSON (imports, exports, tree; the layout is documented in the README)")
    boolean json;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description =
                    "also write one self-contained HTML page with a diagram of the imports, instances and exports")
    Path html;

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
        Inspection inspection;
        try (Progress.Step step = progress.step(spec.commandLine().getErr(), "inspecting", file, bytes.length)) {
            inspection = Inspection.of(bytes);
        } catch (WasmFormatException | IllegalArgumentException e) {
            return fail(file + ": " + e.getMessage());
        }
        if (html != null) {
            try {
                Files.writeString(html, inspection.toHtml(file.getFileName().toString()));
            } catch (IOException e) {
                return fail("cannot write " + html + ": " + e.getMessage());
            }
        }
        spec.commandLine().getOut().print(json ? inspection.toJson() : inspection.toText());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return Main.BAD_INPUT;
    }
}
