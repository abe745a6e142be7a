package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.value.Value;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An instance that is no longer referenced is collected, with its memory, even when it defines a
 * resource type whose destructor lives in its memory-owning core instance (the usual toolchain
 * layout): nothing global keeps it.
 */
class DroppedInstancesTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void droppedInstancesThatDefineResourcesAreCollected(ExecutionMode mode) throws InterruptedException {
        Engine engine = Wasm.engine(mode);
        Component component = Wasm.load(engine, "resources");
        System.gc();
        int before = RuntimeResource.live();
        List<WeakReference<Instance>> dropped = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instance in = engine.linker().instantiate(component);
            Value.Own t =
                    (Value.Own) in.func("[constructor]thing").call(Value.u32(i)).orElseThrow();
            assertEquals(Optional.of(Value.u32(i)), in.func("[method]thing.get").call(Value.borrow(t.handle())));
            dropped.add(new WeakReference<>(in));
        }
        for (int attempt = 0;
                attempt < 50 && (dropped.stream().anyMatch(r -> r.get() != null) || RuntimeResource.live() > before);
                attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        long alive = dropped.stream().filter(r -> r.get() != null).count();
        assertTrue(alive == 0, alive + " of 20 dropped instances are still reachable");
        assertTrue(
                RuntimeResource.live() <= before,
                (RuntimeResource.live() - before)
                        + " resource types of dropped instances are still alive (and with them their instances)");
    }
}
