package dev.wit4j.runtime.conformance;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.Trap.Reason;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether our trap says the same thing as the message a {@code .wast} script expects. The scripts
 * expect wasmtime's wording ({@code "string content out-of-bounds"}); ours names the canonical-ABI
 * reason ({@link Reason#OUT_OF_BOUNDS}). A trap matches if its message contains the expected text,
 * or if its reason is the one the expected wording stands for — and, when the expected text names a
 * handle index, our message names the same index.
 */
final class TrapMessages {

    /** wasmtime's wording (a part of it) and the reasons that say the same. */
    private static final Map<String, List<Reason>> SAME_REASON = Map.ofEntries(
            Map.entry("out-of-bounds", List.of(Reason.OUT_OF_BOUNDS)),
            // wasmtime says this for a string beyond its length limit too (its StringOutOfBounds trap)
            Map.entry("string content out-of-bounds", List.of(Reason.OUT_OF_BOUNDS, Reason.STRING_TOO_LONG)),
            Map.entry("out of bounds", List.of(Reason.OUT_OF_BOUNDS)),
            Map.entry("beyond end of memory", List.of(Reason.OUT_OF_BOUNDS)),
            Map.entry("unaligned pointer", List.of(Reason.UNALIGNED_POINTER)),
            Map.entry("not aligned", List.of(Reason.UNALIGNED_POINTER)),
            Map.entry("unknown handle index", List.of(Reason.UNKNOWN_HANDLE)),
            Map.entry("used with the wrong type", List.of(Reason.HANDLE_TYPE_MISMATCH)),
            Map.entry("invalid variant discriminant", List.of(Reason.INVALID_DISCRIMINANT)),
            Map.entry("out of range [", List.of(Reason.INVALID_DISCRIMINANT)),
            Map.entry("invalid `char` bit pattern", List.of(Reason.INVALID_CHAR)),
            Map.entry("invalid utf-8", List.of(Reason.INVALID_STRING_ENCODING)),
            Map.entry("incomplete utf-8", List.of(Reason.INVALID_STRING_ENCODING)),
            Map.entry("cannot remove owned resource while borrowed", List.of(Reason.HANDLE_LENT)),
            Map.entry("cannot leave component instance", List.of(Reason.CANNOT_LEAVE)),
            Map.entry("borrow handles still remain at the end of the call", List.of(Reason.BORROWS_OUTSTANDING)),
            // error-context.debug-message's (pointer, length) pair past the end of memory
            Map.entry("invalid debug message pointer", List.of(Reason.OUT_OF_BOUNDS)),
            Map.entry("cannot enter component instance", List.of(Reason.CANNOT_ENTER)));

    /**
     * The two suites word some traps of streams and futures differently (the component-model suite
     * names the stream, wasmtime's own does not): expected wording, and what ours says for it.
     */
    private static final Map<String, List<String>> SAME_WORDING = Map.of(
            "cannot read after being notified that the writable end dropped",
            List.of("cannot read from stream after being notified that the writable end dropped"),
            "cannot write after being notified that the readable end dropped",
            List.of(
                    "cannot write to stream after being notified that the readable end dropped",
                    "cannot write to future after previous write succeeded or readable end dropped"),
            "cannot remove busy stream",
            List.of("cannot drop busy stream"),
            "thrown Wasm exception",
            List.of("uncaught exception propagated out of component"));

    /** wasmtime's prefix of traps raised by its runtime rather than by core code. */
    private static final String WASM_TRAP = "wasm trap: ";

    /** Core traps: wasmtime's wording, and a word our (the core engine's) message must contain. */
    private static final Map<String, String> CORE_TRAPS = Map.of("unreachable", "unreachable");

    private static final Pattern HANDLE_INDEX = Pattern.compile("handle index (\\d+)");

    private TrapMessages() {}

    /** Whether {@code ours} (a {@link Trap} or another exception the runtime threw) says what {@code expected} says. */
    static boolean same(String expected, Throwable ours) {
        String message = String.valueOf(ours.getMessage());
        if (message.contains(expected)) {
            return true;
        }
        if (expected.startsWith(WASM_TRAP)
                && ours instanceof Trap
                && message.contains(expected.substring(WASM_TRAP.length()))) {
            return true;
        }
        for (String ourWording : SAME_WORDING.getOrDefault(expected, List.of())) {
            if (message.contains(ourWording)) {
                return true;
            }
        }
        if (!(ours instanceof Trap trap)) {
            return false;
        }
        for (Map.Entry<String, String> core : CORE_TRAPS.entrySet()) {
            if (expected.contains(core.getKey()) && message.toLowerCase().contains(core.getValue())) {
                return true;
            }
        }
        for (Map.Entry<String, List<Reason>> e : SAME_REASON.entrySet()) {
            if (expected.contains(e.getKey()) && e.getValue().contains(trap.reason())) {
                return sameHandleIndex(expected, message);
            }
        }
        return false;
    }

    private static boolean sameHandleIndex(String expected, String ours) {
        Matcher m = HANDLE_INDEX.matcher(expected);
        if (!m.find()) {
            return true;
        }
        return Pattern.compile("\\b" + m.group(1) + "\\b").matcher(ours).find();
    }
}
