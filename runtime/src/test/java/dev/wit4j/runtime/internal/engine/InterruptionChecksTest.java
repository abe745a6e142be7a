package dev.wit4j.runtime.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.fuzz.Wat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compiled code checks for interruption at loop back edges (and indirect calls), not before every
 * direct call ({@link CodeRewriter}); a loop that only calls is still stopped.
 */
class InterruptionChecksTest {

    private static final String MODULE = """
            (module
              (func $leaf (result i32) i32.const 1)
              (func (export "spin") (loop (drop (call $leaf)) (drop (call $leaf)) (br 0))))
            """;

    @Test
    void onlyBackEdgesAreChecked() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco assemble the test module");
        Wat.Assembled wasm = Wat.assemble(List.of(MODULE)).get(0);
        assertNull(wasm.error(), wasm.error());
        int checks = 0;
        for (MethodNode method : CompiledMethods.of(wasm.wasm())) {
            if (!method.name.equals("func_1")) continue;
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && call.name.equals("checkInterruption")) checks++;
            }
        }
        assertEquals(1, checks, "one check, at the loop's back edge; none before the two calls");

        CoreModuleInstance instance = CoreModuleInstance.instantiate(
                CoreModule.parse(wasm.wasm(), 0), (m, n) -> Optional.empty(), ExecutionMode.COMPILED);
        CoreFunction spin = (CoreFunction) instance.export("spin").orElseThrow();
        Thread caller = Thread.currentThread();
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        stopper.start();
        RuntimeException stopped = assertThrows(RuntimeException.class, spin::call);
        Thread.interrupted();
        assertTrue(String.valueOf(stopped.getMessage()).toLowerCase().contains("interrupt"), stopped.toString());
    }
}
