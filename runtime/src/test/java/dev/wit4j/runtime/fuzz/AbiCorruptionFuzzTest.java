package dev.wit4j.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.fuzz.AbiRandom.Function;
import dev.wit4j.runtime.fuzz.AbiRandom.Signature;
import dev.wit4j.runtime.fuzz.ForwardingComponent.Encoding;
import dev.wit4j.runtime.value.Value;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Values a guest damages are refused with a {@code Trap}: the forwarding components of
 * {@code AbiRoundTripFuzzTest}, made corruptible ({@link ForwardingComponent}), flip bits of a
 * flat parameter or result, or of a byte of the memory the call's values occupy, before calling
 * the host import or before returning to Java. Lifting such a value must either give some value
 * (a flipped bit of a {@code u32} is another {@code u32}) or trap: no other exception may come out
 * of the call, nor a trap wrapping one ({@link Damage#untyped}): a {@code char} that is a surrogate
 * must not reach {@code Value.character}, a length must not become an out-of-range allocation. The
 * call must also end within 10 s. Half the calls go through a second copy of the component, either
 * copy damaging the values, so that the component-to-component transfer is held to the same.
 *
 * <p>{@code -Dwit4j.fuzz.iterations=N} sets the number of functions (each called {@value #CALLS}
 * times), {@code -Dwit4j.fuzz.seed} the seed; a long run is started as {@code AbiRoundTripFuzzTest}
 * says. A finding names its function, call and damage; its component is written to
 * {@code target/fuzz-findings/}.
 */
class AbiCorruptionFuzzTest {

    private static final int CALLS = 4;
    private static final int FUNCTIONS_PER_COMPONENT = 8;
    private static final int COMPONENTS_PER_BATCH = 64;
    private static final int MAX_FINDINGS = 20;
    /**
     * Lifting a large value takes a while interpreted (up to a second for the 10,000 values some
     * results have, on a busy machine): only a call far beyond that is a finding.
     */
    private static final long TIME_LIMIT_MILLIS = 10_000;

    private static final Engine ENGINE =
            Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();

    private final List<String> findings = new ArrayList<>();
    private long calls;
    private long trapped;
    private ExecutorService worker = newWorker();

    @Test
    void damagedValuesFromAGuestLiftOrTrap() throws Exception {
        assumeTrue(Wat.available(), "node or the pinned jco is missing (run tools/wasm/install.sh)");
        long functions = Fuzz.iterations(64);
        long components = (functions + FUNCTIONS_PER_COMPONENT - 1) / FUNCTIONS_PER_COMPONENT;
        try {
            for (long first = 0; first < components && findings.size() < MAX_FINDINGS; first += COMPONENTS_PER_BATCH) {
                List<List<Function>> batch = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                for (long c = first; c < Math.min(components, first + COMPONENTS_PER_BATCH); c++) {
                    List<Function> fs = new ArrayList<>();
                    for (long n = c * FUNCTIONS_PER_COMPONENT;
                            n < Math.min(functions, (c + 1) * FUNCTIONS_PER_COMPONENT);
                            n++) {
                        fs.add(AbiRandom.function(Fuzz.SEED, n));
                    }
                    batch.add(fs);
                    SplittableRandom r = new SplittableRandom(Fuzz.SEED * 31 + c);
                    texts.add(ForwardingComponent.wat(fs, Encoding.values()[r.nextInt(3)], true));
                    texts.add(ForwardingComponent.wat(fs, Encoding.values()[r.nextInt(3)], true));
                }
                List<Wat.Assembled> assembled = Wat.assemble(texts);
                for (int i = 0; i < batch.size() && findings.size() < MAX_FINDINGS; i++) {
                    Wat.Assembled outer = assembled.get(2 * i);
                    Wat.Assembled inner = assembled.get(2 * i + 1);
                    assertTrue(
                            outer.error() == null && inner.error() == null,
                            "the text parser refused a component: " + outer.error() + " " + inner.error() + "\n"
                                    + texts.get(2 * i));
                    run(batch.get(i), texts.get(2 * i), ENGINE.load(outer.wasm()), ENGINE.load(inner.wasm()));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println("damaged canonical ABI values: " + functions + " functions, " + calls + " calls, " + trapped
                + " trapped (seed " + Fuzz.SEED + ")");
        if (!findings.isEmpty()) {
            fail(findings.size() + " findings (seed " + Fuzz.SEED + "):\n" + String.join("\n", findings));
        }
    }

    /** The instances of one component: called directly, or through a second copy. */
    private static final class Instances {
        Instance direct;
        Instance outer;
        Instance inner;
    }

    private void run(List<Function> functions, String text, Component outer, Component inner)
            throws InterruptedException {
        Linker host = ENGINE.linker();
        AtomicReference<Optional<Value>> result = new AtomicReference<>();
        for (Function f : functions) {
            // the host returns a valid value, which the guest may then damage
            host.func("host-" + f.prefix(), args -> result.get());
        }
        Instances instances = new Instances();
        for (Function f : functions) {
            Signature s = f.signature();
            for (int call = 0; call < CALLS && findings.size() < MAX_FINDINGS; call++) {
                SplittableRandom r = new SplittableRandom(Fuzz.SEED * 0x9E3779B97F4A7C15L + f.number() * 16 + call);
                boolean chained = call % 2 == 1;
                Damage damage = Damage.random(s, r, chained);
                List<Value> args = AbiRandom.arguments(Fuzz.SEED, f.number(), call, s);
                result.set(AbiRandom.result(Fuzz.SEED, f.number(), call, s));
                calls++;
                Future<?> done = worker.submit(() -> {
                    if (instances.direct == null) {
                        instances.direct = host.instantiate(outer);
                        instances.inner = host.instantiate(inner);
                        Linker linker = ENGINE.linker();
                        for (Function g : functions) {
                            linker.func("host-" + g.prefix(), instances.inner.func("run-" + g.prefix()));
                        }
                        instances.outer = linker.instantiate(outer);
                    }
                    Instance damaging =
                            chained ? (damage.inner() ? instances.inner : instances.outer) : instances.direct;
                    damage.arm(damaging);
                    (chained ? instances.outer : instances.direct)
                            .func("run-" + f.prefix())
                            .call(args);
                    // the damage went unnoticed (a flipped bit of a number is another number): disarm
                    Damage.disarm(damaging);
                    return null;
                });
                String problem = null;
                try {
                    done.get(TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    problem = "took over " + TIME_LIMIT_MILLIS + " ms";
                    done.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker();
                    instances.direct = null;
                } catch (ExecutionException e) {
                    problem = Damage.untyped(e.getCause());
                    trapped += problem == null ? 1 : 0;
                    instances.direct = null; // a trap poisons the instances it went through
                }
                if (problem != null) {
                    findings.add("  function " + f.number() + ", call " + call + " (" + damage + "): " + problem + "\n"
                            + "    type: " + ForwardingComponent.witSignature(s) + "\n"
                            + String.join(
                                    "",
                                    f.definitions().stream()
                                            .map(t -> "      " + AbiType.witDefinition(t) + "\n")
                                            .toList())
                            + "    component: " + write(f, text));
                }
            }
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "abi-corruption");
            t.setDaemon(true);
            return t;
        });
    }

    private static Path write(Function f, String text) {
        return Fuzz.keep(
                "abi-corruption-" + Fuzz.SEED + "-f" + f.number() + ".wat", text.getBytes(StandardCharsets.UTF_8));
    }
}
