package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nested components, aliases, start functions and staged instantiation. */
class NestedAndStagedTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void nestedComponentsAreLinkedInside(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Linker linker = engine.linker();
        linker.func("base", args -> Optional.of(Value.u32(100)));
        Instance in = linker.instantiate(Wasm.load(engine, "nested"));
        assertEquals(Optional.of(Value.u32(114)), in.func("offset").call(Value.u32(7)));
        assertEquals(Optional.of(Value.u32(5)), in.func("add").call(Value.u32(2), Value.u32(3)));
        assertEquals(Optional.of(Value.u32(9)), in.func("test:nested/math#add").call(Value.u32(4), Value.u32(5)));
        assertEquals(
                Optional.of(Value.u32(102)),
                in.exportedInstance("second").func("offset").call(Value.u32(1)));
        assertEquals(
                java.util.List.of("a", "b"),
                in.func("add").params().stream().map(p -> p.name()).toList());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void startFunctionsRunAtInstantiation(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        java.util.List<Value> inits = new java.util.ArrayList<>();
        Linker linker = engine.linker();
        linker.func("init", args -> {
            inits.add(args.get(0));
            return Optional.empty();
        });
        Instance in = linker.instantiate(Wasm.load(engine, "start"));
        assertEquals(java.util.List.of(Value.u32(101)), inits, "core start set 100, component start added 1");
        assertEquals(Optional.of(Value.u32(101)), in.func("count").call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void stagedInstantiationAtDepthTwo(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Linker l0 = engine.linker();
        l0.func("seed", args -> Optional.of(Value.u32(41)));
        Instance tower = l0.instantiate(Wasm.load(engine, "staged"));
        assertEquals(Optional.of(Value.u32(42)), tower.func("seed-plus-one").call());

        Component stage1 = tower.component("stage1");
        assertTrue(stage1.imports().containsKey("step"), stage1.imports().toString());
        Linker l1 = engine.linker();
        l1.func("step", tower.func("seed-plus-one")); // a function of the earlier stage
        Instance s1 = l1.instantiate(stage1);
        assertEquals(Optional.of(Value.u32(84)), s1.func("twice").call());

        Component stage2 = s1.component("stage2");
        assertTrue(stage2.exports().containsKey("run"));
        Linker l2 = engine.linker();
        l2.func("base", s1.func("twice"));
        Instance s2 = l2.instantiate(stage2);
        assertEquals(Optional.of(Value.u32(1084)), s2.func("run").call());
        assertEquals(Optional.of(Value.u32(7)), s2.func("add").call(Value.u32(3), Value.u32(4)));

        // a second instance of the same stage with other imports is independent
        Linker other = engine.linker();
        other.func("base", args -> Optional.of(Value.u32(1)));
        assertEquals(
                Optional.of(Value.u32(1001)),
                other.instantiate(stage2).func("run").call());
        assertEquals(Optional.of(Value.u32(1084)), s2.func("run").call());
    }
}
