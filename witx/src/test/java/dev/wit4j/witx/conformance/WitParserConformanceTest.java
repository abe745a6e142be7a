package dev.wit4j.witx.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs wasm-tools' wit-parser UI tests ({@code conformance/wit-parser} under the
 * {@code wit4j.shared} folder). Success cases must resolve and match their {@code .wit.json} on
 * the {@link Projection}; {@code parse-fail} cases must be rejected with a {@link WitException}.
 * As in wasm-tools' harness, the feature {@code active} is enabled. Results are written to
 * {@code target/wit-parser-summary.tsv}.
 */
class WitParserConformanceTest {
    private static final Map<String, String[]> SUMMARY = new ConcurrentSkipListMap<>();
    private static final Pattern LOCATION = Pattern.compile("--> \\S*?:(\\d+):(\\d+)");

    static Path dataDir() {
        String shared = System.getProperty("wit4j.shared");
        Assumptions.assumeTrue(
                shared != null && !shared.isBlank(),
                "system property wit4j.shared is not set: conformance data unavailable");
        Path dir = Path.of(shared, "conformance", "wit-parser");
        Assumptions.assumeTrue(Files.isDirectory(dir), "conformance data folder missing: " + dir);
        return dir;
    }

    private static WitResolver resolver() {
        return WitResolver.create().withFeatures(Set.of("active"));
    }

    @TestFactory
    Stream<DynamicTest> successCases() throws IOException {
        Path dir = dataDir();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path json : s.filter(p -> p.getFileName().toString().endsWith(".wit.json"))
                    .sorted()
                    .toList()) {
                String base = json.getFileName().toString().replaceFirst("\\.wit\\.json$", "");
                tests.add(DynamicTest.dynamicTest(base, () -> runSuccess(dir, base, json)));
            }
        }
        return tests.stream();
    }

    private static void runSuccess(Path dir, String base, Path json) throws IOException {
        Path file = dir.resolve(base + ".wit");
        Path folder = dir.resolve(base);
        if (!Files.exists(file) && !Files.isDirectory(folder)) {
            SUMMARY.put(
                    "success/" + base,
                    new String[] {"skipped", "input is not WIT (component binary/text decoding is not witx's job)"});
            Assumptions.abort("input of " + base + " is not WIT; decoding components is out of witx's scope");
        }
        if (Files.isDirectory(folder.resolve("deps")) && hasBinaryDeps(folder.resolve("deps"))) {
            SUMMARY.put("success/" + base, new String[] {
                "skipped", "needs .wasm/.wat dependencies decoded (component decoding is the runtime's job)"
            });
            Assumptions.abort(base + " has .wasm/.wat dependencies; decoding components is out of witx's scope");
        }
        Resolve r;
        try {
            r = Files.isDirectory(folder)
                    ? resolver().directory(folder)
                    : resolver().file(file);
        } catch (WitException e) {
            SUMMARY.put("success/" + base, new String[] {
                "fail", "rejected: " + e.detail().replace('\n', ' ')
            });
            throw e;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> expectedJson =
                (Map<String, Object>) Json.parse(Files.readString(json, StandardCharsets.UTF_8));
        TreeSet<String> expected = Projection.fromJson(expectedJson);
        TreeSet<String> actual = Projection.fromModel(r);
        if (!expected.equals(actual)) {
            TreeSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            TreeSet<String> extra = new TreeSet<>(actual);
            extra.removeAll(expected);
            SUMMARY.put(
                    "success/" + base,
                    new String[] {"fail", "mismatch: " + missing.size() + " missing, " + extra.size() + " extra"});
            fail("projection mismatch\nmissing:\n  " + String.join("\n  ", missing) + "\nextra:\n  "
                    + String.join("\n  ", extra));
        }
        SUMMARY.put("success/" + base, new String[] {"pass", expected.size() + " projection lines"});
    }

    @TestFactory
    Stream<DynamicTest> parseFailCases() throws IOException {
        Path dir = dataDir().resolve("parse-fail");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path result : s.filter(p -> p.getFileName().toString().endsWith(".wit.result"))
                    .sorted()
                    .toList()) {
                String base = result.getFileName().toString().replaceFirst("\\.wit\\.result$", "");
                tests.add(DynamicTest.dynamicTest(base, () -> runFail(dir, base, result)));
            }
        }
        return tests.stream();
    }

    private static void runFail(Path dir, String base, Path resultFile) throws IOException {
        Path file = dir.resolve(base + ".wit");
        Path folder = dir.resolve(base);
        String key = "parse-fail/" + base;
        if (!Files.exists(file) && !Files.isDirectory(folder)) {
            SUMMARY.put(key, new String[] {"skipped", "no input in the data set (stale .result)"});
            Assumptions.abort("the data set has " + resultFile.getFileName() + " but no input");
        }
        String expected = Files.readString(resultFile, StandardCharsets.UTF_8);
        try {
            if (Files.isDirectory(folder)) {
                resolver().directory(folder);
            } else {
                resolver().file(file);
            }
        } catch (WitException e) {
            String expectedMsg = expectedMessage(expected);
            boolean sameMessage = normalize(e.detail()).equals(normalize(expectedMsg));
            Matcher m = LOCATION.matcher(expected);
            String pos = "";
            if (m.find()) {
                boolean samePos =
                        Integer.parseInt(m.group(1)) == e.line() && Integer.parseInt(m.group(2)) == e.column();
                pos = samePos
                        ? " same-position"
                        : " position " + e.line() + ":" + e.column() + " vs " + m.group(1) + ":" + m.group(2);
            }
            // Each case has one error: more would be errors that follow from it.
            int count = e.diagnostics().size();
            SUMMARY.put(key, new String[] {
                "pass",
                (sameMessage
                                ? "same-message"
                                : "other-message: " + e.detail().replace('\n', ' ') + " | expected: "
                                        + expectedMsg.replace('\n', ' '))
                        + pos
                        + (count > 1 ? " " + count + "-errors" : "")
            });
            return;
        } catch (RuntimeException e) {
            SUMMARY.put(key, new String[] {"fail", "crashed: " + e});
            throw e;
        }
        SUMMARY.put(key, new String[] {"fail", "accepted"});
        fail("expected an error like: " + expectedMessage(expected));
    }

    /** The message of a wasm-tools error: text before the {@code -->} line, without path prefixes. */
    static String expectedMessage(String result) {
        String msg = result;
        int arrow = msg.indexOf("\n     -->");
        if (arrow >= 0) {
            msg = msg.substring(0, arrow);
        }
        msg = msg.replaceFirst("^failed to resolve directory while parsing WIT for path \\[[^]]*\\]: ", "");
        msg = msg.replaceFirst("^failed to parse package: [^:]*: ", "");
        msg = msg.replaceFirst("^tests/ui/\\S+?:\\d+:\\d+: ", "");
        return msg.trim();
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    @AfterAll
    static void writeSummary() throws IOException {
        if (SUMMARY.isEmpty()) {
            return;
        }
        Path out = Path.of("target", "wit-parser-summary.tsv");
        Files.createDirectories(out.getParent());
        StringBuilder sb = new StringBuilder("case\tresult\tdetail\n");
        int[] counts = new int[6];
        for (Map.Entry<String, String[]> e : SUMMARY.entrySet()) {
            sb.append(e.getKey())
                    .append('\t')
                    .append(e.getValue()[0])
                    .append('\t')
                    .append(e.getValue()[1])
                    .append('\n');
            int base = e.getKey().startsWith("success/") ? 0 : 3;
            counts[
                    base
                            + switch (e.getValue()[0]) {
                                case "pass" -> 0;
                                case "fail" -> 1;
                                default -> 2;
                            }]++;
        }
        sb.append("# success: ")
                .append(counts[0])
                .append(" pass, ")
                .append(counts[1])
                .append(" fail, ")
                .append(counts[2])
                .append(" skipped\n");
        sb.append("# parse-fail: ")
                .append(counts[3])
                .append(" rejected, ")
                .append(counts[4])
                .append(" fail, ")
                .append(counts[5])
                .append(" skipped\n");
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    }

    private static boolean hasBinaryDeps(Path deps) throws IOException {
        try (Stream<Path> s = Files.list(deps)) {
            return s.anyMatch(
                    p -> p.toString().endsWith(".wasm") || p.toString().endsWith(".wat"));
        }
    }
}
