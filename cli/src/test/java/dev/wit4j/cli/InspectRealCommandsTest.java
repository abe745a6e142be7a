package dev.wit4j.cli;

import static dev.wit4j.cli.ValidateCommandTest.wit4j;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code inspect} of the real commands of examples/wasi-apps (the C command made with clang,
 * wasi-libc and the preview1 adapter nested inside; the JavaScript one made by componentize-js):
 * text, JSON and HTML agree; and {@code compose} of each into a forwarding socket runs as the
 * command itself.
 */
class InspectRealCommandsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"c", "js"})
    void inspectsAndComposesARealCommand(String target) throws Exception {
        Path command = RunRealCommandsTest.build(target);
        Path page = dir.resolve("page.html");
        ValidateCommandTest.Outcome text = wit4j("inspect", "--html", page.toString(), command.toString());
        assertEquals(0, text.exitCode(), text.err());
        int imports = Integer.parseInt(
                text.out().substring("imports (".length(), text.out().indexOf(')')));
        assertTrue(imports >= 5, text.out());
        assertTrue(text.out().contains("\n  filesystem\n    wasi:filesystem/"), text.out());
        assertTrue(text.out().contains("exports (1)\n  wasi:cli/run@0.2."), text.out());

        ValidateCommandTest.Outcome json = wit4j("inspect", "--json", command.toString());
        assertEquals(0, json.exitCode(), json.err());
        String importsJson = json.out().substring(0, json.out().indexOf("\"exports\""));
        assertEquals(imports, count(importsJson, "{\"name\": "), "one JSON import per import in the text");
        assertEquals(imports, count(Files.readString(page), "<g class=\"import\""), "one box per import in the page");
        String chromium = chromium();
        if (chromium != null) {
            // rendered by a real browser: the boxes are in the document it builds, and a screenshot is taken
            Process dom = new ProcessBuilder(
                            chromium,
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--dump-dom",
                            page.toUri().toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String rendered = new String(dom.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(dom.waitFor(2, java.util.concurrent.TimeUnit.MINUTES));
            assertEquals(imports, count(rendered, "<g class=\"import\""), "boxes in the rendered page");
            Path png = dir.resolve("page.png");
            Process shot = new ProcessBuilder(
                            chromium,
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--window-size=1400,1000",
                            "--screenshot=" + png,
                            page.toUri().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertTrue(shot.waitFor(2, java.util.concurrent.TimeUnit.MINUTES));
            assertTrue(Files.size(png) > 10_000, "screenshot of " + Files.size(png) + " bytes");
        }

        Path composed = dir.resolve("composed.wasm");
        ValidateCommandTest.Outcome compose = wit4j(
                "compose",
                Path.of("..", "examples", "components", "run-forwarder.wasm").toString(),
                "--plug",
                command.toString(),
                "-o",
                composed.toString());
        assertEquals(0, compose.exitCode(), compose.err());
        ValidateCommandTest.Outcome inspectComposed = wit4j("inspect", "--json", composed.toString());
        String composedImports =
                inspectComposed.out().substring(0, inspectComposed.out().indexOf("\"exports\""));
        assertEquals(imports, count(composedImports, "{\"name\": "), "the composition imports what the command does");
    }

    /** Debian's chromium on the PATH, or null (then the page is checked as text only). */
    private static String chromium() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, "chromium");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
