package com.example.textkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.textkit.wit.Reporter;
import com.example.textkit.wit.Textkit;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.Trap;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Virtualisation: the reporter component imports {@code example:textkit/text-tools}. It is linked
 * once to the textkit component's export (component to component) and once to {@link JavaTextTools}
 * (through the same linker, at the same name); every observable result is the same.
 */
class VirtualisationTest {
    static final String TEXT_TOOLS = "example:textkit/text-tools@1.0.0";
    static final Engine ENGINE = Engine.create();
    static final Component REPORTER = ENGINE.load(Main.resource("/reporter.wasm"));

    /** One way of providing text-tools to the reporter, and the logger behind it. */
    record Provider(String name, ListLogger logger, Report report) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Provider wasm() {
        ListLogger logger = new ListLogger();
        Textkit textkit = Textkit.instantiate(
                ENGINE,
                Main.componentBytes(),
                Textkit.Imports.builder().logger(logger).build());
        Linker linker = ENGINE.linker().instance(TEXT_TOOLS, textkit.instance().exportedInstance(TEXT_TOOLS));
        return new Provider(
                "textkit component",
                logger,
                Reporter.instantiate(linker, REPORTER).report());
    }

    static Provider java() {
        ListLogger logger = new ListLogger();
        Linker linker = Reporter.link(
                ENGINE.linker(),
                Reporter.Imports.builder().textTools(new JavaTextTools(logger)).build());
        return new Provider(
                "Java implementation",
                logger,
                Reporter.instantiate(linker, REPORTER).report());
    }

    static Provider provider(String which) {
        return which.equals("wasm") ? wasm() : java();
    }

    /** Runs {@code check} against both providers and asserts the same outcome. */
    static <T> T same(Function<Provider, T> check) {
        T fromWasm = check.apply(wasm());
        T fromJava = check.apply(java());
        assertEquals(fromWasm, fromJava, "the Java implementation behaves as the component");
        return fromWasm;
    }

    @Test
    void stringsAreCopiedAcrossBothBoundaries() {
        assertEquals("HELLO, REPORT!", same(p -> p.report().loud("hello, report")));
        assertEquals("GRüN!", same(p -> p.report().loud("grün")), "ASCII letters only");
        assertEquals("!", same(p -> p.report().loud("")));
        assertEquals(List.of("INFO short", "WARN a bit longer"), same(p -> {
            p.report().loud("short");
            p.report().loud("a bit longer");
            return p.logger().messages();
        }));
    }

    @Test
    void resourcesAreOwnedAndBorrowedThroughTheImport() {
        assertEquals(42L, (long) same(p -> p.report().tallied(40, 2)));
        assertEquals(0x1_FFFF_FFFEL, (long) same(p -> p.report().tallied(-1, -1)), "u32 arguments, u64 sum");
        assertEquals(
                10L,
                (long) same(p -> {
                    p.report().tallied(1, 2);
                    return p.report().tallied(3, 7);
                }),
                "a new tally per call");
    }

    @Test
    void aBorrowOfADroppedHandleTraps() {
        assertEquals(
                Trap.Reason.UNKNOWN_HANDLE,
                same(p -> assertThrows(Trap.class, () -> p.report().misuse()).reason()));
    }

    /**
     * A Java implementation cannot hand the component what a component could not: a string that is
     * not Unicode (a lone surrogate) traps the caller, as invalid UTF-8 from a component would.
     */
    @Test
    void stringsFromTheJavaImplementationAreValidated() {
        Linker linker = Reporter.link(
                ENGINE.linker(),
                Reporter.Imports.builder().textTools(new LoneSurrogate()).build());
        Trap t = assertThrows(
                Trap.class,
                () -> Reporter.instantiate(linker, REPORTER).report().loud("x"));
        assertTrue(t.getMessage().contains("shout"), t.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "java"})
    void aTrapInTheProviderPropagatesAndNamesTheFunction(String which) {
        Provider p = provider(which);
        Trap t = assertThrows(Trap.class, () -> p.report().loud("nul\0byte"));
        assertTrue(t.getMessage().contains("shout"), p + ": " + t.getMessage());
        assertEquals(List.of("INFO nul\0byte"), p.logger().messages(), p + ": logged before the trap");
    }

    /** Text tools whose {@code shout} returns a string that is not Unicode. */
    static final class LoneSurrogate implements TextTools {
        private final TextTools tools = new JavaTextTools(new ListLogger());

        @Override
        public String shout(String text) {
            return "\uD800";
        }

        @Override
        public int count(List<String> words) {
            return tools.count(words);
        }

        @Override
        public long total(int[] xs) {
            return tools.total(xs);
        }

        @Override
        public Span align(Span span, Side to, int width) {
            return tools.align(span, to, width);
        }

        @Override
        public java.util.Optional<Span> nonEmpty(Span span) {
            return tools.nonEmpty(span);
        }

        @Override
        public long covered(List<Span> spans) {
            return tools.covered(spans);
        }

        @Override
        public Token twice(Token token) {
            return tools.twice(token);
        }

        @Override
        public dev.wit4j.runtime.types.Result<Span, String> fit(Span span, int width) {
            return tools.fit(span, width);
        }

        @Override
        public long peek(Tally tally) {
            return tools.peek(tally);
        }

        @Override
        public Tally newTally() {
            return tools.newTally();
        }

        @Override
        public Tally startingAt(long sum) {
            return tools.startingAt(sum);
        }
    }
}
