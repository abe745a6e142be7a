package dev.wit4j.processor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the processor over every world of wit-bindgen's codegen suite and of WASI 0.2, and checks
 * that the generated Java compiles without warnings under {@code -Xlint:all}. A world the
 * processor cannot map yet must fail with clear "not supported yet" errors only. Figures go to
 * stdout and {@code target/codegen-summary.tsv}.
 */
class CodegenConformanceTest {

    enum Outcome {
        OK,
        NOT_SUPPORTED,
        FAILURE
    }

    record Case(String suite, String name, Path wit, String world) {}

    record Row(Case c, Outcome outcome, String detail) {}

    @TestFactory
    Stream<DynamicTest> everyWorldCompiles() throws IOException {
        String shared = System.getProperty("wit4j.shared");
        Assumptions.assumeTrue(shared != null, "system property wit4j.shared is not set (run through Maven)");
        Path root = Path.of(shared);
        Path codegen = root.resolve("conformance/wit-codegen");
        Path wasi = root.resolve("wit/wasi-0.2");
        Assumptions.assumeTrue(Files.isDirectory(codegen), "conformance data missing: " + codegen);
        Assumptions.assumeTrue(Files.isDirectory(wasi), "WASI WIT missing: " + wasi);

        List<Row> rows = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(codegen)) {
            for (Path p : s.sorted().toList()) {
                String fn = p.getFileName().toString();
                Path wit;
                if (Files.isDirectory(p)) {
                    wit = Files.isDirectory(p.resolve("wit")) ? p.resolve("wit") : p;
                } else if (fn.endsWith(".wit")) {
                    wit = p;
                } else {
                    continue;
                }
                addWorlds("wit-codegen", fn, wit, cases, rows);
            }
        }
        Path wasiRoot = Path.of("target", "wasi-wit").toAbsolutePath();
        List<Path> wasiFiles;
        try (Stream<Path> s = Files.list(wasi)) {
            wasiFiles = s.filter(p -> p.toString().endsWith(".wit")).sorted().toList();
        }
        for (Path f : wasiFiles) {
            // A folder per package: the package itself at the top, every other WASI package in deps/.
            String name = f.getFileName().toString().replace(".wit", "");
            Path dir = wasiRoot.resolve(name);
            Files.createDirectories(dir.resolve("deps"));
            Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            for (Path other : wasiFiles) {
                if (!other.equals(f)) {
                    Files.copy(
                            other,
                            dir.resolve("deps").resolve(other.getFileName()),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            addWorlds("wasi-0.2", name, dir, cases, rows);
        }

        for (Case c : cases) {
            rows.add(run(c));
        }
        long ok = rows.stream().filter(r -> r.outcome() == Outcome.OK).count();
        long unsupported =
                rows.stream().filter(r -> r.outcome() == Outcome.NOT_SUPPORTED).count();
        long failures =
                rows.stream().filter(r -> r.outcome() == Outcome.FAILURE).count();
        StringBuilder tsv = new StringBuilder("suite\tcase\tworld\toutcome\tdetail\n");
        for (Row r : rows) {
            tsv.append(r.c().suite())
                    .append('\t')
                    .append(r.c().name())
                    .append('\t')
                    .append(r.c().world())
                    .append('\t')
                    .append(r.outcome())
                    .append('\t')
                    .append(r.detail().replace('\t', ' ').replace('\n', ' '))
                    .append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "codegen-summary.tsv"), tsv.toString());
        String figures = String.format(
                Locale.ROOT,
                "codegen conformance: %d worlds: %d compiled OK, %d not supported yet (clear errors), %d failures",
                rows.size(),
                ok,
                unsupported,
                failures);
        System.out.println(figures);
        System.err.println(figures);

        return rows.stream()
                .map(r -> DynamicTest.dynamicTest(r.c().suite() + "/" + r.c().name() + " " + r.c().world(), () -> {
                    if (r.outcome() == Outcome.FAILURE) {
                        fail(r.detail());
                    }
                }));
    }

    private static void addWorlds(String suite, String name, Path wit, List<Case> cases, List<Row> rows) {
        try {
            Resolve r = Files.isDirectory(wit) ? WitResolver.resolveDirectory(wit) : WitResolver.resolveFile(wit);
            for (World w : r.rootPackage().worlds().values()) {
                cases.add(new Case(suite, name, wit, w.qualifiedName()));
            }
        } catch (WitException e) {
            rows.add(new Row(
                    new Case(suite, name, wit, "?"), Outcome.FAILURE, "witx cannot resolve: " + e.getMessage()));
        }
    }

    private static Row run(Case c) {
        String pkg = Harness.packageFor(c.suite(), c.name(), c.world().replaceAll(".*/", ""));
        Compilation comp;
        try {
            comp = Harness.compileWorld(pkg, c.world(), c.wit());
        } catch (RuntimeException e) {
            return new Row(c, Outcome.FAILURE, "crash: " + e);
        }
        List<String> errors = Harness.messages(comp, Diagnostic.Kind.ERROR);
        List<String> warnings = new ArrayList<>(Harness.messages(comp, Diagnostic.Kind.WARNING));
        warnings.addAll(Harness.messages(comp, Diagnostic.Kind.MANDATORY_WARNING));
        if (comp.status() == Compilation.Status.SUCCESS && warnings.isEmpty()) {
            long files = comp.generatedSourceFiles().stream()
                    .filter(f -> f.getKind() == JavaFileObject.Kind.SOURCE)
                    .count();
            return new Row(c, Outcome.OK, files + " files; " + valueGlue(comp));
        }
        if (!errors.isEmpty() && errors.stream().allMatch(m -> m.startsWith("not supported yet: "))) {
            return new Row(c, Outcome.NOT_SUPPORTED, String.join(" | ", errors));
        }
        List<String> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return new Row(c, Outcome.FAILURE, String.join(" | ", all));
    }

    /**
     * The functions whose values go through the dynamic {@code Value} instead of the typed
     * primitives (types beyond WASI 0.2): exports held as {@code Func}, imports defined as
     * {@code HostFunction}s.
     */
    private static String valueGlue(Compilation comp) {
        java.util.regex.Pattern exported =
                java.util.regex.Pattern.compile("this\\.(\\w+) = [\\w.]+\\.func\\(\"([^\"]+)\"\\);");
        java.util.regex.Pattern imported = java.util.regex.Pattern.compile("\\.func\\(\"([^\"]+)\", _args ->");
        List<String> names = new ArrayList<>();
        for (JavaFileObject f : comp.generatedSourceFiles()) {
            String text;
            try {
                text = f.getCharContent(true).toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            java.util.regex.Matcher m = exported.matcher(text);
            while (m.find()) {
                names.add("export " + m.group(2));
            }
            m = imported.matcher(text);
            while (m.find()) {
                names.add("import " + m.group(1));
            }
        }
        return names.isEmpty() ? "all functions typed" : "through Value: " + String.join(", ", names);
    }
}
