package dev.wit4j.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every {@code canon} record has its own name, as the spec spells it. */
class CanonNamesTest {

    @Test
    void everyBuiltinIsNamedOnce() {
        Set<String> names = new HashSet<>();
        for (Class<?> kind : Canon.class.getPermittedSubclasses()) {
            String name = CanonNames.byClass(kind);
            assertNotNull(name, kind.getSimpleName());
            assertTrue(names.add(name), name);
        }
        assertEquals(Canon.class.getPermittedSubclasses().length, names.size());
    }

    @Test
    void namesAreTheSpecs() {
        assertEquals("resource.drop", new Canon.ResourceDrop(0, 0).builtinName());
        assertEquals("waitable.join", new Canon.WaitableJoin(0).builtinName());
        assertEquals("error-context.debug-message", new Canon.ErrorContextDebugMessage(0, List.of()).builtinName());
        assertEquals("thread.available-parallelism", new Canon.ThreadAvailableParallelism(0, false).builtinName());
        assertEquals("stream.cancel-read", new Canon.StreamCancelRead(0, 0, true).builtinName());
    }
}
