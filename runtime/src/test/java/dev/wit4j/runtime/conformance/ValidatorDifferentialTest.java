package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.fuzz.Fuzz;
import dev.wit4j.runtime.fuzz.Mutator;
import dev.wit4j.runtime.fuzz.Wat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * wit4j's validator against a second opinion on the same binaries — wasm-tools' validator (as
 * bundled in the pinned jco) for components, V8's for the core modules in them
 * ({@code tools/wasm/validate.mjs}) — on the conformance suites' components and on mutations of
 * them. Every disagreement must be one of the {@link Difference known} differences, each a
 * documented choice or a limit of the other tools; anything else fails the test with the binary
 * kept in {@code target/fuzz-findings}.
 */
class ValidatorDifferentialTest {

    private static final Engine ENGINE =
            Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();

    /**
     * The ways wit4j's verdict may differ from the other tools', each for a reason that is theirs
     * (a feature node 20's V8 lacks) or a rule where wit4j follows {@code ../shared/spec} and the
     * pinned wasm-tools another revision of it.
     */
    enum Difference {
        /**
         * Node 20's V8 predates WebAssembly 3.0's exception handling ({@code try_table}, 0x1F),
         * multiple memories and typed references (a table with an initializer, 0x40 0x00; the
         * non-nullable {@code ref} type, 0x64, which that V8 reads as {@code stringref}); a memory
         * argument whose flags have bit 6 set names its memory (multiple memories), which that V8
         * reads as an alignment of 64 or more; the core engine and wasm-tools' validator accept
         * them.
         */
        CORE_FEATURE_V8_LACKS(
                "we accept",
                "core: .*(Invalid opcode 0x1f|At most one memory is supported"
                        + "|memory count of \\d+ exceeds internal limit of 1|invalid value type 0x40|invalid value type 'stringref'"
                        + "|invalid alignment; expected maximum alignment is \\d+, actual alignment is (6[4-9]|[7-9]\\d|1[01]\\d|12[0-7]) ).*"),
        /**
         * "Unlike modules, components can call start functions at multiple points during
         * instantiation" (Explainer.md, 🪙 Start Definitions); wasm-tools allows one.
         */
        SEVERAL_START_FUNCTIONS("we accept", "component: component cannot have more than one start function.*"),
        /**
         * Names that differ only in their hyphens ({@code a-1}, {@code a1}) are strongly-unique by
         * Explainer.md's Name Uniqueness (canonicalization lowercases acronyms and strips
         * annotations, nothing else); wasm-tools compares them without hyphens.
         */
        NAMES_DIFFERING_IN_HYPHENS(
                "we accept", "component: (import|export) name `([^`]*)` conflicts with previous name `([^`]*)`.*"),
        /**
         * A defect of the core engine (Endive 1.0.0): it decodes a block type's type index into the
         * same number as the empty block type (0x40, so index 64) and the value types (0x63–0x7F),
         * and takes {@code block (type 64)} for an empty block. It therefore accepts a body naming
         * block type 64 or 99–127 when the module has no such function type (V8 and wasm-tools
         * refuse it). Mending it takes decoding every body again before the engine does.
         */
        ENGINE_READS_A_BLOCK_TYPE_INDEX_AS_A_TYPE(
                "we accept", "core: .*block type index (64|99|1[01]\\d|12[0-7]) is not a signature definition.*"),
        /**
         * Import kind 0x20 (an exact function import, from the custom-descriptors proposal) in a
         * core module type declaration: not in the core spec this runtime follows; the pinned
         * wasm-tools reads it.
         */
        EXACT_FUNCTION_IMPORTS("we refuse", "invalid leading byte \\(0x20\\) for external kind.*"),
        /**
         * Binary.md here has {@code cancel?} on {@code waitable-set.wait} (0x20) and
         * {@code waitable-set.poll} (0x21); the pinned wasm-tools follows a later revision
         * (component-model#716) in which that byte must be 0.
         */
        CANCELLABLE_WAIT_AND_POLL(
                "we accept",
                "component: invalid leading byte \\(0x1\\) for zero byte; this was"
                        + " historically accepted as `cancellable`.*"),
        /**
         * 🪙 value definitions are on in the engine's default features (as every gated feature
         * is) and off in the pinned wasm-tools', which then does not know section 12 (Binary.md,
         * {@code section_12(vec(<value>))}).
         */
        VALUE_SECTION("we accept", "component: malformed section id: 12 .*"),
        /**
         * Binary.md: {@code 0x63 k v => (map k v) (if k is in <keytype>)}, {@code <keytype>} being
         * bool, the integers, char and string (Explainer.md); the pinned wasm-tools takes any
         * value type as a key.
         */
        MAP_KEY_OUTSIDE_KEYTYPE("we refuse", "map key must be a boolean, integer, char or string type.*"),
        /**
         * The legacy exception-handling instructions ({@code try} 0x06, {@code catch} 0x07,
         * {@code rethrow} 0x09, {@code delegate} 0x18, {@code catch_all} 0x19) are not in
         * WebAssembly 3.0, which has {@code try_table} instead; V8 keeps them, the core engine
         * does not implement them (wasm-tools does not look at function bodies here).
         */
        LEGACY_EXCEPTION_HANDLING("we refuse", ".*illegal opcode, op value (06|07|09|18|19)\\b.*"),
        /**
         * CanonicalABI.md (🧵② {@code canon thread.spawn-ref}): the function type is
         * {@code (shared? (func (param $c T)))}, shared only when the built-in is; the pinned
         * wasm-tools requires a shared type always (and reads the built-in without its
         * {@code sh?} byte).
         */
        SPAWN_OF_AN_UNSHARED_FUNCTION("we accept", "component: spawn type must be shared.*");

        private final String side;
        private final java.util.regex.Pattern reason;

        /** {@code side}: "we accept" (then {@code reason} is the others'), or "we refuse" (then it is ours). */
        Difference(String side, String reason) {
            this.side = side;
            this.reason = java.util.regex.Pattern.compile(reason, java.util.regex.Pattern.DOTALL);
        }

        static java.util.Optional<Difference> of(Verdicts v) {
            if (v.agree()) return java.util.Optional.empty();
            for (Difference d : values()) {
                if (d.side.equals("we refuse") != (v.ours() != null)) continue;
                // what is matched: the refusal's reason, ours or theirs
                java.util.regex.Matcher m = d.reason.matcher(v.ours() != null ? v.ours() : v.theirs());
                if (m.matches()
                        && (d != NAMES_DIFFERING_IN_HYPHENS
                                || !m.group(2)
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .equals(m.group(3).toLowerCase(java.util.Locale.ROOT)))) {
                    return java.util.Optional.of(d);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static final int BATCH = 5_000;

    /** A binary both sides looked at: the mutator's iteration that makes it (negative: a seed). */
    record Verdicts(long iteration, byte[] binary, String ours, String theirs) {
        boolean agree() {
            return (ours == null) == (theirs == null);
        }
    }

    @Test
    void acceptsAndRefusesWhatWasmToolsAndV8Do() throws Exception {
        assumeTrue(Wat.available(), "node and the pinned jco give the second opinion");
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] seed : BinaryFuzzTest.seeds()) {
            if (isComponent(seed)) seeds.add(seed);
        }
        assumeTrue(!seeds.isEmpty(), "no seed components");
        Mutator mutator = new Mutator(seeds, List.of("\0asm", "component", "\u0001", "\u007f"), Fuzz.SEED);
        long count = Fuzz.iterations(2_000);
        Map<String, Integer> differences = new TreeMap<>();
        int agreed = 0;
        int valid = 0;
        int compared = 0;
        List<String> unexplained = new ArrayList<>();
        // in batches, one node process each: a long run holds one batch of binaries at a time
        for (long from = -seeds.size(); from < count; from += BATCH) {
            List<byte[]> inputs = new ArrayList<>();
            List<Long> iterations = new ArrayList<>();
            for (long i = from; i < Math.min(from + BATCH, count); i++) {
                byte[] input = i < 0 ? seeds.get((int) (i + seeds.size())) : mutator.input(i);
                if (isComponent(input)) {
                    inputs.add(input);
                    iterations.add(i);
                }
            }
            List<Verdicts> verdicts = compare(inputs, iterations);
            compared += verdicts.size();
            for (Verdicts v : verdicts) {
                if (v.ours() == null && v.theirs() == null) valid++;
                if (v.agree()) {
                    agreed++;
                    continue;
                }
                String key = (v.ours() == null ? "we accept: " + v.theirs() : "we refuse: " + v.ours())
                        .replaceAll("0x[0-9a-f]+|\\d+", "N");
                key = key.length() > 160 ? key.substring(0, 160) : key;
                java.util.Optional<Difference> known = Difference.of(v);
                differences.merge(known.map(Difference::name).orElse("UNEXPLAINED") + " " + key, 1, Integer::sum);
                if (known.isEmpty()) {
                    Path kept = Fuzz.keep(
                            "differential-" + Integer.toHexString(java.util.Arrays.hashCode(v.binary())) + ".wasm",
                            v.binary());
                    unexplained.add((v.ours() == null
                                    ? "wit4j accepts, the others refuse: " + v.theirs()
                                    : "wit4j refuses (" + v.ours() + "), the others accept")
                            + ": " + kept
                            + " (iteration " + v.iteration() + ")");
                }
            }
        }
        System.out.println("validator differential: " + compared + " binaries, " + agreed + " agreed ("
                + valid + " valid on both sides), " + (compared - agreed) + " differ; wasm-tools failed on "
                + withoutOpinion.size() + " "
                + withoutOpinion.stream().distinct().toList());
        differences.forEach((k, n) -> System.out.println("  " + n + " × " + k));
        assertEquals(List.of(), unexplained);
    }

    /** What wasm-tools itself failed on (it panicked): no second opinion there. */
    private static final List<String> withoutOpinion = new ArrayList<>();

    private static List<Verdicts> compare(List<byte[]> inputs, List<Long> iterations) throws Exception {
        JsonArray batch = new JsonArray();
        for (byte[] input : inputs) {
            batch.add(Base64.getEncoder().encodeToString(input));
        }
        List<JsonObject> theirs = Wat.run("validate.mjs", batch);
        List<Verdicts> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            JsonObject t = theirs.get(i);
            if (t.get("verdict").getAsString().equals("unknown")) {
                withoutOpinion.add(t.get("message").getAsString());
                continue;
            }
            String their = t.get("verdict").getAsString().equals("valid")
                    ? null
                    : t.get("by").getAsString() + ": "
                            + t.get("message").getAsString().split("\n")[0];
            out.add(new Verdicts(iterations.get(i), inputs.get(i), ours(inputs.get(i)), their));
        }
        return out;
    }

    /** Null if wit4j loads the binary, else why not. */
    private static String ours(byte[] binary) {
        try {
            ENGINE.load(binary);
            return null;
        } catch (WasmFormatException e) {
            return e.getMessage().split("\n")[0];
        }
    }

    private static boolean isComponent(byte[] b) {
        return b.length >= 8
                && b[0] == 0
                && b[1] == 'a'
                && b[2] == 's'
                && b[3] == 'm'
                && b[4] == 0x0d
                && b[5] == 0
                && b[6] == 1
                && b[7] == 0;
    }
}
