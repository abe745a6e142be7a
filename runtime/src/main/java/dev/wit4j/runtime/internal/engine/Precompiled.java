package dev.wit4j.runtime.internal.engine;

import dev.wit4j.binary.Bytes;
import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentEncoder;
import dev.wit4j.binary.CoreModuleBinary;
import dev.wit4j.binary.Section;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A component compiled ahead of time: the component's binary with every core module replaced by the
 * skeleton its compiled code runs on (the same imports, exports, tables, memories, globals,
 * elements and data; every function body {@code unreachable}), and the compiled JVM classes of
 * each module keyed by its skeleton's digest. Loading it decodes and validates only the skeleton
 * (no code to read, parse or check) and compiles nothing.
 *
 * <p>It is code: load only what a trusted build wrote. A bundle records the wit4j version and the
 * runtime its classes were compiled against (the core engine's classes and wit4j's own that
 * compiled code calls); another pair refuses it with both named.
 * Loading it needs neither the core compiler nor ASM on the class path.
 */
public final class Precompiled {

    private static final byte[] MAGIC = "wit4j-precompiled-component\n".getBytes(StandardCharsets.US_ASCII);
    /**
     * 2: compiled classes are stored deflated one by one (CompiledCode format 3), and each module's
     * entry names its skeleton's checksum as well as its digest.
     */
    private static final int FORMAT = 2;
    /** Lengths up to this are read into an array of that size at once. */
    private static final int MAX_EXACT_READ = 256 << 20;

    /** One core module without its code: its skeleton, the skeleton's SHA-256 (hex), and its compiled code. */
    record Module(byte[] skeleton, String digest, byte[] code) {}

    /** A bundle read back: the skeleton component, and its modules' compiled code. */
    public record Loaded(byte[] component, CompiledCodeCache code) {}

    private Precompiled() {}

    /**
     * Compiles every core module of {@code component} (in binary order, depth-first through nested
     * components, as {@code modules} are) and writes the bundle.
     *
     * @throws IllegalStateException if a module has functions only the interpreter can run
     */
    public static byte[] write(Component component, List<CoreModule> modules) {
        return write(component, modules, null, null);
    }

    /**
     * {@link #write(Component, List)} with every module's classes handed to {@code classes} (binary
     * name, class file), moved into a package of {@code pkg} per module, instead of written into the
     * bundle; read it back with {@link #read(InputStream, ClassLoader)} and a loader of those classes.
     * With {@code pkg} null, the classes are in the bundle.
     */
    public static byte[] write(
            Component component, List<CoreModule> modules, String pkg, BiConsumer<String, byte[]> classes) {
        List<Module> compiled = new ArrayList<>();
        // the same module twice is compiled (and its classes handed out) once
        Map<String, Module> byOriginal = new HashMap<>();
        for (CoreModule m : modules) {
            compiled.add(byOriginal.computeIfAbsent(m.digest(), d -> m.precompiled(pkg, classes)));
        }
        int[] next = {0};
        Component skeleton = replaceModules(component, compiled, next);
        if (next[0] != compiled.size()) {
            throw new IllegalStateException(
                    "found " + next[0] + " module sections for " + compiled.size() + " modules");
        }
        byte[] binary = ComponentEncoder.encode(skeleton);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(CompiledCodeCache.wit4jVersion());
            out.writeUTF(CompiledCodeCache.RUNTIME_FINGERPRINT);
            out.writeInt(binary.length);
            out.write(binary);
            Map<String, Module> entries = new LinkedHashMap<>();
            for (Module m : compiled) {
                entries.putIfAbsent(m.digest(), m); // one entry per skeleton
            }
            out.writeInt(entries.size());
            for (Module m : entries.values()) {
                out.writeUTF(m.digest());
                out.writeUTF(CompiledCodeCache.checksum(m.skeleton()));
                out.writeInt(m.code().length);
                out.write(m.code());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Component replaceModules(Component c, List<Module> modules, int[] next) {
        List<Section> sections = new ArrayList<>(c.sections().size());
        for (Section s : c.sections()) {
            if (s instanceof Section.ModuleSection m) {
                byte[] skeleton = modules.get(next[0]++).skeleton();
                sections.add(new Section.ModuleSection(
                        m.offset(), 0, new CoreModuleBinary(m.module().offset(), Bytes.copyOf(skeleton))));
            } else if (s instanceof Section.ComponentSection n) {
                sections.add(new Section.ComponentSection(n.offset(), 0, replaceModules(n.component(), modules, next)));
            } else {
                sections.add(s);
            }
        }
        return new Component(c.offset(), sections);
    }

    /** Whether {@code bytes} start as a bundle does. */
    private static boolean isBundle(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Reads a bundle.
     *
     * @throws IllegalArgumentException if it is not a bundle, is damaged, or was made by another
     *     wit4j version or core compiler (the message names both)
     */
    public static Loaded read(byte[] bundle) {
        if (!isBundle(bundle)) {
            throw new IllegalArgumentException("not a precompiled wit4j component");
        }
        return read(new ByteArrayInputStream(bundle, MAGIC.length, bundle.length - MAGIC.length), true, null);
    }

    /**
     * Reads a bundle from a stream (a class path resource, say), straight into the arrays it is
     * made of, without holding the whole bundle first.
     *
     * @throws IllegalArgumentException as {@link #read(byte[])}, or if the stream cannot be read
     */
    public static Loaded read(InputStream stream) {
        return read(stream, null);
    }

    /**
     * {@link #read(InputStream)}; the classes of modules written apart ({@link #write(Component,
     * List, String, java.util.function.BiConsumer)}) are loaded by {@code classes}.
     */
    public static Loaded read(InputStream stream, ClassLoader classes) {
        try {
            if (!Arrays.equals(stream.readNBytes(MAGIC.length), MAGIC)) {
                throw new IllegalArgumentException("not a precompiled wit4j component");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the precompiled wit4j component: " + e.getMessage(), e);
        }
        return read(stream, false, classes);
    }

    /** {@code bounded}: the stream is an array, whose {@code available()} is what is left. */
    private static Loaded read(InputStream stream, boolean bounded, ClassLoader classes) {
        try (DataInputStream in = new DataInputStream(stream)) {
            int format = in.readInt();
            String version = in.readUTF();
            String runtime = in.readUTF();
            if (format != FORMAT
                    || !version.equals(CompiledCodeCache.wit4jVersion())
                    || !runtime.equals(CompiledCodeCache.RUNTIME_FINGERPRINT)) {
                throw new IllegalArgumentException("precompiled by wit4j " + version + " (format " + format
                        + ", runtime " + abbreviate(runtime) + "); this is wit4j "
                        + CompiledCodeCache.wit4jVersion() + " (format " + FORMAT + ", runtime "
                        + abbreviate(CompiledCodeCache.RUNTIME_FINGERPRINT) + "): compile the component again");
            }
            byte[] component = bytes(in, bounded);
            int count = length(in, bounded);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            Map<String, String> digests = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String digest = in.readUTF();
                digests.put(in.readUTF(), digest);
                entries.put(digest, bytes(in, bounded));
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return new Loaded(component, CompiledCodeCache.of(entries, digests, classes));
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged precompiled wit4j component: " + e.getMessage(), e);
        }
    }

    /** The next length-prefixed bytes; the length is checked against what is left when that is known. */
    private static byte[] bytes(DataInputStream in, boolean bounded) throws IOException {
        int n = length(in, bounded);
        // a stream of unknown length: a damaged length must not allocate gigabytes up front
        return bounded || n <= MAX_EXACT_READ ? CompiledCode.bytes(in, n) : readChecked(in, n);
    }

    private static byte[] readChecked(DataInputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) throw new IOException("truncated: " + b.length + " of " + n + " bytes");
        return b;
    }

    private static int length(DataInputStream in, boolean bounded) throws IOException {
        if (bounded) return CompiledCode.length(in);
        int n = in.readInt();
        if (n < 0) throw new IOException("bad length " + n);
        return n;
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }
}
