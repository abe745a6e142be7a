package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.CompileReport;
import dev.wit4j.runtime.internal.engine.split.ModuleSplitter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;
import run.endive.wasm.WasmModule;

/**
 * A core module compiled to JVM classes: the classes, the module the instances are built from (the
 * split module, or its skeleton when the classes came from a cache), and what compiling did.
 *
 * <p>Its {@link #toBytes() serialized form} holds the classes, what splitting added to the module
 * and the report; with the original module's bytes that is all it takes to run again, without
 * splitting or compiling: the instances' module is then the split module's skeleton, whose code
 * is never read.
 */
final class CompiledCode {

    /** 3: each class deflated on its own, so that a reader inflates only the classes a run defines. */
    private static final int FORMAT = 3;

    private final WasmModule module;
    /** Where the module's segment bytes lie, when its segments are placeholders ({@link SegmentBytes}); else null. */
    private final SegmentBytes segments;

    private final String mainClass;
    /** The class files by name: as compiled, or (read back) deflated, with their lengths in {@code inflatedLengths}. */
    private final Map<String, byte[]> classes;

    private final Map<String, Integer> inflatedLengths;
    /** For code whose classes are not held here but loaded by name (null otherwise): their class loader. */
    private final ClassLoader externalClasses;

    private final ModuleSplitter.Additions additions;
    private final CompileReport report;
    private volatile Function<Instance, Machine> factory;

    CompiledCode(
            WasmModule module,
            String mainClass,
            Map<String, byte[]> classes,
            ModuleSplitter.Additions additions,
            CompileReport report,
            Function<Instance, Machine> factory) {
        this(module, null, mainClass, classes, null, null, additions, report, factory);
    }

    private CompiledCode(
            WasmModule module,
            SegmentBytes segments,
            String mainClass,
            Map<String, byte[]> classes,
            Map<String, Integer> inflatedLengths,
            ClassLoader externalClasses,
            ModuleSplitter.Additions additions,
            CompileReport report,
            Function<Instance, Machine> factory) {
        this.module = module;
        this.segments = segments;
        this.mainClass = mainClass;
        this.classes = classes;
        this.inflatedLengths = inflatedLengths;
        this.externalClasses = externalClasses;
        this.additions = additions;
        this.report = report;
        this.factory = factory;
    }

    /** The module instances of this code are built from. */
    WasmModule module() {
        return module;
    }

    /** Where the module's segment bytes lie if its engine segments are placeholders, else null. */
    SegmentBytes segments() {
        return segments;
    }

    /** The class files by name, as compiled (null for code read back, whose classes stay deflated until defined). */
    Map<String, byte[]> classes() {
        return inflatedLengths == null ? classes : null;
    }

    CompileReport report() {
        return report;
    }

    /**
     * The machine factory: compiled code in its own class loader, each class defined when first
     * used (the JVM verifies it then).
     */
    Function<Instance, Machine> factory() {
        Function<Instance, Machine> f = factory;
        if (f == null) {
            synchronized (this) {
                f = factory;
                if (f == null) {
                    f = externalClasses != null
                            ? CompiledClassLoader.machineFactory(externalClasses, mainClass)
                            : new CompiledClassLoader(classes, inflatedLengths).machineFactory(mainClass);
                    factory = f;
                }
            }
        }
        return f;
    }

    /**
     * This code with its classes handed to {@code sink} (by binary name, moved into package
     * {@code pkg}) instead of held: what a build writes as class files of the application, which
     * the JVM then reads from the jar only as needed (and can keep in a class-data archive).
     */
    CompiledCode withClassesApart(String pkg, BiConsumer<String, byte[]> sink) {
        Map<String, byte[]> raw = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            byte[] bytes = c.getValue();
            if (inflatedLengths != null) {
                try {
                    bytes = CompiledClassLoader.inflate(bytes, inflatedLengths.get(c.getKey()), c.getKey());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            raw.put(c.getKey(), bytes);
        }
        Map<String, byte[]> moved = ClassPackages.move(raw, pkg);
        moved.forEach(sink);
        String main = ClassPackages.moved(mainClass, pkg);
        return new CompiledCode(module, segments, main, Map.of(), null, null, additions, report, null);
    }

    /** What splitting added to the original module. */
    ModuleSplitter.Additions additions() {
        return additions;
    }

    /** The code as bytes, for a {@link CompiledCodeCache} entry. */
    byte[] toBytes() {
        return toBytes(additions);
    }

    /**
     * The code as bytes, recording {@code additions} as what splitting added: {@link
     * ModuleSplitter.Additions#NONE} for an entry whose module is the split module's skeleton
     * already (a precompiled component's), to which nothing is to be added again.
     */
    byte[] toBytes(ModuleSplitter.Additions additions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(mainClass);
            byte[] a = additions.toBytes();
            out.writeInt(a.length);
            out.write(a);
            out.writeInt(report.functions());
            out.writeInt(report.functionsSplit());
            out.writeInt(report.functionsAdded());
            out.writeInt(report.largestMethodBytes());
            out.writeInt(report.methodsOverJitLimit());
            out.writeInt(report.interpretedFunctions().size());
            for (int f : report.interpretedFunctions()) out.writeInt(f);
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                byte[] stored = inflatedLengths != null ? c.getValue() : CompiledClassLoader.deflate(c.getValue());
                out.writeUTF(c.getKey());
                out.writeInt(inflatedLengths != null ? inflatedLengths.get(c.getKey()) : c.getValue().length);
                out.writeInt(stored.length);
                out.write(stored);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #toBytes()} for the module {@code original}: the instances' module is the split
     * module's skeleton. The classes are defined on first use ({@link #factory()}).
     *
     * @throws IllegalArgumentException if the bytes are not compiled code of this format
     */
    static CompiledCode fromBytes(byte[] bytes, byte[] original) {
        return fromBytes(bytes, original, false);
    }

    /** {@link #fromBytes(byte[], byte[])}; {@code skeletonGiven}: {@code original} is the skeleton itself. */
    static CompiledCode fromBytes(byte[] bytes, byte[] original, boolean skeletonGiven) {
        return fromBytes(bytes, original, skeletonGiven, null);
    }

    /**
     * {@link #fromBytes(byte[], byte[], boolean)}; code written without its classes ({@link
     * #withClassesApart}) takes them from {@code externalClasses}.
     */
    static CompiledCode fromBytes(byte[] bytes, byte[] original, boolean skeletonGiven, ClassLoader externalClasses) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) throw new IllegalArgumentException("compiled code of another format");
            String mainClass = in.readUTF();
            ModuleSplitter.Additions additions = ModuleSplitter.Additions.fromBytes(in.readNBytes(length(in)));
            int functions = in.readInt();
            int split = in.readInt();
            int added = in.readInt();
            int largest = in.readInt();
            int over = in.readInt();
            int n = length(in);
            List<Integer> interpreted = new ArrayList<>();
            for (int i = 0; i < n; i++) interpreted.add(in.readInt());
            int count = length(in);
            Map<String, byte[]> classes = new LinkedHashMap<>();
            Map<String, Integer> inflatedLengths = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                int inflated = in.readInt();
                if (inflated < 0) throw new IllegalArgumentException("damaged compiled code");
                inflatedLengths.put(name, inflated);
                classes.put(name, bytes(in, length(in)));
            }
            if (in.read() != -1 || count > 0 && !classes.containsKey(mainClass)) {
                throw new IllegalArgumentException("damaged compiled code");
            }
            if (count == 0 && externalClasses == null) {
                throw new IllegalArgumentException(
                        "compiled code whose classes are on the class path: load it with" + " their class loader");
            }
            // a precompiled component's module is its skeleton already
            byte[] skeleton = skeletonGiven ? original : ModuleSplitter.skeleton(original, additions);
            // compiled code never reads function bodies, unless some function is interpreted
            SkeletonParser.Skeleton module = interpreted.isEmpty()
                    ? SkeletonParser.parse(skeleton)
                    : new SkeletonParser.Skeleton(CoreModule.parseWorkingAround(skeleton, false), null);
            CompileReport report = new CompileReport(functions, split, added, interpreted, largest, over);
            return new CompiledCode(
                    module.module(),
                    module.segments(),
                    mainClass,
                    classes,
                    inflatedLengths,
                    count == 0 ? externalClasses : null,
                    additions,
                    report,
                    null);
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged compiled code", e);
        }
    }

    /**
     * The next {@code n} bytes of {@code in}, in one array filled in one read (not in the chunks
     * {@link java.io.InputStream#readNBytes(int)} collects and joins: for megabytes of classes that
     * costs more than the copy).
     */
    static byte[] bytes(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    /** A length read from {@code in}, which must not exceed what is left of it. */
    static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("bad length " + n);
        return n;
    }
}
