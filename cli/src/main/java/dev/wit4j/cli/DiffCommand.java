package dev.wit4j.cli;

import dev.wit4j.runtime.inspect.ComponentDiff;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wit4j diff OLD NEW}: can the new version of a component replace the old one? */
@Command(
        name = "diff",
        description = {
            "Compare two versions of a component: imports added (capabilities gained) and removed, exports added,",
            "removed or changed, each judged by the component model's subtyping rules.",
            "Exits 0 when NEW can replace OLD for every client and gains no capability, 1 (with the list) otherwise."
        })
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "the version in use (.wasm)")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "the version to replace it with (.wasm)")
    Path newer;

    @Option(
            names = "--json",
            description =
                    "print JSON: {\"canReplace\": bool, \"changes\": [{\"kind\", \"name\", \"detail\", \"breaking\", \"gainsCapability\"}…]}")
    boolean json;

    @Override
    public Integer call() {
        byte[] before;
        byte[] after;
        try {
            before = InputFiles.read(older);
            after = InputFiles.read(newer);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        ComponentDiff diff;
        try {
            diff = ComponentDiff.of(before, after);
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage()
                    .replaceFirst("^the old version", Matcher.quoteReplacement(older.toString()))
                    .replaceFirst("^the new version", Matcher.quoteReplacement(newer.toString())));
        }
        spec.commandLine().getOut().print(json ? diff.toJson() : diff.toText());
        spec.commandLine().getOut().flush();
        return diff.canReplace() ? 0 : 1;
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("error: " + message);
        return Main.BAD_INPUT;
    }
}
