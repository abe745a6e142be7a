package dev.wit4j.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.fuzz.AbiRandom;
import dev.wit4j.runtime.fuzz.AbiRandom.Function;
import dev.wit4j.runtime.fuzz.AbiRandom.Signature;
import dev.wit4j.runtime.fuzz.AbiType;
import dev.wit4j.runtime.fuzz.Damage;
import dev.wit4j.runtime.fuzz.ForwardingComponent;
import dev.wit4j.runtime.fuzz.Fuzz;
import dev.wit4j.runtime.fuzz.Wat;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.wave.Wave;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The canonical ABI round trips of the runtime's {@code AbiRoundTripFuzzTest}, through generated
 * bindings: its random function types (the first functions of the same seed) become WIT worlds,
 * whose bindings javac generates and compiles here, and its forwarding components are
 * instantiated through them. Each call takes one of three paths, and in each the host import must
 * receive what was sent and the export must return what the host import returned:
 * <ol>
 *   <li>a generated export method into the component, whose import is a generated host function
 *       (an implementation of the world's {@code Imports} interface);</li>
 *   <li>the dynamic API into the component, whose import is a generated host function: the
 *       runtime's lowering against the generated lifting, and the other way for the result;</li>
 *   <li>a generated export method, the import a dynamic host function: the generated lowering
 *       against the runtime's lifting.</li>
 * </ol>
 * The last two compare the lifting and lowering generated per type with the runtime's own, both
 * laid out by the runtime's {@code Layout}. Values are compared as in the runtime's test,
 * and maps up to key order and repeated keys, which bindings may drop (Explainer.md: the last
 * pair of a key defines its value). Strings are in any of the three encodings.
 *
 * <p>Then each function is called {@value #DAMAGED_CALLS} more times with the component damaging
 * the values it passes on (as in the runtime's {@code AbiCorruptionFuzzTest}), through generated
 * bindings at both ends: generated lifting must give some value or trap, never throw another
 * exception.
 *
 * <p>{@code -Dwit4j.fuzz.iterations=N} sets the number of functions (each called {@value #CALLS}
 * times), {@code -Dwit4j.fuzz.seed} the seed: {@code mvn -o test-compile surefire:test -pl processor
 * -am -Dtest=TypedAbiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dwit4j.fuzz.iterations=2000}
 * (javac takes most of the time: about a second per 4 functions' bindings).
 */
class TypedAbiFuzzTest {

    private static final int CALLS = 3;
    private static final int DAMAGED_CALLS = 2;
    private static final int FUNCTIONS_PER_WORLD = 4;
    /** Worlds whose bindings one javac run generates and compiles. */
    private static final int WORLDS_PER_COMPILATION = 16;

    private static final int MAX_FINDINGS = 20;
    private static final Engine ENGINE =
            Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();

    private final List<String> findings = new ArrayList<>();
    private long calls;
    private long damagedCalls;
    private long trapped;

    @Test
    void generatedBindingsRoundTripValuesLikeTheDynamicApi() throws Exception {
        assumeTrue(Wat.available(), "node or the pinned jco is missing (run tools/wasm/install.sh)");
        long functions = Fuzz.iterations(20);
        long worlds = (functions + FUNCTIONS_PER_WORLD - 1) / FUNCTIONS_PER_WORLD;
        Path dir = Files.createDirectories(Path.of("target", "typed-abi-fuzz").toAbsolutePath());
        for (long first = 0; first < worlds && findings.size() < MAX_FINDINGS; first += WORLDS_PER_COMPILATION) {
            List<List<Function>> batch = new ArrayList<>();
            StringBuilder wit = new StringBuilder("package fuzz:abi;\n\n");
            List<JavaFileObject> sources = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            Path witFile = dir.resolve("fuzz-" + first + ".wit");
            for (long w = first; w < Math.min(worlds, first + WORLDS_PER_COMPILATION); w++) {
                List<Function> fs = new ArrayList<>();
                for (long n = w * FUNCTIONS_PER_WORLD; n < Math.min(functions, (w + 1) * FUNCTIONS_PER_WORLD); n++) {
                    fs.add(AbiRandom.function(Fuzz.SEED, n));
                }
                batch.add(fs);
                wit.append(ForwardingComponent.witWorld("w" + w, fs)).append('\n');
                sources.add(JavaFileObjects.forSourceString(
                        "fuzz.w" + w + ".package-info",
                        "@dev.wit4j.annotations.WitWorld(world = \"fuzz:abi/w" + w + "\", wit = \""
                                + witFile.toString().replace("\\", "\\\\") + "\")\npackage fuzz.w" + w + ";\n"));
                ForwardingComponent.Encoding[] encodings = ForwardingComponent.Encoding.values();
                texts.add(ForwardingComponent.wat(
                        fs, encodings[new SplittableRandom(Fuzz.SEED * 31 + w).nextInt(3)], true));
            }
            Files.writeString(witFile, wit);
            Compilation c = javac().withProcessors(new WitWorldProcessor()).compile(sources);
            if (c.status() != Compilation.Status.SUCCESS) {
                findings.add("  the bindings of " + witFile + " do not compile: "
                        + String.join("\n    ", Harness.messages(c, Diagnostic.Kind.ERROR)));
                continue;
            }
            ClassLoader loader = new GeneratedClasses(c, getClass().getClassLoader());
            List<Wat.Assembled> assembled = Wat.assemble(texts);
            for (int i = 0; i < batch.size() && findings.size() < MAX_FINDINGS; i++) {
                if (assembled.get(i).error() != null) {
                    findings.add("  world w" + (first + i) + ": the text parser refused the component: "
                            + assembled.get(i).error());
                    continue;
                }
                run(
                        "w" + (first + i),
                        batch.get(i),
                        ENGINE.load(assembled.get(i).wasm()),
                        loader,
                        witFile);
            }
        }
        System.out.println("typed canonical ABI round trips: " + functions + " functions, " + calls + " calls, "
                + damagedCalls + " with damaged values (" + trapped + " trapped; seed " + Fuzz.SEED + ")");
        if (!findings.isEmpty()) {
            fail(findings.size() + " findings (seed " + Fuzz.SEED + "):\n" + String.join("\n", findings));
        }
    }

    /** What the host import of the function being called expects and returns. */
    private static final class Expected {
        Function function;
        List<Value> args;
        Optional<Value> result;
        int received;
        List<Value> receivedArgs;

        /** The host import's part of a call, on values. */
        Optional<Value> receive(Function f, List<Value> args) {
            received++;
            receivedArgs = args;
            return function == f ? result : Optional.empty();
        }
    }

    private void run(String world, List<Function> functions, Component component, ClassLoader loader, Path wit)
            throws ReflectiveOperationException {
        String pkg = "fuzz." + world + ".";
        String name = Names.upperCamel(world);
        Class<?> worldClass = loader.loadClass(pkg + name);
        Class<?> importsInterface = loader.loadClass(pkg + name + "Imports");
        Class<?> importsClass = loader.loadClass(pkg + name + "$Imports");
        Expected expected = new Expected();
        Map<String, Function> byHostMethod = new HashMap<>();
        functions.forEach(f -> byHostMethod.put(Names.lowerCamel("host-" + f.prefix()), f));

        // the host import as generated bindings call it: Java objects in, a Java object out
        Object typedHost = Proxy.newProxyInstance(loader, new Class<?>[] {importsInterface}, (proxy, method, args) -> {
            Function f = byHostMethod.get(method.getName());
            if (f == null) {
                return method.invoke(this, args); // toString and the like
            }
            List<Value> values = new ArrayList<>();
            for (int i = 0; i < f.signature().params().size(); i++) {
                values.add(TypedValues.toValue(args[i], f.signature().params().get(i)));
            }
            Optional<Value> result = expected.receive(f, values);
            return result.map(r ->
                            TypedValues.toJava(r, f.signature().result().orElseThrow(), method.getGenericReturnType()))
                    .orElse(null);
        });
        Object builder = importsClass.getMethod("builder").invoke(null);
        builder.getClass()
                .getMethod(Names.lowerCamel(world + "-imports"), importsInterface)
                .invoke(builder, typedHost);
        Object imports = builder.getClass().getMethod("build").invoke(builder);
        Object withTypedHost = worldClass
                .getMethod("instantiate", Engine.class, Component.class, importsClass)
                .invoke(null, ENGINE, component, imports);

        Linker linker = ENGINE.linker();
        for (Function f : functions) {
            linker.func("host-" + f.prefix(), args -> expected.receive(f, args));
        }
        Object withDynamicHost = worldClass
                .getMethod("instantiate", Linker.class, Component.class)
                .invoke(null, linker, component);

        for (Function f : functions) {
            Signature s = f.signature();
            Method export = method(worldClass, Names.lowerCamel("run-" + f.prefix()));
            Func func = ((Instance) worldClass.getMethod("instance").invoke(withTypedHost)).func("run-" + f.prefix());
            for (int call = 0; call < CALLS && findings.size() < MAX_FINDINGS; call++) {
                expected.function = f;
                expected.args = AbiRandom.arguments(Fuzz.SEED, f.number(), call, s);
                expected.result = AbiRandom.result(Fuzz.SEED, f.number(), call, s);
                expected.received = 0;
                expected.receivedArgs = null;
                calls++;
                String path = switch (call % 3) {
                    case 0 -> "generated export method, generated host import";
                    case 1 -> "dynamic call, generated host import";
                    default -> "generated export method, dynamic host import";
                };
                Optional<Value> out = Optional.empty();
                String problem;
                try {
                    if (call % 3 == 1) {
                        out = func.call(expected.args);
                    } else {
                        Object[] args = new Object[s.params().size()];
                        for (int i = 0; i < args.length; i++) {
                            args[i] = TypedValues.toJava(
                                    expected.args.get(i), s.params().get(i), export.getGenericParameterTypes()[i]);
                        }
                        Object result = export.invoke(call % 3 == 0 ? withTypedHost : withDynamicHost, args);
                        out = s.result().map(r -> TypedValues.toValue(result, r));
                    }
                    problem = check(expected, out);
                } catch (InvocationTargetException e) {
                    problem = "the call failed: " + e.getCause();
                } catch (RuntimeException e) {
                    problem = "the call failed: " + e;
                }
                if (problem != null) {
                    finding(f, call, path, func, expected, out, problem, wit);
                    return; // the instances may be poisoned
                }
            }
        }

        // generated lifting of damaged values: some value, or a trap
        Object damaged = null;
        for (Function f : functions) {
            Method export = method(worldClass, Names.lowerCamel("run-" + f.prefix()));
            for (int call = 0; call < DAMAGED_CALLS && findings.size() < MAX_FINDINGS; call++) {
                Signature s = f.signature();
                Damage damage = Damage.random(
                        s, new SplittableRandom(Fuzz.SEED * 0x2545F4914F6CDD1DL + f.number() * 16 + call), false);
                if (damaged == null) {
                    damaged = worldClass
                            .getMethod("instantiate", Engine.class, Component.class, importsClass)
                            .invoke(null, ENGINE, component, imports);
                }
                Instance instance = (Instance) worldClass.getMethod("instance").invoke(damaged);
                expected.function = f;
                expected.args = AbiRandom.arguments(Fuzz.SEED, f.number(), call, s);
                expected.result = AbiRandom.result(Fuzz.SEED, f.number(), call, s);
                Object[] args = new Object[s.params().size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = TypedValues.toJava(
                            expected.args.get(i), s.params().get(i), export.getGenericParameterTypes()[i]);
                }
                damagedCalls++;
                damage.arm(instance);
                try {
                    export.invoke(damaged, args);
                    Damage.disarm(instance);
                } catch (InvocationTargetException e) {
                    damaged = null; // a trap poisons the instance
                    String problem = Damage.untyped(e.getCause());
                    if (problem == null) {
                        trapped++;
                    } else {
                        findings.add("  function " + f.number() + ", damaged call " + call + " (" + damage
                                + "), generated export method and host import: " + problem + "\n"
                                + "    type: " + ForwardingComponent.witSignature(s) + "\n"
                                + String.join(
                                        "",
                                        f.definitions().stream()
                                                .map(t -> "      " + AbiType.witDefinition(t) + "\n")
                                                .toList())
                                + "    world: " + wit);
                    }
                }
            }
        }
    }

    private static Method method(Class<?> c, String name) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(c + " has no method " + name);
    }

    /** What is wrong with a call that returned {@code out}, or null. */
    private static String check(Expected e, Optional<Value> out) {
        if (e.received != 1) {
            return "the host import was called " + e.received + " times";
        }
        for (int i = 0; i < e.args.size(); i++) {
            if (!normalized(e.receivedArgs.get(i)).equals(normalized(e.args.get(i)))) {
                return "the host import received another p" + i;
            }
        }
        if (!out.map(TypedAbiFuzzTest::normalized).equals(e.result.map(TypedAbiFuzzTest::normalized))) {
            return "the export returned another value than the host import";
        }
        return null;
    }

    /**
     * {@code v} with canonical NaNs, and every map with one entry per key (the last one's value)
     * in the order of their keys' text, which is what bindings may turn a map into.
     */
    static Value normalized(Value v) {
        return maps(AbiRandom.canonical(v));
    }

    private static Value maps(Value v) {
        if (v instanceof Value.MapValue m) {
            Map<Value, Value> last = new LinkedHashMap<>();
            m.entries().forEach(e -> last.put(maps(e.key()), maps(e.value())));
            List<Value.MapValue.Entry> entries = new ArrayList<>();
            last.forEach((k, x) -> entries.add(new Value.MapValue.Entry(k, x)));
            entries.sort(Comparator.comparing(e -> e.key().toString()));
            return new Value.MapValue(entries);
        } else if (v instanceof Value.ListValue l) {
            return Value.list(l.elements().stream().map(TypedAbiFuzzTest::maps).toList());
        } else if (v instanceof Value.FixedList l) {
            return Value.fixedList(
                    l.elements().stream().map(TypedAbiFuzzTest::maps).toList());
        } else if (v instanceof Value.RecordValue r) {
            Map<String, Value> fields = new LinkedHashMap<>();
            r.fields().forEach((k, x) -> fields.put(k, maps(x)));
            return Value.record(fields);
        } else if (v instanceof Value.TupleValue t) {
            return Value.tuple(t.elements().stream().map(TypedAbiFuzzTest::maps).toArray(Value[]::new));
        } else if (v instanceof Value.VariantValue x) {
            return new Value.VariantValue(x.caseName(), x.payload().map(TypedAbiFuzzTest::maps));
        } else if (v instanceof Value.OptionValue o) {
            return new Value.OptionValue(o.value().map(TypedAbiFuzzTest::maps));
        } else if (v instanceof Value.ResultValue r) {
            return new Value.ResultValue(r.isOk(), r.payload().map(TypedAbiFuzzTest::maps));
        }
        return v;
    }

    private void finding(
            Function f, int call, String path, Func func, Expected e, Optional<Value> out, String problem, Path wit) {
        StringBuilder sb =
                new StringBuilder("  function " + f.number() + ", call " + call + " (" + path + "): " + problem + "\n");
        sb.append("    type: ")
                .append(ForwardingComponent.witSignature(f.signature()))
                .append('\n');
        f.definitions()
                .forEach(t ->
                        sb.append("      ").append(AbiType.witDefinition(t)).append('\n'));
        for (int i = 0; i < e.args.size(); i++) {
            sb.append("    p")
                    .append(i)
                    .append(" sent: ")
                    .append(wave(e.args.get(i), func.params().get(i).type()))
                    .append('\n');
            if (e.receivedArgs != null && i < e.receivedArgs.size()) {
                sb.append("    p")
                        .append(i)
                        .append(" received: ")
                        .append(wave(e.receivedArgs.get(i), func.params().get(i).type()))
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
        findings.add(sb.append("    world: ").append(wit).toString());
    }

    private static String wave(Value v, dev.wit4j.witx.model.ValueType type) {
        String s;
        try {
            s = Wave.print(v, type);
        } catch (RuntimeException e) {
            s = v.toString();
        }
        return s.length() > 2_000 ? s.substring(0, 2_000) + "… (" + s.length() + " characters)" : s;
    }
}
