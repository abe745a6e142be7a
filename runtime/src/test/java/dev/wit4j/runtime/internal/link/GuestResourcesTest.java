package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.abi.LiftedResource;
import dev.wit4j.runtime.value.Value;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A resource defined by a component: constructor, borrow method, consuming function, destructor. */
class GuestResourcesTest {

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void ownAndBorrowFromTheHost(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance in = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Value.Own t =
                (Value.Own) in.func("[constructor]thing").call(Value.u32(5)).orElseThrow();
        assertEquals(5, HostResource.rep(t));
        assertEquals("thing", t.handle().resourceType());
        assertEquals(Optional.of(Value.u32(5)), in.func("[method]thing.get").call(Value.borrow(t.handle())));
        assertEquals(Optional.of(Value.u32(5)), in.func("[static]thing.consume").call(t));
        assertEquals(Optional.of(Value.u32(5)), in.func("dropped").call(), "the guest's drop ran its destructor");

        Value.Own u =
                (Value.Own) in.func("[constructor]thing").call(Value.u32(7)).orElseThrow();
        Instance.drop(u);
        assertEquals(Optional.of(Value.u32(12)), in.func("dropped").call(), "the host's drop ran the destructor");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void eachInstanceHasItsOwnResourceType(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        Instance a = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Instance b = engine.linker().instantiate(Wasm.load(engine, "resources"));
        Value.Own t =
                (Value.Own) a.func("[constructor]thing").call(Value.u32(1)).orElseThrow();
        Value.Own u =
                (Value.Own) b.func("[constructor]thing").call(Value.u32(1)).orElseThrow();
        assertNotSame(((LiftedResource) t.handle()).type(), ((LiftedResource) u.handle()).type());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> b.func("[static]thing.consume").call(t));
        assertTrue(e.getMessage().contains("thing"), e.getMessage());
        assertEquals(Optional.of(Value.u32(1)), b.func("[static]thing.consume").call(u));
    }
}
