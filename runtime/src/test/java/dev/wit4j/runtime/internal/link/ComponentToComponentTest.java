package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two separately loaded components linked to each other; strings cross from UTF-8 to UTF-16. */
class ComponentToComponentTest {

    private static Instance consumer(Engine engine) {
        Instance provider = engine.linker().instantiate(Wasm.load(engine, "str-provider"));
        Linker linker = engine.linker();
        linker.instance("test:str/api", provider.exportedInstance("test:str/api"));
        return linker.instantiate(Wasm.load(engine, "str-consumer"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void stringsCrossEncodings(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance consumer = consumer(engine);
        for (String s : new String[] {"", "ascii", "héllo wörld", "☃ snow", "😀 astral", "ÿ latin1 edge"}) {
            assertEquals(Optional.of(Value.string(s)), consumer.func("run").call(Value.string(s)), s);
        }
        // the provider sees UTF-16 code units: ☃ is one, 😀 two (in UTF-8 they would be 3 + 4 bytes)
        assertEquals(Optional.of(Value.u32(3)), consumer.func("units").call(Value.string("☃😀")));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void stringHintsCrossWithTheValue(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance provider = engine.linker().instantiate(Wasm.load(engine, "str-provider"));
        Linker linker = engine.linker();
        linker.instance("test:str/api", provider.exportedInstance("test:str/api"));
        Instance consumer = linker.instantiate(Wasm.load(engine, "str-consumer"));
        // from the host, one exact allocation
        provider.func("test:str/api#units").call(Value.string("☃"));
        assertEquals(Optional.of(Value.u32(1)), provider.func("reallocs").call());
        // from a UTF-8 component, store_utf8_to_utf16 allocates 2 * 3 bytes, then shrinks to 2
        consumer.func("units").call(Value.string("☃"));
        assertEquals(Optional.of(Value.u32(3)), provider.func("reallocs").call());
        // ASCII needs no shrinking
        consumer.func("units").call(Value.string("ab"));
        assertEquals(Optional.of(Value.u32(4)), provider.func("reallocs").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void exportedInstanceFunctionsAreReachableByPath(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance provider = engine.linker().instantiate(Wasm.load(engine, "str-provider"));
        assertEquals(
                Optional.of(Value.u32(2)), provider.func("test:str/api#units").call(Value.string("ab")));
        assertEquals(
                "test:str/api#echo",
                provider.exportedInstance("test:str/api").func("echo").name());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void mismatchedFunctionTypeIsALinkError(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance values = engine.linker().instantiate(Wasm.load(engine, "values"));
        Linker linker = engine.linker();
        linker.instance("test:str/api").func("echo", values.func("id-string")).func("units", values.func("id-u32"));
        LinkException e =
                assertThrows(LinkException.class, () -> linker.instantiatePre(Wasm.load(engine, "str-consumer")));
        assertEquals("test:str/api#units", e.importName());
        assertTrue(e.getMessage().contains("parameter `s`: expected string, found u32"), e.getMessage());
    }
}
