package dev.wit4j.cli;

import dev.wit4j.runtime.compose.Composition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j compose SOCKET --plug PLUG… -o OUT}: one component from several. */
@Command(
        name = "compose",
        description = {
            "Plug the exports of components into the imports of another (by name; the first plug exporting a name wins)",
            "and write the result: a component nesting the parts, importing what no plug provides and exporting what",
            "the socket exports. Fails, naming the import and both types, when a plug does not fit."
        })
final class ComposeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOCKET", description = "the component whose imports are filled (.wasm)")
    Path socket;

    @Option(
            names = "--plug",
            paramLabel = "PLUG",
            required = true,
            description = "a component whose exports fill them (repeatable)")
    List<Path> plugs = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "OUT",
            required = true,
            description = "where to write the composed component")
    Path output;

    @Override
    public Integer call() {
        byte[] socketBytes;
        List<byte[]> plugBytes = new ArrayList<>();
        try {
            socketBytes = InputFiles.read(socket);
            for (Path p : plugs) plugBytes.add(InputFiles.read(p));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        byte[] composed;
        try {
            composed = Composition.plug(socketBytes, plugBytes);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        try {
            Files.write(output, composed);
        } catch (IOException e) {
            return fail("cannot write " + output + ": " + e.getMessage());
        }
        spec.commandLine().getOut().println(output);
        return 0;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return Main.BAD_INPUT;
    }
}
