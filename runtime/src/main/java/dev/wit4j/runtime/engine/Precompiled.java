package dev.wit4j.runtime.engine;

import dev.wit4j.runtime.binary.Bytes;
import dev.wit4j.runtime.binary.Component;
import dev.wit4j.runtime.binary.ComponentEncoder;
import dev.wit4j.runtime.binary.CoreModuleBinary;
import dev.wit4j.runtime.binary.Section;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A component compiled ahead of time: the component's binary with every core module replaced by the
 * skeleton its compiled code runs on (the same imports, exports, tables, memories, globals,
 * elements and data; every function body {@code unreachable}), and the compiled JVM classes of
 * each module keyed by its skeleton's digest. Loading it decodes and validates only the skeleton
 * (no code to read, parse or check) and compiles nothing.
 *
 * <p>It is code: load only what a trusted build wrote. A bundle records the wit4j version and the
 * core engine runtime its classes were compiled against; another pair refuses it with both named.
 * Loading it needs neither the core compiler nor ASM on the class path.
 */
public final class Precompiled {

    private static final byte[] MAGIC = "wit4j-precompiled-component\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    /** One core module without its code: its skeleton, the skeleton's SHA-256 (hex), and its compiled code. */
    record Module(byte[] skeleton, String digest, byte[] code) {}

    /** A bundle read back: the skeleton component, and its modules' compiled code. */
    public record Loaded(byte[] component, CompiledCodeCache code) {}

    private Precompiled() {
    }

    /**
     * Compiles every core module of {@code component} (in binary order, depth-first through nested
     * components, as {@code modules} are) and writes the bundle.
     *
     * @throws IllegalStateException if a module has functions only the interpreter can run
     */
    public static byte[] write(Component component, List<CoreModule> modules) {
        List<Module> compiled = new ArrayList<>();
        for (CoreModule m : modules) {
            compiled.add(m.precompiled());
        }
        int[] next = {0};
        Component skeleton = replaceModules(component, compiled, next);
        if (next[0] != compiled.size()) {
            throw new IllegalStateException("found " + next[0] + " module sections for " + compiled.size() + " modules");
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
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (Module m : compiled) {
                entries.putIfAbsent(m.digest(), m.code()); // the same module twice compiles to one entry
            }
            out.writeInt(entries.size());
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
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
                sections.add(new Section.ModuleSection(m.offset(), 0,
                        new CoreModuleBinary(m.module().offset(), Bytes.copyOf(skeleton))));
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
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bundle, MAGIC.length,
                bundle.length - MAGIC.length))) {
            int format = in.readInt();
            String version = in.readUTF();
            String runtime = in.readUTF();
            if (format != FORMAT || !version.equals(CompiledCodeCache.wit4jVersion())
                    || !runtime.equals(CompiledCodeCache.RUNTIME_FINGERPRINT)) {
                throw new IllegalArgumentException("precompiled by wit4j " + version + " (format " + format
                        + ", core engine runtime " + abbreviate(runtime) + "); this is wit4j "
                        + CompiledCodeCache.wit4jVersion() + " (format " + FORMAT + ", core engine runtime "
                        + abbreviate(CompiledCodeCache.RUNTIME_FINGERPRINT) + "): compile the component again");
            }
            byte[] component = in.readNBytes(CompiledCode.length(in));
            int count = CompiledCode.length(in);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String digest = in.readUTF();
                entries.put(digest, in.readNBytes(CompiledCode.length(in)));
            }
            if (in.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return new Loaded(component, CompiledCodeCache.of(entries));
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged precompiled wit4j component: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String fingerprint) {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }
}
