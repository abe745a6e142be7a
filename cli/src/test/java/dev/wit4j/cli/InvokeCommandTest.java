package dev.wit4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.cli.ValidateCommandTest.Outcome;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code wit4j invoke}: calls with WAVE arguments and results on the example calculator and on the
 * test components of {@code src/test/resources/invoke} (rebuilt from their {@code .wat} by its
 * {@code build.sh}).
 */
class InvokeCommandTest {

    private static final Path CALC = Paths.get("..", "examples", "components", "calc.wasm");
    private static final Path SHAPES = Paths.get("src", "test", "resources", "invoke", "shapes.wasm");
    private static final Path NEEDS_IMPORT = Paths.get("src", "test", "resources", "invoke", "needs-import.wasm");

    private static final Path GREEDY = Paths.get("src", "test", "resources", "invoke", "greedy.wasm");
    private static final Path THINGS = Paths.get("src", "test", "resources", "invoke", "things.wasm");

    private static Outcome invoke(Path component, String call) {
        return ValidateCommandTest.wit4j("invoke", component.toString(), call);
    }

    /** Exit 0 and exactly one line of output. */
    private static void assertPrints(String expected, Outcome outcome) {
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(expected + System.lineSeparator(), outcome.out());
        assertEquals("", outcome.err());
    }

    /** Exit 1 with one line on stderr that starts as given, and no stack trace. */
    private static void assertFailsWith(String prefix, Outcome outcome) {
        assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
        assertEquals("", outcome.out());
        String err = outcome.err().strip();
        assertFalse(err.contains("\n"), "more than one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "looks like a stack trace: " + err);
        assertTrue(err.startsWith(prefix), err);
    }

    /**
     * Calls follow one another on one instance; `t = ...` names the handle a constructor returns, a
     * method borrows it, a static function that takes it owned consumes it (the guest's destructor
     * then counts its representation).
     */
    @Test
    void resourceConstructorsMethodsAndStaticsByName() {
        Outcome outcome = ValidateCommandTest.wit4j(
                "invoke",
                THINGS.toString(),
                "t = [constructor]thing(7)",
                "u = [constructor]thing(5)",
                "[method]thing.get(t)",
                "[method]thing.get(t)",
                "[static]thing.consume(t)",
                "dropped()",
                "[method]thing.get(u)");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(
                List.of("own<thing>#7", "own<thing>#5", "7", "7", "7", "7", "5"),
                outcome.out().lines().toList());
        assertEquals("", outcome.err());
    }

    @Test
    void aHandleMovedIntoACallIsGone() {
        Outcome outcome = ValidateCommandTest.wit4j(
                "invoke",
                THINGS.toString(),
                "t = [constructor]thing(7)",
                "[static]thing.consume(t)",
                "[method]thing.get(t)");
        assertEquals(1, outcome.exitCode());
        assertTrue(
                outcome.err().startsWith("error: bad arguments for `[method]thing.get`: no handle named `t`"),
                outcome.err());
    }

    @Test
    void onlyAHandleCanBeNamed() {
        Outcome outcome = ValidateCommandTest.wit4j("invoke", THINGS.toString(), "n = dropped()");
        assertEquals(1, outcome.exitCode());
        assertTrue(
                outcome.err().startsWith("error: `n = dropped(...)`: the call returned no resource handle to name"),
                outcome.err());
    }

    @Test
    void addsTwoNumbers() {
        assertPrints("3", invoke(CALC, "add(1, 2)"));
    }

    @Test
    void unsignedArgumentsUseTheFullRange() {
        assertPrints("0", invoke(CALC, "add(4294967295, 1)"));
    }

    @Test
    void greetsWithAString() {
        assertPrints("\"Hello, world!\"", invoke(CALC, "greet(\"world\")"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "flip({x: 1, y: -2})            | {x: -2, y: 1}",
                "flip({y: 5, x: 0})             | {x: 5, y: 0}",
                "first([7, 8])                  | some(7)",
                "first([])                      | none",
                "sum([1, 2, 3])                 | 6",
                "checked-div(7, 2)              | ok(3)",
                "checked-div(1, 0)              | err(\"division by zero\")",
                "scale(circle(2), 3)            | circle(6)",
                "scale(dot, 3)                  | dot",
                "next-color(blue)               | red",
                "toggle({read})                 | {write, exec}",
                "toggle({})                     | {read, write, exec}",
                "half(3)                        | 1.5",
                "tools#double(21)               | 42",
                "example:shapes/geometry@1.0.0#double(5) | 10",
            })
    void printsTheResultInWave(String call, String result) {
        assertPrints(result, invoke(SHAPES, call));
    }

    @Test
    void anInterfaceFunctionCanBeNamedWithoutTheVersion() {
        assertPrints("10", invoke(SHAPES, "example:shapes/geometry#double(5)"));
    }

    @Test
    void aFunctionWithoutResultPrintsNothing() {
        Outcome outcome = invoke(SHAPES, "noop()");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.out());
        assertEquals("", outcome.err());
    }

    @Test
    void aTrapExitsOneWithTheReason() {
        Outcome outcome = invoke(SHAPES, "boom()");
        assertFailsWith("trap: ", outcome);
        assertFalse(outcome.err().contains("wasm trap"), "the reason said twice: " + outcome.err());
        assertTrue(outcome.err().contains("unreachable"), outcome.err());
        assertTrue(outcome.err().contains("boom"), outcome.err());
    }

    @Test
    void anUnknownExportListsTheFunctionsThereAre() {
        Outcome outcome = invoke(SHAPES, "nope()");
        assertFailsWith("error: no exported function `nope`", outcome);
        assertTrue(outcome.err().contains("flip") && outcome.err().contains("tools#double"), outcome.err());
    }

    @Test
    void argumentsOfTheWrongTypeAreRejected() {
        assertFailsWith("error: bad arguments for `flip`: expected record", invoke(SHAPES, "flip(1)"));
    }

    @Test
    void tooFewArgumentsAreRejected() {
        assertFailsWith("error: bad arguments for `add`", invoke(CALC, "add(1)"));
    }

    @Test
    void aMalformedCallIsRejected() {
        assertFailsWith("error: invalid call", invoke(CALC, "(1, 2)"));
    }

    @Test
    void aComponentWithImportsOtherThanWasiCannotBeInvoked() {
        Outcome outcome = invoke(NEEDS_IMPORT, "run()");
        assertFailsWith("error: cannot instantiate", outcome);
        assertTrue(
                outcome.err().contains("`log`") && outcome.err().contains("invoke defines WASI imports only"),
                outcome.err());
    }

    @Test
    void wasiImportsAreDefinedAndGrantedAsRunGrantsThem() {
        Path hello = Paths.get("..", "examples", "components", "hello-command.wasm");
        Outcome outcome = ValidateCommandTest.wit4j(
                "invoke", "--env", "A=1", "--dir-ro", ".::/here", hello.toString(), "wasi:cli/run@0.2.12#run()");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals(
                List.of("hello from a wasi command", "ok"),
                outcome.out().lines().toList());
        assertFailsWith(
                "error: --env wants KEY=VALUE or NAME",
                ValidateCommandTest.wit4j("invoke", "--env", "=1", hello.toString(), "wasi:cli/run@0.2.12#run()"));
    }

    @Test
    void aMissingFileIsOneLine() {
        assertFailsWith("error: no such file", invoke(Paths.get("no-such.wasm"), "f()"));
    }

    @Test
    void aFileThatIsNotABinaryIsOneLine() {
        assertFailsWith("error: ", invoke(Paths.get("src", "test", "resources", "invoke", "shapes.wat"), "f()"));
    }

    @Test
    void theCallIsRequired() {
        Outcome outcome = ValidateCommandTest.wit4j("invoke", CALC.toString());
        assertEquals(2, outcome.exitCode());
    }

    @Test
    void memoryIsLimitedByDefaultAndByOption() {
        // 1 GiB by default: 2 GiB more is refused as memory.grow may refuse, 512 MiB is granted
        assertPrints("-1", invoke(GREEDY, "grow(32768)"));
        assertPrints("1", invoke(GREEDY, "grow(8192)"));
        assertPrints("-1", ValidateCommandTest.wit4j("invoke", "--max-memory", "1MiB", GREEDY.toString(), "grow(16)"));
        assertPrints("1", ValidateCommandTest.wit4j("invoke", "--max-memory", "1MiB", GREEDY.toString(), "grow(15)"));
        assertPrints(
                "1",
                ValidateCommandTest.wit4j("invoke", "--max-memory", "unlimited", GREEDY.toString(), "grow(65535)"));
        assertFailsWith(
                "error: --max-memory wants a size such as 64MiB",
                ValidateCommandTest.wit4j("invoke", "--max-memory", "lots", GREEDY.toString(), "grow(1)"));
    }

    @Test
    void aTimeoutStopsASpinningCall() {
        assertFailsWith(
                "trap: deadline exceeded: the call ran longer than its timeout of 200 ms",
                ValidateCommandTest.wit4j("invoke", "--timeout", "200ms", GREEDY.toString(), "spin()"));
        assertFailsWith(
                "error: --timeout wants a positive duration",
                ValidateCommandTest.wit4j("invoke", "--timeout", "soon", GREEDY.toString(), "spin()"));
    }
}
