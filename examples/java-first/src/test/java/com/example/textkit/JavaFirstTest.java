package com.example.textkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.textkit.wit.TextTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The WIT derived from the Java interfaces, the exports of the component called from Java through
 * the generated bindings, and the component calling the Java implementation of its import.
 */
class JavaFirstTest {
    private final ListLogger logger = new ListLogger();
    private final TextTools tools = Main.instantiate(logger).textTools();

    private static String wit(String file) throws IOException {
        try (InputStream in = JavaFirstTest.class.getResourceAsStream("/META-INF/wit/example/textkit/" + file)) {
            assertNotNull(in, file + " was not written to target/classes/META-INF/wit/example/textkit");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The interface files end with an empty line (as WitPrinter lays them out); the world file does not. */
    @Test
    void theProcessorWritesTheDerivedWit() throws IOException {
        assertEquals("""
                package example:textkit@1.0.0;

                interface text-tools {
                  shout: func(text: string) -> string;

                  count: func(words: list<string>) -> u32;

                  total: func(xs: list<s32>) -> s64;
                }

                """, wit("text-tools.wit"));
        assertEquals("""
                package example:textkit@1.0.0;

                interface logger {
                  log: func(message: string);
                }

                """, wit("logger.wit"));
        assertEquals("""
                package example:textkit@1.0.0;

                world textkit {
                  import logger;

                  export text-tools;
                }
                """, wit("textkit.wit"));
    }

    @Test
    void javaCallsTheExports() {
        assertEquals("HELLO, WIT4J!", tools.shout("hello, wit4j"));
        assertEquals("!", tools.shout(""));
        assertEquals(3, tools.count(List.of("a", "bb", "")));
        assertEquals(0, tools.count(List.of()));
        assertEquals(6, tools.total(new int[] {1, 2, 3}));
        assertEquals(2L * Integer.MAX_VALUE, tools.total(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}),
                "s64 result: no 32-bit overflow");
        assertEquals(-5, tools.total(new int[] {-2, -3}));
    }

    @Test
    void theComponentCallsTheJavaImport() {
        assertEquals(List.of(), logger.messages());
        tools.shout("first");
        tools.count(List.of("not", "logged"));
        tools.shout("grün");
        assertEquals(List.of("first", "grün"), logger.messages());
    }

    @Test
    void instancesHaveTheirOwnImports() {
        ListLogger other = new ListLogger();
        Main.instantiate(other).textTools().shout("other");
        tools.shout("mine");
        assertEquals(List.of("other"), other.messages());
        assertEquals(List.of("mine"), logger.messages());
    }
}
