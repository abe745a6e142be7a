package dev.wit4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The benchmark components, packaged as resources next to these classes. */
final class Fixtures {

    private Fixtures() {}

    /** {@code echo.wasm}: {@code echo: func(s: string) -> string} and {@code add: func(a: u32, b: u32) -> u32}. */
    static byte[] echoComponent() {
        return resource("echo.wasm");
    }

    /**
     * {@code c2c.wasm}: a caller component whose exports pass data of its own memory to a callee
     * component ({@code string-utf8}, {@code string-utf16}, {@code pairs}, {@code strings}).
     */
    static byte[] crossComponent() {
        return resource("c2c.wasm");
    }

    /**
     * {@code points.wasm}: interface {@code wit4j:bench/points} with {@code translate: func(p: point,
     * d: s32) -> point} and {@code centroid: func(ps: list<point>) -> point}.
     */
    static byte[] pointsComponent() {
        return resource("points.wasm");
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
