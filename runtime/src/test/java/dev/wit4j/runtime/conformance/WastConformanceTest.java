package dev.wit4j.runtime.conformance;

import dev.wit4j.runtime.conformance.WastCorpus.Command;
import dev.wit4j.runtime.conformance.WastCorpus.WastFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * Runs the component-model {@code .wast} suites. Against the binary layer: every component expected
 * to be valid must decode, validate and round-trip through the encoder byte for byte; every
 * {@code assert_invalid} and {@code assert_malformed} component must be rejected with a reason
 * ({@link BinaryCheck}). Against the runtime, in script order: components are instantiated (with
 * wasmtime's host shim, {@link SpectestHost}), exports invoked, results compared, traps and link
 * errors checked ({@link RuntimeCheck}).
 *
 * <p>Each run writes {@code target/conformance-summary.tsv}: one line per {@code .wast} file
 * ({@code path, passed, failed, skipped}), then a {@code TOTAL} line. A case is skipped only with
 * its reason, never counted as passed. The engine settings that differ per suite
 * ({@link SuiteSettings}) are listed in {@code target/conformance-settings.tsv}.
 */
class WastConformanceTest {

    /** Per file: passed, failed, skipped. */
    private static final Map<String, int[]> TALLY = new TreeMap<>();

    @TestFactory
    Stream<DynamicNode> wastSuites() {
        WastCorpus.Loaded corpus = WastCorpus.load();
        if (corpus.unavailable() != null) {
            return Stream.of(
                    DynamicTest.dynamicTest("conformance data", () -> Assumptions.abort(corpus.unavailable())));
        }
        return corpus.files().stream().map(WastConformanceTest::file);
    }

    private static DynamicNode file(WastFile file) {
        List<DynamicNode> tests = new ArrayList<>();
        WastScript script = new WastScript(file);
        Map<String, Command> definitions = new HashMap<>();
        int latest = -1;
        for (Command command : file.commands()) {
            BinaryCheck.of(file, command).ifPresent(check -> tests.add(test(file, command, check.describe(), check)));
            // The definition a `component instance` names is the latest one of that name before it.
            Command definition = command.type().equals("component_instance") ? definitions.get(command.of()) : null;
            RuntimeCheck.of(script, command, latest, definition)
                    .ifPresent(check -> tests.add(test(file, command, check.describe(), check)));
            if (command.type().equals("component") && command.definition() && command.name() != null) {
                definitions.put(command.name(), command);
            }
            if (command.type().equals("component_instance")
                    || command.type().equals("component") && !command.definition()) {
                latest = command.line();
            }
        }
        return DynamicContainer.dynamicContainer(file.path(), tests);
    }

    private static DynamicTest test(WastFile file, Command command, String description, Executable check) {
        return DynamicTest.dynamicTest("line " + command.line() + ": " + description, tallied(file.path(), check));
    }

    /** Runs a check and counts its outcome against its file. */
    private static Executable tallied(String path, Executable check) {
        return () -> {
            int[] counts;
            synchronized (TALLY) {
                counts = TALLY.computeIfAbsent(path, p -> new int[3]);
            }
            try {
                check.execute();
                counts[0]++;
            } catch (TestAbortedException skipped) {
                counts[2]++;
                throw skipped;
            } catch (Throwable failed) {
                counts[1]++;
                throw failed;
            }
        };
    }

    @AfterAll
    static void writeSummary() throws IOException {
        Messages.write();
        SuiteSettings.write();
        if (TALLY.isEmpty()) {
            return;
        }
        StringBuilder tsv = new StringBuilder();
        int[] total = new int[3];
        TALLY.forEach((path, counts) -> {
            tsv.append(path)
                    .append('\t')
                    .append(counts[0])
                    .append('\t')
                    .append(counts[1])
                    .append('\t')
                    .append(counts[2])
                    .append('\n');
            for (int i = 0; i < 3; i++) {
                total[i] += counts[i];
            }
        });
        tsv.append("TOTAL\t")
                .append(total[0])
                .append('\t')
                .append(total[1])
                .append('\t')
                .append(total[2])
                .append('\n');
        Path summary = Paths.get("target", System.getProperty("wit4j.conformance.summary", "conformance-summary.tsv"));
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, tsv);
        System.out.printf(
                "wast conformance: %d passed, %d failed, %d skipped (%s)%n",
                total[0], total[1], total[2], summary.toAbsolutePath());
    }
}
