package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.wasi.hello.Hello;
import dev.wit4j.wasi.hello.Logger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A world class generated with the {@code wasi} module on the class path has factories taking a
 * {@link WasiContext}: a JavaScript component that imports WASI besides its world (as every
 * componentize-js component does) runs through the generated bindings with no linker code.
 */
class WorldFactoryWasiTest {

    private static Engine engine;
    private static Component component;

    @BeforeAll
    static void build() {
        // interpreted: compiling the JavaScript engine would take most of the test's time
        engine = Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();
        component = engine.load(WasiApps.build("hello"));
    }

    @Test
    void theWasiFactoryDefinesWasiAndTheWorldsImports() {
        List<String> logged = new ArrayList<>();
        Logger logger = logged::add;
        Hello hello = Hello.instantiate(
                engine,
                component,
                Hello.Imports.builder().logger(logger).build(),
                WasiContext.builder().build());
        assertEquals("Hello, wit4j!", hello.greet("wit4j"));
        assertEquals(List.of("greeting wit4j"), logged);
    }

    @Test
    void withoutWasiTheMissingImportIsNamedWithTheRemedy() {
        LinkException e = assertThrows(
                LinkException.class,
                () -> Hello.instantiate(
                        engine,
                        component,
                        Hello.Imports.builder().logger(msg -> {}).build()));
        assertTrue(e.getMessage().contains("wasi:") && e.getMessage().contains("WasiContext"), e.getMessage());
    }
}
