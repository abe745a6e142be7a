package dev.wit4j.runtime.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wit4j.runtime.fuzz.Fuzz;
import dev.wit4j.runtime.fuzz.Mutator;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mutated WAVE text, seeded from the round-trip cases, parsed as each seed's type: refused only with
 * a {@link WaveException}, within 2 s; what parses prints to text that parses to the same value.
 */
class WaveFuzzTest {

    private static final List<String> TOKENS = List.of(
            "[", "]", "{", "}", "(", ")", ",", ":", "'", "\"", "\\", "\\u{", "some(", "none", "ok(", "err(", "nan",
            "inf", "-", "1e400", "0x", "%", "//", "\n", "🌊", "\ud800");

    @Test
    void mutatedWaveIsRefusedWithATypedErrorOrRoundTrips() {
        Map<ValueType, List<byte[]>> byType = new LinkedHashMap<>();
        WaveRoundTripTest.cases()
                .forEach(a -> byType.computeIfAbsent((ValueType) a.get()[0], t -> new ArrayList<>())
                        .add(((String) a.get()[1]).getBytes(StandardCharsets.UTF_8)));
        List<ValueType> types = new ArrayList<>(byType.keySet());
        long perType = Math.max(1, Fuzz.iterations(100_000) / types.size());
        long inputs = 0;
        long refused = 0;
        for (int t = 0; t < types.size(); t++) {
            ValueType type = types.get(t);
            Mutator mutator = new Mutator(byType.get(type), TOKENS, Fuzz.SEED + t);
            Fuzz.Result r = Fuzz.run(
                    "wave-" + t,
                    mutator,
                    perType,
                    input -> {
                        String text = new String(input, StandardCharsets.UTF_8);
                        Value value = Wave.parse(text, type);
                        assertEquals(value, Wave.parse(Wave.print(value, type), type), "round trip of " + text);
                    },
                    WaveException.class);
            inputs += r.inputs();
            refused += r.refused();
        }
        System.out.println("WAVE fuzzing: " + inputs + " inputs, " + refused + " refused (" + types.size() + " types)");
    }

    @Test
    void mutatedCallsAreRefusedWithATypedError() {
        Mutator mutator = new Mutator(
                List.of(
                        "add(1, 2)".getBytes(StandardCharsets.UTF_8),
                        "greet(\"world\")".getBytes(StandardCharsets.UTF_8),
                        "f([1, 2], {x: 1}, some(none))".getBytes(StandardCharsets.UTF_8)),
                TOKENS,
                Fuzz.SEED);
        Fuzz.Result r = Fuzz.run(
                "wave-call",
                mutator,
                Fuzz.iterations(20_000),
                input -> Wave.parseCall(new String(input, StandardCharsets.UTF_8)),
                WaveException.class);
        System.out.println("WAVE call fuzzing: " + r);
    }
}
