package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Core exception tags exported by one core instance and imported by others, directly and through a
 * core alias in an inline export bundle ({@code tags.wat}).
 */
class CoreTagsTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void importedTagIsCaught(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance instance = engine.linker().instantiate(Wasm.load(engine, "tags"));
        assertEquals(Optional.of(Value.u32(42)), instance.func("run").call(Value.u32(42)));
        assertEquals(Optional.of(Value.u32(99)), instance.func("run").call(Value.u32(0)));
    }
}
