package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.core.CoreFuncType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Core exceptions ({@code throw}) unwind between core instances, but never across the host: one
 * that leaves core code for Java, or for another component through a host function, is the trap
 * "uncaught exception propagated out of component".
 */
class CoreExceptionTest {

    /** {@code (module (tag $t) (func (export "throw") (throw $t)))} */
    private static final byte[] THROWS = bytes(
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
            0x0d, 0x03, 0x01, 0x00, 0x00, 0x07, 0x09, 0x01, 0x05, 't', 'h', 'r', 'o', 'w', 0x00, 0x00, 0x0a, 0x06, 0x01,
            0x04, 0x00, 0x08, 0x00, 0x0b);

    /**
     * {@code (module (import "m" "f" (func $f)) (func (export "catchAll") (result i32) (block $c
     * (try_table (catch_all $c) (call $f)) (return (i32.const 0))) (i32.const 1)))}: 1 if calling
     * the import threw an exception that reached the {@code catch_all}, else 0.
     */
    private static final byte[] CATCHES = bytes(
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x60, 0x00, 0x00, 0x60, 0x00, 0x01, 0x7f,
            0x02, 0x07, 0x01, 0x01, 'm', 0x01, 'f', 0x00, 0x00, 0x03, 0x02, 0x01, 0x01, 0x07, 0x0c, 0x01, 0x08, 'c',
            'a', 't', 'c', 'h', 'A', 'l', 'l', 0x00, 0x01, 0x0a, 0x14, 0x01, 0x12, 0x00, 0x02, 0x40, 0x1f, 0x40, 0x01,
            0x02, 0x00, 0x10, 0x00, 0x0b, 0x41, 0x00, 0x0f, 0x0b, 0x41, 0x01, 0x0b);

    private static CoreFunction thrower(ExecutionMode mode) {
        CoreModuleInstance a =
                CoreModuleInstance.instantiate(CoreModule.parse(THROWS, 0), (m, n) -> Optional.empty(), mode);
        return (CoreFunction) a.export("throw").orElseThrow();
    }

    private static CoreFunction catcher(CoreFunction import_, ExecutionMode mode) {
        CoreModuleInstance b = CoreModuleInstance.instantiate(
                CoreModule.parse(CATCHES, 0),
                (m, n) -> m.equals("m") && n.equals("f") ? Optional.of(import_) : Optional.empty(),
                mode);
        return (CoreFunction) b.export("catchAll").orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anExceptionLeavingCoreCodeIsATrap(ExecutionMode mode) {
        CoreTrapException trap = assertThrows(CoreTrapException.class, thrower(mode)::call);
        assertEquals(CoreTrapException.UNCAUGHT_EXCEPTION, trap.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anExceptionUnwindsIntoTheCoreInstanceThatImportedTheThrowingExport(ExecutionMode mode) {
        assertArrayEquals(new long[] {1}, catcher(thrower(mode), mode).call());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void anExceptionDoesNotUnwindThroughAHostFunction(ExecutionMode mode) {
        CoreFunction thrower = thrower(mode);
        CoreFunction boundary = CoreFunction.host(new CoreFuncType(List.of(), List.of()), thrower::call);
        CoreTrapException trap = assertThrows(CoreTrapException.class, catcher(boundary, mode)::call);
        assertEquals(CoreTrapException.UNCAUGHT_EXCEPTION, trap.getMessage());
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
