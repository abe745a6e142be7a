package com.example.textkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.textkit.TextTools.Gap;
import com.example.textkit.TextTools.Num;
import com.example.textkit.TextTools.Side;
import com.example.textkit.TextTools.Span;
import com.example.textkit.TextTools.Tally;
import com.example.textkit.TextTools.Word;
import com.example.textkit.wit.TallyHandle;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.wit.ComponentWit;
import dev.wit4j.witx.print.WitPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The WIT derived from the Java interfaces, the exports of the component called through the
 * Java-first {@link TextTools} interface itself, and the component calling a plain Java
 * implementation of {@link Logger}: no copies of the user's types are generated.
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
                  record span {
                    start: u32,
                    length-utf8: u32,
                  }

                  enum side {
                    left,
                    right,
                  }

                  variant token {
                    word(string),
                    num(s64),
                    gap,
                  }

                  resource tally {
                    constructor();
                    starting-at: static func(sum: u64) -> tally;
                    add: func(n: u32);
                    sum: func() -> u64;
                  }

                  shout: func(text: string) -> string;

                  count: func(words: list<string>) -> u32;

                  total: func(xs: list<s32>) -> s64;

                  align: func(span: span, to: side, width: u32) -> span;

                  non-empty: func(span: span) -> option<span>;

                  covered: func(spans: list<span>) -> u64;

                  twice: func(token: token) -> token;

                  fit: func(span: span, width: u32) -> result<span, string>;

                  peek: func(tally: borrow<tally>) -> u64;
                }

                """, withoutDocs(wit("text-tools.wit")));
        // the Javadoc came along as WIT documentation
        assertTrue(
                wit("text-tools.wit").contains("  /// A running sum kept by the component (WIT `resource tally`)."),
                wit("text-tools.wit"));
        assertTrue(wit("text-tools.wit").contains("    /// Adds `n`.\n    add: func(n: u32);"), wit("text-tools.wit"));
        assertEquals("""
                package example:textkit@1.0.0;

                interface logger {
                  enum level {
                    info,
                    warn,
                  }

                  log: func(level: level, message: string);
                }

                """, withoutDocs(wit("logger.wit")));
        assertEquals("""
                package example:textkit@1.0.0;

                world textkit {
                  import logger;

                  export text-tools;
                }
                """, wit("textkit.wit"));
    }

    /** The components' interfaces, as decoded from their binaries, are exactly the derived WIT. */
    @Test
    void theComponentsImplementTheDerivedWit() throws IOException {
        // Printed inside `package … { }` blocks, hence compared without indentation.
        String textkit = unindent(
                WitPrinter.print(ComponentWit.decode(Main.componentBytes()).resolve()));
        String reporter = unindent(WitPrinter.print(
                ComponentWit.decode(Main.resource("/reporter.wasm")).resolve()));
        for (String file : List.of("text-tools.wit", "logger.wit", "report.wit")) {
            String derived = unindent(withoutDocs(wit(file)));
            String block = derived.substring(derived.indexOf("interface ")).stripTrailing();
            assertTrue(textkit.contains(block) || reporter.contains(block), file + " in\n" + textkit + "\n" + reporter);
        }
    }

    /** WIT without its {@code ///} documentation (the components' binaries carry none). */
    private static String withoutDocs(String wit) {
        return wit.lines()
                .filter(l -> !l.strip().startsWith("///"))
                .map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
    }

    private static String unindent(String text) {
        return text.lines().map(String::strip).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void noCopiesOfTheUsersInterfacesOrTypesAreGenerated() {
        for (String name : List.of("TextTools", "Logger", "TextTools$Span", "Logger$Level")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("com.example.textkit.wit." + name), name);
        }
        assertInstanceOf(TextTools.class, tools);
    }

    @Test
    void scalarsStringsListsAndArrays() {
        assertEquals("HELLO, WIT4J!", tools.shout("hello, wit4j"));
        assertEquals("!", tools.shout(""));
        assertEquals(3, tools.count(List.of("a", "bb", "")));
        assertEquals(0, tools.count(List.of()));
        assertEquals(6, tools.total(new int[] {1, 2, 3}));
        assertEquals(
                2L * Integer.MAX_VALUE,
                tools.total(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}),
                "s64 result: no 32-bit overflow");
        assertEquals(-5, tools.total(new int[] {-2, -3}));
    }

    @Test
    void recordsAndEnums() {
        assertEquals(new Span(75, 5), tools.align(new Span(2, 5), Side.RIGHT, 80));
        assertEquals(new Span(0, 5), tools.align(new Span(2, 5), Side.LEFT, 80));
        // The record component keeps its Java name (lengthUTF8), which lowerCamel of `length-utf8` is not.
        assertEquals(7, tools.align(new Span(0, 7), Side.LEFT, 9).lengthUTF8());
        assertEquals(-1, tools.align(new Span(0, -1), Side.LEFT, 9).lengthUTF8(), "u32 carried in an int");
    }

    @Test
    void optionsListsOfRecordsAndResults() {
        assertEquals(Optional.of(new Span(3, 4)), tools.nonEmpty(new Span(3, 4)));
        assertEquals(Optional.empty(), tools.nonEmpty(new Span(3, 0)));
        assertEquals(12, tools.covered(List.of(new Span(0, 5), new Span(9, 7), new Span(1, 0))));
        assertEquals(0, tools.covered(List.of()));
        assertEquals(0x1_0000_0000L, tools.covered(List.of(new Span(0, -1), new Span(0, 1))), "u64 sum of u32 lengths");
        assertEquals(Result.ok(new Span(2, 4)), tools.fit(new Span(2, 4), 6));
        assertEquals(Result.err("span ends after width"), tools.fit(new Span(2, 5), 6));
        assertEquals(Result.err("span ends after width"), tools.fit(new Span(-1, 2), 6), "no 32-bit wrap-around");
    }

    @Test
    void variants() {
        assertEquals(new Num(42), tools.twice(new Num(21)));
        assertEquals(new Num(-8), tools.twice(new Num(-4)));
        assertEquals(new Word("grün"), tools.twice(new Word("grün")));
        assertEquals(new Gap(), tools.twice(new Gap()));
        assertThrows(NullPointerException.class, () -> tools.twice(null));
    }

    @Test
    void resourcesOfTheComponentThroughTheUsersResourceInterface() {
        Tally a = tools.newTally();
        Tally b = tools.newTally();
        a.add(40);
        a.add(2);
        b.add(-1);
        assertEquals(42, a.sum());
        assertEquals(0xFFFF_FFFFL, b.sum(), "u32 added as unsigned");
        assertInstanceOf(TallyHandle.class, a);
        a.close(); // through the user's own type: the handle is dropped
        assertThrows(IllegalStateException.class, a::sum, "a closed handle is not used");
        try (Tally d = tools.newTally()) {
            d.add(5);
            assertEquals(5, d.sum());
        }
        assertEquals(0xFFFF_FFFFL, b.sum());
        Tally c = tools.startingAt(-2);
        c.add(3);
        assertEquals(1, c.sum(), "u64 wraps around");
        assertEquals(1, tools.peek(c), "lent to the component");
        assertEquals(1, tools.peek(c), "and still ours");
        Tally mine = new Tally() {
            @Override
            public void add(int n) {}

            @Override
            public long sum() {
                return 7;
            }

            @Override
            public void close() {}
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tools.peek(mine));
        assertTrue(e.getMessage().startsWith("not a `tally` of the component"), e.getMessage());
    }

    @Test
    void theComponentCallsTheJavaImport() {
        assertEquals(List.of(), logger.messages());
        tools.shout("first");
        tools.count(List.of("not", "logged"));
        tools.shout("grün");
        tools.shout("a longer message");
        assertEquals(List.of("INFO first", "INFO grün", "WARN a longer message"), logger.messages());
    }

    @Test
    void instancesHaveTheirOwnImports() {
        ListLogger other = new ListLogger();
        Main.instantiate(other).textTools().shout("other");
        tools.shout("mine");
        assertEquals(List.of("INFO other"), other.messages());
        assertEquals(List.of("INFO mine"), logger.messages());
    }
}
