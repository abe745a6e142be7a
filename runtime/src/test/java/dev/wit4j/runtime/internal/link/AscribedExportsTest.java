package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.value.Value;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports with a type ascription expose only what the ascribed type declares (Explainer.md "Import
 * and export definitions"), for instances and for components instantiated later.
 */
class AscribedExportsTest {

    private static Instance instance(Engine engine) {
        return engine.linker().instantiate(Wasm.load(engine, "ascribed"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anAscribedInstanceShowsOnlyTheDeclaredExports(ExecutionMode mode) {
        Instance instance = instance(Wasm.engine(mode));
        assertEquals(
                Optional.of(Value.u32(1)),
                instance.exportedInstance("narrow").func("a").call());
        NoSuchElementException e = assertThrows(
                NoSuchElementException.class,
                () -> instance.exportedInstance("narrow").func("b"));
        assertEquals("no exported function `b`; exports: [a]", e.getMessage());
        assertThrows(NoSuchElementException.class, () -> instance.func("narrow#b"));
        // the same instance exported without ascription shows everything
        assertEquals(
                Optional.of(Value.u32(2)),
                instance.exportedInstance("full").func("b").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anAscribedComponentInstantiatesToTheDeclaredExports(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance outer = instance(engine);
        Instance onlyA = engine.linker().instantiate(outer.component("only-a"));
        assertEquals(Optional.of(Value.u32(1)), onlyA.func("a").call());
        assertThrows(NoSuchElementException.class, () -> onlyA.func("b"));
        assertThrows(NoSuchElementException.class, () -> onlyA.exportedInstance("api"));

        Instance withResource = engine.linker().instantiate(outer.component("with-resource"));
        Value handle = withResource.func("make").call(Value.u32(7)).orElseThrow();
        assertEquals(7, ((Value.Own) handle).handle().rep());
        assertThrows(NoSuchElementException.class, () -> withResource.func("a"));
    }
}
