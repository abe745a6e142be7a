package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmokeTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void addsTwoNumbers(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance instance = engine.linker().instantiate(Wasm.load(engine, "smoke"));
        assertEquals(Optional.of(Value.u32(5)), instance.func("add").call(Value.u32(2), Value.u32(3)));
        assertEquals("smoke", instance.name());
    }
}
