package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.wasi.envcount.EnvCount;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * A world that imports WASI itself ({@code wasi:cli/environment}), generated with this module on
 * the class path: the application implements only the world's own import, and WASI comes from
 * the {@link WasiContext} given to the factory.
 */
class HostedWasiTest {

    @Test
    void theWorldsWasiImportIsDefinedByTheWasiContext() throws IOException {
        Engine engine = Engine.create();
        Component component;
        try (InputStream in = HostedWasiTest.class.getResourceAsStream("/components/env-count.wasm")) {
            component = engine.load(in.readAllBytes());
        }
        EnvCount.Imports imports = EnvCount.Imports.builder().tag(n -> n * 10).build();
        WasiContext wasi =
                WasiContext.builder().env("A", "1").env("B", "2").env("C", "3").build();
        assertEquals(30, EnvCount.instantiate(engine, component, imports, wasi).count());
        assertEquals(
                0,
                EnvCount.instantiate(
                                engine,
                                component,
                                imports,
                                WasiContext.builder().build())
                        .count());
    }
}
