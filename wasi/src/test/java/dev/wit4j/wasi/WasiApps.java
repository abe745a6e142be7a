package dev.wit4j.wasi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Builds examples/wasi-apps (JavaScript and C commands) with their real toolchains, once per checkout. */
final class WasiApps {
    static final Path DIR =
            Path.of("..", "examples", "wasi-apps").toAbsolutePath().normalize();

    private WasiApps() {}

    /** The built component for {@code target} ("js" or "c"); skips the test with the reason if it cannot be built. */
    static Path build(String target) {
        Path out = DIR.resolve("target");
        try {
            Process p = new ProcessBuilder("bash", DIR.resolve("build.sh").toString(), out.toString(), target)
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Assumptions.abort("building the " + target + " component timed out");
            }
            // build.sh exits 3 when a toolchain is missing (a skip, with its reason); any other failure is a
            // broken build and fails the test.
            Assumptions.assumeTrue(
                    p.exitValue() != 3, () -> "cannot build the " + target + " component: " + log.strip());
            if (p.exitValue() != 0) {
                throw new AssertionError(
                        "building the " + target + " component failed (exit " + p.exitValue() + "):\n" + log.strip());
            }
        } catch (IOException e) {
            Assumptions.abort("cannot run examples/wasi-apps/build.sh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("interrupted");
        }
        return out.resolve("app-" + target + ".wasm");
    }
}
