package dev.wit4j.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.runtime.fuzz.Wat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page of an inspection rendered by a real browser (Debian's headless Chromium): the
 * diagram's boxes and edges are in the rendered document, and a screenshot is taken. Skipped,
 * with the reason, where there is no {@code chromium} on the PATH.
 */
class InspectionHtmlTest {

    @TempDir
    Path dir;

    @Test
    void theDiagramRendersInABrowser() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "no chromium on the PATH (Debian: apt-get install chromium)");
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test component");
        Wat.Assembled a = Wat.assemble(List.of(InspectionTestComponent.TEXT)).get(0);
        assertNull(a.error(), a.error());
        Inspection inspection = Inspection.of(a.wasm());
        Path page = Files.writeString(dir.resolve("inspect.html"), inspection.toHtml("a <component> & more"));

        String dom = run(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--dump-dom",
                page.toUri().toString());
        assertTrue(dom.contains("<title>a &lt;component&gt; &amp; more</title>"), dom);
        assertEquals(3, count(dom, "<g class=\"import\""), dom);
        // module, two core instances and the instance inside it, the instance, the unused component
        assertEquals(
                inspection.tree().size()
                        + inspection.tree().stream()
                                .mapToInt(n -> n.children().size())
                                .sum(),
                count(dom, "<g class=\"node "),
                dom);
        // the clock reaches three instances; the export comes from one
        assertEquals(3, count(dom, "<path class=\"capability\""), dom);
        assertEquals(1, count(dom, "<path class=\"export-edge\""), dom);

        Path png = dir.resolve("inspect.png");
        run(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--window-size=1200,800",
                "--screenshot=" + png,
                page.toUri().toString());
        assertTrue(Files.size(png) > 10_000, "screenshot of " + Files.size(png) + " bytes");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name)))
                    return Path.of(dir, name).toString();
            }
        }
        return null;
    }

    private String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(args)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "chromium did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        return Files.readString(out);
    }
}
