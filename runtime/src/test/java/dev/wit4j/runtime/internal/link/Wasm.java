package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the test components of {@code src/test/resources/link} (built from the .wat by build.sh). */
final class Wasm {

    private Wasm() {}

    static Engine engine(ExecutionMode mode) {
        return Engine.builder().executionMode(mode).build();
    }

    static byte[] bytes(String name) {
        try (InputStream in = Wasm.class.getResourceAsStream("/link/" + name + ".wasm")) {
            if (in == null) {
                throw new IllegalStateException("missing test component " + name + ".wasm (run build.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Component load(Engine engine, String name) {
        return engine.load(bytes(name));
    }
}
