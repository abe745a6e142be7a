package dev.wit4j.runtime.wit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.wit4j.runtime.fuzz.Wat;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.print.WitPrinter;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Recovering WIT from a component gives back the interfaces it was built from. Every world of the
 * wit-parser success cases and of the wit-bindgen codegen corpus is made into a component at test
 * time by wit-component (through the pinned jco: {@code embed --dummy}, then {@code new}); the
 * world recovered from that component must have the source's imports and exports, with equal
 * functions (kinds, parameter names and types, results) and equal definitions for every type it
 * carries (docs and feature gates are not in a component, so they are not compared). A world that
 * wit-component cannot encode is reported as skipped with its reason. Counts are written to
 * {@code target/wit-roundtrip-summary.txt}.
 */
class WitRoundTripTest {
    private static final Path ENCODER = Paths.get("..", "tools", "wasm", "wit2component.mjs");
    private static final Path JCO = Paths.get("..", "tools", "wasm", "node_modules", "@bytecodealliance", "jco");
    private static final int ENCODE_TIMEOUT_SECONDS = 30;
    private static final AtomicInteger ENCODED = new AtomicInteger();
    private static final AtomicInteger EQUAL = new AtomicInteger();
    private static final AtomicInteger NOT_ENCODABLE = new AtomicInteger();
    private static final List<String> SKIPPED = Collections.synchronizedList(new ArrayList<>());

    /** One world of one WIT source, and the component wit-component made of it. */
    record Case(String name, Path wit, boolean allFeatures, World world, Path component) {}

    @TestFactory
    Stream<DynamicTest> recoveredWorldsEqualTheirSource() throws IOException, InterruptedException {
        String shared = System.getProperty("wit4j.shared", System.getenv("WIT4J_SHARED"));
        Assumptions.assumeTrue(
                shared != null, "the shared data folder is not configured (wit4j.shared or WIT4J_SHARED)");
        Path conformance = Paths.get(shared, "conformance");
        Assumptions.assumeTrue(
                Files.isDirectory(conformance.resolve("wit-parser")),
                "conformance data folder missing: " + conformance.resolve("wit-parser"));
        Assumptions.assumeTrue(Files.isDirectory(JCO), "jco is not installed: " + JCO + " (run npm ci in tools/wasm)");
        Assumptions.assumeTrue(Wat.nodeAvailable(), "node is not on the PATH");

        Path out = Files.createDirectories(Paths.get("target", "wit-roundtrip"));
        List<Case> cases = new ArrayList<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path found : sources(conformance)) {
            Path wit = found;
            String label = conformance.relativize(found).toString();
            // wit-bindgen keeps folder cases in a `wit/` sub-folder.
            if (Files.isDirectory(wit.resolve("wit"))) {
                wit = wit.resolve("wit");
            }
            // Every feature gate open where witx resolves the source so, else the default gates; the
            // encoder is told the same.
            Resolve source;
            boolean allFeatures = true;
            try {
                source = resolve(WitResolver.create().withAllFeatures(), wit);
            } catch (RuntimeException withAll) {
                allFeatures = false;
                try {
                    source = resolve(WitResolver.create(), wit);
                } catch (RuntimeException e) {
                    // The witx conformance tests own resolution; a source witx refuses is theirs to report.
                    tests.add(DynamicTest.dynamicTest(
                            label, () -> Assumptions.abort("witx does not resolve it: " + e.getMessage())));
                    continue;
                }
            }
            for (World w : source.rootPackage().worlds().values()) {
                String name = label + " " + w.qualifiedName();
                cases.add(new Case(
                        name,
                        wit.toRealPath(),
                        allFeatures,
                        w,
                        out.resolve(String.format("%04d.wasm", cases.size())).toAbsolutePath()));
            }
        }
        List<String> errors = encode(cases);
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String error = errors.get(i);
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                if (error != null) {
                    NOT_ENCODABLE.incrementAndGet();
                    SKIPPED.add(c.name() + ": " + error);
                    Assumptions.abort("wit-component cannot encode this world: " + error);
                }
                ENCODED.incrementAndGet();
                DecodedWit recovered = ComponentWit.decode(Files.readAllBytes(c.component()));
                assertEquals(
                        String.join("\n", describe(c.world())),
                        String.join("\n", describe(recovered.world())),
                        "recovered from " + c.component());
                EQUAL.incrementAndGet();
            }));
        }
        return tests.stream();
    }

    private static Resolve resolve(WitResolver resolver, Path wit) {
        return Files.isDirectory(wit) ? resolver.directory(wit) : resolver.file(wit);
    }

    @AfterAll
    static void writeSummary() throws IOException {
        if (ENCODED.get() + NOT_ENCODABLE.get() == 0) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("worlds encoded by wit-component: ").append(ENCODED).append('\n');
        sb.append("recovered equal to their source: ").append(EQUAL).append('\n');
        sb.append("not encodable (skipped): ").append(NOT_ENCODABLE).append('\n');
        SKIPPED.stream().sorted().forEach(s -> sb.append("  ").append(s).append('\n'));
        Files.createDirectories(Paths.get("target"));
        Files.writeString(Paths.get("target", "wit-roundtrip-summary.txt"), sb.toString());
    }

    /** The success cases of wit-parser (a file or a folder, without binary dependencies) and the codegen worlds. */
    private static List<Path> sources(Path conformance) throws IOException {
        List<Path> out = new ArrayList<>();
        Path parser = conformance.resolve("wit-parser");
        try (Stream<Path> s = Files.list(parser)) {
            for (Path json : s.filter(p -> p.getFileName().toString().endsWith(".wit.json"))
                    .sorted()
                    .toList()) {
                String base = json.getFileName().toString().replace(".wit.json", "");
                Path file = parser.resolve(base + ".wit");
                Path folder = parser.resolve(base);
                if (Files.isRegularFile(file)) {
                    out.add(file);
                } else if (Files.isDirectory(folder) && !hasBinaries(folder)) {
                    out.add(folder);
                }
            }
        }
        Path codegen = conformance.resolve("wit-codegen");
        if (Files.isDirectory(codegen)) {
            try (Stream<Path> s = Files.list(codegen)) {
                s.filter(p -> p.getFileName().toString().endsWith(".wit") || Files.isDirectory(p))
                        .sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    private static boolean hasBinaries(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.anyMatch(
                    p -> p.toString().endsWith(".wasm") || p.toString().endsWith(".wat"));
        }
    }

    /**
     * Encodes every case in one node process; the error of each case that failed, or null. A world
     * the encoder spends more than {@link #ENCODE_TIMEOUT_SECONDS} on is given up (wit-parser's
     * {@code stress-*} cases elaborate exponentially in wit-component) and the rest go on in a new
     * process, as they do after a world that made the encoder trap.
     */
    private static List<String> encode(List<Case> cases) throws IOException, InterruptedException {
        List<String> errors = new ArrayList<>();
        while (errors.size() < cases.size()) {
            List<Case> rest = cases.subList(errors.size(), cases.size());
            JsonArray requests = new JsonArray();
            for (Case c : rest) {
                JsonObject r = new JsonObject();
                r.addProperty("wit", c.wit().toString());
                r.addProperty("world", specifier(c.world()));
                r.addProperty("out", c.component().toString());
                r.addProperty("allFeatures", c.allFeatures());
                requests.add(r);
            }
            // Kept beside the components: `node tools/wasm/wit2component.mjs < requests.json` repeats the encoding.
            Path file = rest.get(0).component().resolveSibling("requests.json");
            Files.writeString(file, requests.toString());
            Process p = new ProcessBuilder("node", ENCODER.toString())
                    .redirectInput(file.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process was stopped; the main loop notices the missing lines
                }
                lines.add("");
            });
            reader.setDaemon(true);
            reader.start();
            int done = 0;
            while (done < rest.size()) {
                String line = lines.poll(ENCODE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (line == null) {
                    errors.add("the encoder did not finish within " + ENCODE_TIMEOUT_SECONDS + " s");
                    break;
                }
                if (line.isEmpty()) {
                    if (done > 0) {
                        break; // it stopped after a trap: a new process takes the rest
                    }
                    throw new IOException("the WIT encoder stopped before its first result (exit " + p.waitFor()
                            + "); requests in " + file);
                }
                JsonObject o = new Gson().fromJson(line, JsonObject.class);
                errors.add(o.has("error") ? o.get("error").getAsString() : null);
                done++;
            }
            p.destroyForcibly().waitFor();
        }
        return errors;
    }

    /** The world as wit-parser's world specifier, every name escaped (some are WIT keywords). */
    private static String specifier(World w) {
        return "%" + w.pkg().namespace() + ":%" + w.pkg().name() + "/%" + w.name()
                + w.pkg().version().map(v -> "@" + v).orElse("");
    }

    /**
     * One line per import and export, sorted: each function's signature, each type's definition.
     * An imported or exported interface with no functions and no types is left out, since
     * wit-component only writes what a component's functions need.
     */
    static List<String> describe(World w) {
        List<String> lines = new ArrayList<>();
        items("import", w.imports(), lines);
        items("export", w.exports(), lines);
        Collections.sort(lines);
        return lines;
    }

    private static void items(String direction, Map<WorldKey, WorldItem> items, List<String> lines) {
        items.forEach((key, item) -> {
            String prefix = direction + " " + key + " ";
            if (item instanceof WorldItem.FunctionItem f) {
                lines.add(prefix + function(f.function()));
            } else if (item instanceof WorldItem.TypeItem t) {
                lines.add(prefix + "type " + definition(t.type()));
            } else {
                Interface i = ((WorldItem.InterfaceItem) item).iface();
                if (i.functions().isEmpty()) {
                    return;
                }
                for (Function f : i.functions().values()) {
                    lines.add(prefix + function(f));
                }
                for (TypeDef t : usedTypes(i)) {
                    lines.add(prefix + "type " + definition(t));
                }
            }
        });
    }

    /**
     * The interface's types that its functions reach (wit-component leaves the others out of a
     * component), sorted by name.
     */
    private static List<TypeDef> usedTypes(Interface i) {
        Map<String, TypeDef> used = new TreeMap<>();
        for (Function f : i.functions().values()) {
            f.params().forEach(p -> reach(p.type(), i, used));
            f.result().ifPresent(r -> reach(r, i, used));
            if (f.kind() instanceof Function.Kind.Constructor k) {
                add(k.resource(), i, used);
            } else if (f.kind() instanceof Function.Kind.Method k) {
                add(k.resource(), i, used);
            } else if (f.kind() instanceof Function.Kind.Static k) {
                add(k.resource(), i, used);
            }
        }
        return new ArrayList<>(used.values());
    }

    private static void add(TypeDef t, Interface i, Map<String, TypeDef> used) {
        if (!t.owner().equals(owner(i)) || used.putIfAbsent(t.name(), t) != null) {
            return;
        }
        if (t.kind() instanceof ValueType v) {
            reach(v, i, used);
        }
    }

    private static TypeOwner owner(Interface i) {
        return i.types().values().stream().findFirst().map(TypeDef::owner).orElse(null);
    }

    private static void reach(ValueType t, Interface i, Map<String, TypeDef> used) {
        if (t instanceof ValueType.Named n) {
            add(n.def(), i, used);
        } else if (t instanceof ValueType.HandleType h) {
            add(h.resource(), i, used);
        } else if (t instanceof ValueType.ListType l) {
            reach(l.element(), i, used);
        } else if (t instanceof ValueType.FixedListType l) {
            reach(l.element(), i, used);
        } else if (t instanceof ValueType.OptionType o) {
            reach(o.type(), i, used);
        } else if (t instanceof ValueType.ResultType r) {
            r.ok().ifPresent(x -> reach(x, i, used));
            r.err().ifPresent(x -> reach(x, i, used));
        } else if (t instanceof ValueType.TupleType tt) {
            tt.types().forEach(x -> reach(x, i, used));
        } else if (t instanceof ValueType.MapType m) {
            reach(m.key(), i, used);
            reach(m.value(), i, used);
        } else if (t instanceof ValueType.StreamType s) {
            s.element().ifPresent(x -> reach(x, i, used));
        } else if (t instanceof ValueType.FutureType f) {
            f.element().ifPresent(x -> reach(x, i, used));
        } else if (t instanceof ValueType.RecordType r) {
            r.fields().forEach(f -> reach(f.type(), i, used));
        } else if (t instanceof ValueType.VariantType v) {
            v.cases().forEach(c -> c.type().ifPresent(x -> reach(x, i, used)));
        }
    }

    private static String function(Function f) {
        String kind = f.kind() instanceof Function.Kind.Constructor k
                ? "constructor of " + ref(k.resource())
                : f.kind() instanceof Function.Kind.Method k
                        ? "method of " + ref(k.resource())
                        : f.kind() instanceof Function.Kind.Static k ? "static of " + ref(k.resource()) : "func";
        return f.name() + ": " + kind + (f.async() ? " async" : "") + "("
                + f.params().stream().map(p -> p.name() + ": " + type(p.type())).collect(Collectors.joining(", ")) + ")"
                + f.result().map(r -> " -> " + type(r)).orElse("");
    }

    private static String definition(TypeDef t) {
        TypeDefKind k = t.kind();
        String body;
        if (k instanceof TypeDefKind.Resource) {
            body = "resource";
        } else if (k instanceof ValueType.RecordType r) {
            body = "record {"
                    + r.fields().stream()
                            .map(f -> f.name() + ": " + type(f.type()))
                            .collect(Collectors.joining(", ")) + "}";
        } else if (k instanceof ValueType.VariantType v) {
            body = "variant {"
                    + v.cases().stream()
                            .map(c -> c.name()
                                    + c.type().map(x -> "(" + type(x) + ")").orElse(""))
                            .collect(Collectors.joining(", "))
                    + "}";
        } else if (k instanceof ValueType.EnumType e) {
            body = "enum {" + e.cases().stream().map(ValueType.EnumCase::name).collect(Collectors.joining(", ")) + "}";
        } else if (k instanceof ValueType.FlagsType f) {
            body = "flags {" + f.flags().stream().map(ValueType.Flag::name).collect(Collectors.joining(", ")) + "}";
        } else {
            body = "= " + type((ValueType) k);
        }
        return t.name() + " " + body;
    }

    /** A type as WIT, with named definitions qualified by the interface they live in. */
    private static String type(ValueType t) {
        return WitPrinter.type(t, WitRoundTripTest::ref);
    }

    /**
     * A named definition: qualified by its interface when it lives in a named one (a world's own
     * types and inline interfaces are named differently in the recovered world, so only the item
     * counts there).
     */
    private static String ref(TypeDef def) {
        String name = def.owner() instanceof TypeOwner.InInterface ii ? ii + "." + def.name() : def.name();
        return name;
    }
}
