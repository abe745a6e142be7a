package com.example.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The component runs from the classes javac wrote, with no compiler and no wasm on the class path. */
class AotTest {

    @Test
    void theRunTimeClassPathHasNoCompiler() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("run.endive.compiler.MachineFactoryCompiler"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.objectweb.asm.ClassWriter"));
    }

    @Test
    void theApplicationCarriesNoWasm() throws Exception {
        assertNull(AotTest.class.getResource("/ledger.wasm"));
        try (Stream<Path> files = Files.walk(Path.of("target", "classes"))) {
            assertEquals(0, files.filter(p -> p.toString().endsWith(".wasm")).count());
        }
    }

    @Test
    void theComponentRunsFromItsCompiledClasses() {
        Ledger ledger = LedgerWorld.instantiate().ledger();
        assertEquals(Ledger.Category.ZERO, ledger.classify(0));
        assertEquals(Ledger.Category.MEDIUM, ledger.classify(500));
        assertEquals(0x00620062, ledger.checksum(new byte[] {'a'}));
    }
}
