package dev.wit4j.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.fuzz.AbiRandom.Function;
import dev.wit4j.runtime.fuzz.AbiRandom.Signature;
import dev.wit4j.runtime.fuzz.ForwardingComponent.Encoding;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.wave.Wave;
import dev.wit4j.witx.model.ValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Canonical ABI round trips through the dynamic {@link Value} API, wasmtime's {@code component_api}
 * fuzzing: random function types (every kind of value type, nested up to four levels, with
 * parameters and results both flat and in memory), each exported by a component that forwards its
 * arguments to a host import of the same type ({@link ForwardingComponent}). A random value goes
 * in from Java; the host import must receive it, and what it returns must come out of the export.
 * Every value crosses the ABI twice, lowered into the component and lifted out of it, in each
 * string encoding. Every other call goes through a second copy of the component (often in another
 * string encoding): the first one's import is then the second one's export, and values move
 * between the two memories without becoming {@code Value}s, by other code ({@code CallTransfer})
 * that must agree with lifting and lowering, transcoding strings as needed. Every eighth component
 * runs its core code compiled, the others interpreted: lifting and lowering are the same in both
 * modes, and compiling costs a fifth of a second per component.
 *
 * <p>Floats are compared up to their NaN payload (which lifting drops and lowering may choose);
 * since the runtime documents that lifting gives the canonical NaN, every NaN that reaches Java
 * must also be that one.
 *
 * <p>{@code -Dwit4j.fuzz.iterations=N} sets the number of functions, {@code -Dwit4j.fuzz.calls=C}
 * the calls of each, with new random values every time (default 4), {@code -Dwit4j.fuzz.seed} the
 * seed. Making a component costs far more than calling it, so a long run of a million calls makes
 * fewer functions and calls each more often; it prints its progress ({@code surefire:test} runs it
 * once, where {@code test} would run it in each of this module's test executions):
 * {@code mvn -o test-compile surefire:test -pl runtime -am -Dtest=AbiRoundTripFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dwit4j.fuzz.iterations=62500 -Dwit4j.fuzz.calls=16}.
 * A finding names its function and call; its component is written to {@code target/fuzz-findings/}.
 */
class AbiRoundTripFuzzTest {

    private static final int CALLS = Integer.getInteger("wit4j.fuzz.calls", 4);
    private static final int FUNCTIONS_PER_COMPONENT = 8;
    /** Components assembled per node process. */
    private static final int COMPONENTS_PER_BATCH = 64;

    private static final int MAX_FINDINGS = 20;

    private static final Engine INTERPRETED =
            Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();
    private static final Engine COMPILED =
            Engine.builder().executionMode(ExecutionMode.COMPILED).build();

    private final List<String> findings = new ArrayList<>();
    private final TreeSet<String> kinds = new TreeSet<>();
    private long calls;
    private long paramsInMemory;
    private long resultInMemory;

    @Test
    void valuesRoundTripThroughAComponentAndTheHost() throws Exception {
        assumeTrue(Wat.available(), "node or the pinned jco is missing (run tools/wasm/install.sh)");
        long functions = Fuzz.iterations(200);
        long components = (functions + FUNCTIONS_PER_COMPONENT - 1) / FUNCTIONS_PER_COMPONENT;
        // node assembles the next batch while this one runs
        ExecutorService assembler = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wat2wasm");
            t.setDaemon(true);
            return t;
        });
        try {
            Batch batch = new Batch(0, components, functions);
            Future<List<Wat.Assembled>> assembled = assembler.submit(() -> Wat.assemble(batch.texts()));
            for (Batch b = batch; b != null && findings.size() < MAX_FINDINGS; ) {
                List<Wat.Assembled> binaries = assembled.get();
                long next = b.first() + COMPONENTS_PER_BATCH;
                Batch following = next < components ? new Batch(next, components, functions) : null;
                if (following != null) {
                    assembled = assembler.submit(() -> Wat.assemble(following.texts()));
                }
                run(b, binaries);
                if (functions > 10_000) {
                    System.out.println("  " + Math.min(functions, next * FUNCTIONS_PER_COMPONENT) + " functions, "
                            + calls + " calls, " + findings.size() + " findings"); // a long run's progress
                }
                b = following;
            }
        } finally {
            assembler.shutdownNow();
        }
        String summary = "canonical ABI round trips: " + functions + " functions, " + calls + " calls ("
                + paramsInMemory
                + " functions with parameters in memory, " + resultInMemory + " with the result in memory; seed "
                + Fuzz.SEED + ")";
        System.out.println(summary);
        if (!findings.isEmpty()) {
            fail(findings.size() + " findings (seed " + Fuzz.SEED + "):\n" + String.join("\n", findings));
        }
        if (functions >= 200) {
            // the short pass must reach every kind of type, both places parameters and results go
            assertEquals(
                    new TreeSet<>(List.of(
                            "bool",
                            "char",
                            "enum",
                            "f32",
                            "f64",
                            "fixed-list",
                            "flags",
                            "list",
                            "map",
                            "option",
                            "record",
                            "result",
                            "s16",
                            "s32",
                            "s64",
                            "s8",
                            "string",
                            "tuple",
                            "u16",
                            "u32",
                            "u64",
                            "u8",
                            "variant")),
                    kinds);
            assertTrue(paramsInMemory > 0 && resultInMemory > 0, summary);
        }
    }

    /** Up to {@value #COMPONENTS_PER_BATCH} components from {@code first} on, each in two encodings. */
    private record Batch(long first, List<List<Function>> functions, List<String> texts) {
        Batch(long first, long components, long functionCount) {
            this(first, new ArrayList<>(), new ArrayList<>());
            for (long c = first; c < Math.min(components, first + COMPONENTS_PER_BATCH); c++) {
                List<Function> fs = new ArrayList<>();
                for (long n = c * FUNCTIONS_PER_COMPONENT;
                        n < Math.min(functionCount, (c + 1) * FUNCTIONS_PER_COMPONENT);
                        n++) {
                    fs.add(AbiRandom.function(Fuzz.SEED, n));
                }
                functions.add(fs);
                texts.add(ForwardingComponent.wat(fs, encoding(c, 0)));
                texts.add(ForwardingComponent.wat(fs, encoding(c, 1)));
            }
        }
    }

    private void run(Batch b, List<Wat.Assembled> assembled) {
        for (int i = 0; i < b.functions().size() && findings.size() < MAX_FINDINGS; i++) {
            long c = b.first() + i;
            Wat.Assembled outer = assembled.get(2 * i);
            Wat.Assembled inner = assembled.get(2 * i + 1);
            if (outer.error() != null || inner.error() != null) {
                finding(
                        b.functions().get(i),
                        b.texts().get(2 * i),
                        "the text parser refused the component: "
                                + (outer.error() != null ? outer.error() : inner.error()));
                continue;
            }
            run(
                    new Pair(
                            b.functions().get(i),
                            b.texts().get(2 * i),
                            outer.wasm(),
                            encoding(c, 0),
                            inner.wasm(),
                            encoding(c, 1)),
                    c % 8 != 7 ? INTERPRETED : COMPILED);
        }
    }

    /** Flags are limited to 32 (Binary.md: {@code 0 < |l*| <= 32}); more is an invalid component. */
    @Test
    void flagsOfMoreThan32AreRefused() throws IOException, InterruptedException {
        assumeTrue(Wat.available(), "node or the pinned jco is missing (run tools/wasm/install.sh)");
        List<String> texts = new ArrayList<>();
        for (int n : new int[] {33, 64, 65}) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                labels.add("g" + i);
            }
            AbiType.Flags flags = new AbiType.Flags("f0-t0", labels);
            Function f = new Function(0, new Signature(List.of(flags), Optional.of(flags)), List.of(flags));
            texts.add(ForwardingComponent.wat(List.of(f), Encoding.UTF8));
        }
        for (Wat.Assembled a : Wat.assemble(texts)) {
            assertTrue(a.error() == null, a.error());
            WasmFormatException e = assertThrows(WasmFormatException.class, () -> INTERPRETED.load(a.wasm()));
            assertTrue(e.getMessage().contains("cannot have more than 32 flags"), e.getMessage());
        }
    }

    /**
     * The string encoding of component {@code component}'s first ({@code which} 0) or second copy:
     * mostly UTF-8, as components are in practice, the others a fifth of the time each.
     */
    private static Encoding encoding(long component, int which) {
        int k = new SplittableRandom(Fuzz.SEED ^ (component * 0x2545F4914F6CDD1DL + which)).nextInt(5);
        return k < 3 ? Encoding.UTF8 : k == 3 ? Encoding.UTF16 : Encoding.LATIN1_UTF16;
    }

    /** What the host import of the function being called expects and returns. */
    private static final class Expected {
        Function function;
        List<Value> args;
        Optional<Value> result;
        int received;
        List<Value> receivedArgs;
    }

    /**
     * One component's functions, in two copies whose string encodings may differ: calls go from Java
     * to the first, which calls the host directly, or calls the second, which calls the host.
     */
    private record Pair(
            List<Function> functions,
            String text,
            byte[] outer,
            Encoding outerEncoding,
            byte[] inner,
            Encoding innerEncoding) {}

    private void run(Pair pair, Engine engine) {
        Component outer;
        Component inner;
        try {
            outer = engine.load(pair.outer());
            inner = engine.load(pair.inner());
        } catch (RuntimeException e) {
            finding(pair.functions(), pair.text(), "the component is refused: " + e);
            return;
        }
        Expected expected = new Expected();
        Linker host = engine.linker();
        for (Function f : pair.functions()) {
            host.func("host-" + f.prefix(), args -> {
                expected.received++;
                expected.receivedArgs = args;
                return expected.function == f ? expected.result : Optional.empty();
            });
            kinds(f.signature());
            paramsInMemory += f.signature().paramsInMemory() ? 1 : 0;
            resultInMemory += f.signature().resultInMemory() ? 1 : 0;
        }
        Instance direct = null;
        Instance chained = null;
        for (Function f : pair.functions()) {
            Signature s = f.signature();
            for (int call = 0; call < CALLS && findings.size() < MAX_FINDINGS; call++) {
                // odd calls go through a second instance: component to component, memory to memory
                boolean throughInner = call % 2 == 1;
                try {
                    if (direct == null) {
                        direct = host.instantiate(outer);
                    }
                    if (chained == null) {
                        Instance second = host.instantiate(inner);
                        Linker linker = engine.linker();
                        for (Function g : pair.functions()) {
                            linker.func("host-" + g.prefix(), second.func("run-" + g.prefix()));
                        }
                        chained = linker.instantiate(outer);
                    }
                } catch (RuntimeException e) {
                    finding(pair.functions(), pair.text(), "instantiation failed: " + e);
                    return;
                }
                Func func = (throughInner ? chained : direct).func("run-" + f.prefix());
                if (call == 0) {
                    String layout = layout(f, func);
                    if (layout != null) {
                        finding(List.of(f), pair.text(), layout);
                    }
                }
                expected.function = f;
                expected.args = AbiRandom.arguments(Fuzz.SEED, f.number(), call, s);
                expected.result = AbiRandom.result(Fuzz.SEED, f.number(), call, s);
                expected.received = 0;
                expected.receivedArgs = null;
                calls++;
                String problem;
                Optional<Value> out = Optional.empty();
                try {
                    out = func.call(expected.args);
                    problem = check(expected, out);
                } catch (RuntimeException e) {
                    problem = "the call failed: " + e;
                    // a trap poisons the instances it went through
                    direct = throughInner ? direct : null;
                    chained = throughInner ? null : chained;
                }
                if (problem != null) {
                    String path = "strings in " + pair.outerEncoding().text
                            + (throughInner
                                    ? ", through a second component with strings in " + pair.innerEncoding().text
                                    : "");
                    finding(f, call, path, pair.text(), func, expected, out, problem);
                }
            }
        }
    }

    /**
     * Where the runtime's layout of a type of {@code f} differs from CanonicalABI.md's, or null. A
     * round trip cannot tell: the runtime lowers and lifts with the same layout, and the forwarding
     * component does not look at the values.
     */
    private static String layout(Function f, Func func) {
        List<ValueType> types =
                new ArrayList<>(func.params().stream().map(Func.Param::type).toList());
        List<AbiType> expected = new ArrayList<>(f.signature().params());
        func.result().ifPresent(types::add);
        f.signature().result().ifPresent(expected::add);
        for (int i = 0; i < types.size(); i++) {
            ValueType t = types.get(i);
            AbiType spec = expected.get(i);
            String what = null;
            if (Layout.alignment(t) != AbiType.alignment(spec)) {
                what = "alignment " + Layout.alignment(t) + ", CanonicalABI.md " + AbiType.alignment(spec);
            } else if (Layout.elemSize(t) != AbiType.size(spec)) {
                what = "size " + Layout.elemSize(t) + ", CanonicalABI.md " + AbiType.size(spec);
            } else if (!Layout.flatten(t).stream()
                    .map(ft -> ft.name().toLowerCase(Locale.ROOT))
                    .toList()
                    .equals(AbiType.flat(spec))) {
                what = "flattening " + Layout.flatten(t) + ", CanonicalABI.md " + AbiType.flat(spec);
            }
            if (what != null) {
                return "the runtime's layout of " + AbiType.wit(spec) + " differs: " + what;
            }
        }
        return null;
    }

    /** What is wrong with a call that returned {@code out}, or null. */
    private static String check(Expected e, Optional<Value> out) {
        if (e.received != 1) {
            return "the host import was called " + e.received + " times";
        }
        for (int i = 0; i < e.args.size(); i++) {
            Value got = e.receivedArgs.get(i);
            if (!AbiRandom.canonical(got).equals(AbiRandom.canonical(e.args.get(i)))) {
                return "the host import received another p" + i;
            }
            if (!AbiRandom.canonical(got).equals(got)) {
                return "the host import received a NaN other than the canonical one in p" + i;
            }
        }
        if (!out.map(AbiRandom::canonical).equals(e.result.map(AbiRandom::canonical))) {
            return "the export returned another value than the host import";
        }
        if (!out.map(AbiRandom::canonical).equals(out)) {
            return "the export returned a NaN other than the canonical one";
        }
        return null;
    }

    private void finding(
            Function f,
            int call,
            String path,
            String text,
            Func func,
            Expected e,
            Optional<Value> out,
            String problem) {
        StringBuilder sb =
                new StringBuilder("  function " + f.number() + ", call " + call + " (" + path + "): " + problem + "\n");
        sb.append("    type: ")
                .append(ForwardingComponent.witSignature(f.signature()))
                .append('\n');
        for (AbiType.Named t : f.definitions()) {
            sb.append("      ").append(AbiType.witDefinition(t)).append('\n');
        }
        for (int i = 0; i < e.args.size(); i++) {
            ValueType type = func.params().get(i).type();
            sb.append("    p")
                    .append(i)
                    .append(" sent: ")
                    .append(wave(e.args.get(i), type))
                    .append('\n');
            if (e.receivedArgs != null && i < e.receivedArgs.size()) {
                sb.append("    p")
                        .append(i)
                        .append(" received: ")
                        .append(wave(e.receivedArgs.get(i), type))
                        .append('\n');
            }
        }
        func.result().ifPresent(type -> {
            e.result.ifPresent(v -> sb.append("    returned by the host: ")
                    .append(wave(v, type))
                    .append('\n'));
            out.ifPresent(v -> sb.append("    returned by the export: ")
                    .append(wave(v, type))
                    .append('\n'));
        });
        findings.add(sb.append("    component: ").append(write(f, text)).toString());
    }

    private void finding(List<Function> functions, String text, String problem) {
        Function first = functions.get(0);
        StringBuilder sb = new StringBuilder(
                functions.size() == 1
                        ? "  function " + first.number()
                        : "  functions " + first.number() + ".."
                                + functions.get(functions.size() - 1).number());
        sb.append(": ").append(problem).append('\n');
        if (functions.size() == 1) {
            sb.append("    type: ")
                    .append(ForwardingComponent.witSignature(first.signature()))
                    .append('\n');
            first.definitions()
                    .forEach(t ->
                            sb.append("      ").append(AbiType.witDefinition(t)).append('\n'));
        }
        findings.add(sb.append("    component: ")
                .append(write(functions.get(0), text))
                .toString());
    }

    private static String wave(Value v, ValueType type) {
        String s;
        try {
            s = Wave.print(v, type);
        } catch (RuntimeException e) {
            s = v.toString();
        }
        return s.length() > 2_000 ? s.substring(0, 2_000) + "… (" + s.length() + " characters)" : s;
    }

    private static Path write(Function f, String text) {
        return Fuzz.keep("abi-" + Fuzz.SEED + "-f" + f.number() + ".wat", text.getBytes(StandardCharsets.UTF_8));
    }

    private void kinds(Signature s) {
        s.params().forEach(this::kinds);
        s.result().ifPresent(this::kinds);
    }

    private void kinds(AbiType t) {
        if (t instanceof AbiType.Prim p) {
            kinds.add(p.text());
        } else if (t instanceof AbiType.ListOf l) {
            kinds.add("list");
            kinds(l.element());
        } else if (t instanceof AbiType.FixedList l) {
            kinds.add("fixed-list");
            kinds(l.element());
        } else if (t instanceof AbiType.MapOf m) {
            kinds.add("map");
            kinds(m.key());
            kinds(m.value());
        } else if (t instanceof AbiType.Record r) {
            kinds.add("record");
            r.fields().forEach(f -> kinds(f.type()));
        } else if (t instanceof AbiType.Tuple tu) {
            kinds.add("tuple");
            tu.types().forEach(this::kinds);
        } else if (t instanceof AbiType.Variant v) {
            kinds.add("variant");
            v.cases().forEach(c -> c.type().ifPresent(this::kinds));
        } else if (t instanceof AbiType.Enum) {
            kinds.add("enum");
        } else if (t instanceof AbiType.Flags) {
            kinds.add("flags");
        } else if (t instanceof AbiType.Option o) {
            kinds.add("option");
            kinds(o.type());
        } else if (t instanceof AbiType.Result r) {
            kinds.add("result");
            r.ok().ifPresent(this::kinds);
            r.err().ifPresent(this::kinds);
        }
    }
}
