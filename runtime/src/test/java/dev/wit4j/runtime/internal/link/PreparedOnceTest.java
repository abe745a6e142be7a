package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.InstancePre;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a component's binary fixes is worked out once for all its instances (its value and function
 * types, the transfer plans of its calls into other components); what involves an instance's own
 * resources is not.
 */
class PreparedOnceTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void typesWithoutResourcesAreSharedAndHandlesAreEachInstances(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        InstancePre pre = engine.linker().instantiatePre(Wasm.load(engine, "values"));
        Instance a = pre.instantiate();
        Instance b = pre.instantiate();
        for (String f : new String[] {"id-record", "id-entry", "id-list", "id-result"}) {
            assertSame(
                    a.func(f).params().get(0).type(), b.func(f).params().get(0).type(), f);
        }

        InstancePre resources = engine.linker().instantiatePre(Wasm.load(engine, "resources"));
        Instance r1 = resources.instantiate();
        Instance r2 = resources.instantiate();
        String ctor = "[constructor]thing";
        assertNotEquals(
                r1.func(ctor).result().orElseThrow(),
                r2.func(ctor).result().orElseThrow(),
                "each instance's own<thing> names its own resource type");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void callsIntoOtherComponentsUseEachInstancesProviders(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component consumer = Wasm.load(engine, "str-consumer");
        Instance provider1 = engine.linker().instantiate(Wasm.load(engine, "str-provider"));
        Instance provider2 = engine.linker().instantiate(Wasm.load(engine, "str-provider"));
        Instance consumer1 = consumerOf(engine, provider1).instantiate(consumer);
        Instance consumer2 = consumerOf(engine, provider2).instantiate(consumer);

        // the plan of the string transfer is shared; the memory and realloc are each provider's
        assertEquals(Optional.of(Value.u32(1)), consumer2.func("units").call(Value.string("☃")));
        assertEquals(Optional.of(Value.u32(2)), provider2.func("reallocs").call());
        assertEquals(Optional.of(Value.u32(0)), provider1.func("reallocs").call());
        assertEquals(Optional.of(Value.string("héllo")), consumer1.func("run").call(Value.string("héllo")));
        assertEquals(Optional.of(Value.string("wörld")), consumer2.func("run").call(Value.string("wörld")));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void callsPassingHandlesUseEachInstancesResources(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Component user = Wasm.load(engine, "res-user");
        Instance impl1 = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Instance impl2 = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Instance user1 = userOf(engine, impl1).instantiate(user);
        Instance user2 = userOf(engine, impl2).instantiate(user);

        // the second instance first: a handle typed with the first's resources would not be its own
        assertEquals(Optional.of(Value.u32(3 + 30 + 700)), user2.func("run").call());
        assertEquals(Optional.of(Value.u32(7)), impl2.func("dropped").call());
        assertEquals(Optional.of(Value.u32(0)), impl1.func("dropped").call());
        assertEquals(Optional.of(Value.u32(3 + 30 + 700)), user1.func("run").call());
        assertEquals(Optional.of(Value.u32(7)), impl1.func("dropped").call());
    }

    private static Linker consumerOf(Engine engine, Instance provider) {
        Linker linker = engine.linker();
        linker.instance("test:str/api", provider.exportedInstance("test:str/api"));
        return linker;
    }

    private static Linker userOf(Engine engine, Instance impl) {
        Linker linker = engine.linker();
        linker.instance("test:res/api", impl);
        return linker;
    }
}
