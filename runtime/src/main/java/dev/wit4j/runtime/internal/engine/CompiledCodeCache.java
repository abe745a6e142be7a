package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.CompileReport;
import dev.wit4j.runtime.ExecutionMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A directory of JVM classes compiled from core modules, so that a module compiled once (in
 * {@link ExecutionMode#COMPILED}) is not compiled again by a later process.
 *
 * <p>An entry holds the JVM classes of the module's code, what splitting its large functions added
 * to the module, and the {@link CompileReport} ({@link CompiledCode}). It is keyed by a SHA-256 of
 * the module's bytes, of the core engine's compiler, of wit4j's version and of the splitter's
 * settings: a changed module, compiler or runtime never finds an old entry. Each file repeats
 * its full key and carries a CRC-32 of its contents, so a truncated, corrupted or foreign file is
 * detected, deleted and the module compiled again; code from it is never run. A file is written
 * to a temporary name and renamed into place, so processes sharing the directory see either no
 * entry or a complete one. The cache only ever speeds things up: when it cannot be read or
 * written, the module is compiled as if there were none.
 */
public final class CompiledCodeCache {

    private static final byte[] MAGIC = "wit4j-compiled-code\n".getBytes(StandardCharsets.US_ASCII);
    /** The file layout's version, part of every key. */
    private static final int FORMAT = 6;
    /**
     * The core compiler's fingerprint, read on first use: a precompiled component, whose entries
     * are keyed by digest alone, never needs it, and its class files need not be there.
     */
    private static final class EngineFingerprint {
        static final String VALUE = engineFingerprint();
    }
    /** The logger, looked up only when something is logged: finding it costs start-up time (the logging system starts). */
    private static System.Logger log() {
        return System.getLogger(CompiledCodeCache.class.getName());
    }

    private final Path directory;
    /** The entries of a read-only cache held in memory (a precompiled component's), or null. */
    private final Map<String, byte[]> entries;
    /** For such a cache: the SHA-256 of each module it serves, by {@link #checksum} of the module. */
    private final Map<String, String> digests;
    /** For such a cache: the loader of classes its entries do not hold (written apart), or null. */
    private final ClassLoader classLoader;

    private CompiledCodeCache(Path directory) {
        this.directory = directory;
        this.entries = null;
        this.digests = null;
        this.classLoader = null;
    }

    private CompiledCodeCache(Map<String, byte[]> entries, Map<String, String> digests, ClassLoader classLoader) {
        this.directory = null;
        this.entries = Map.copyOf(entries);
        this.digests = Map.copyOf(digests);
        this.classLoader = classLoader;
    }

    /**
     * A read-only cache held in memory (a precompiled component's): {@code entries} are payloads by
     * the SHA-256 (hex) of the module they were compiled from, which is also their key (see
     * {@link #keyFor}). {@code digestsByChecksum} gives each module's digest by its
     * {@link #checksum}: a module found so is not hashed with SHA-256 (80 ms for a JavaScript
     * engine's 3 MB skeleton in a fresh JVM, where the hash's intrinsic is not compiled yet). The
     * entries are code a trusted build wrote, so a checksum that tells its few modules apart is all
     * it takes. Classes the entries were written without come from {@code classLoader} (or none).
     */
    static CompiledCodeCache of(
            Map<String, byte[]> entries, Map<String, String> digestsByChecksum, ClassLoader classLoader) {
        return new CompiledCodeCache(entries, digestsByChecksum, classLoader);
    }

    /** The loader of classes written apart from this cache's entries, or null. */
    ClassLoader classLoader() {
        return classLoader;
    }

    /** The SHA-256 (hex) of {@code module} if this cache knows it by its checksum, else null. */
    String knownDigest(byte[] module) {
        return digests == null || digests.isEmpty() ? null : digests.get(checksum(module));
    }

    /** A cheap fingerprint of a module: its length and CRC-32. */
    static String checksum(byte[] module) {
        return module.length + ":" + Long.toHexString(crc32(module));
    }

    /**
     * A cache in {@code directory}, created (with its parents) when the first entry is written.
     */
    public static CompiledCodeCache in(Path directory) {
        return new CompiledCodeCache(
                Objects.requireNonNull(directory, "directory").toAbsolutePath());
    }

    /** The directory entries are kept in (null for a cache held in memory). */
    public Path directory() {
        return directory;
    }

    /** Whether the modules this cache serves are skeletons already (a precompiled component's). */
    boolean holdsSkeletons() {
        return entries != null;
    }

    /** Whether an entry for {@code key} exists (not checked for damage). */
    boolean has(String key) {
        return entries != null ? entries.containsKey(key) : Files.isRegularFile(file(key));
    }

    /**
     * Whether a complete, intact entry exists for the module: loading it will then define its
     * classes instead of compiling.
     */
    public boolean contains(CoreModule module) {
        return read(keyFor(module.digest())) != null;
    }

    /**
     * The key of this cache's entry for a module whose bytes have the SHA-256 {@code digest}: in a
     * directory, {@link #key(String)}; in memory, the digest itself, since what else the key
     * covers (wit4j's version, the core engine) was checked when the precompiled component was
     * read, and so no hash is computed while a precompiled component loads.
     */
    String keyFor(String digest) {
        return entries != null ? digest : key(digest);
    }

    /**
     * The key of a module's entry in a directory: SHA-256 over the module's own SHA-256, the
     * compiler's fingerprint, wit4j's version, the compile options and the format.
     */
    static String key(CoreModule module) {
        return key(module.digest());
    }

    /** The key of the entry for a module whose bytes have the SHA-256 {@code digest} (hex). */
    static String key(String digest) {
        String material =
                "format=" + FORMAT + "\nmodule=" + digest + "\ncompiler=" + EngineFingerprint.VALUE + "\nruntime="
                        + RUNTIME_FINGERPRINT + "\nwit4j=" + wit4jVersion() + "\noptions=" + CoreModule.COMPILE_OPTIONS;
        return HexFormat.of().formatHex(sha256(material.getBytes(StandardCharsets.UTF_8)));
    }

    /** The file of the entry for {@code key}. */
    Path file(String key) {
        return directory.resolve(key + ".classes");
    }

    /** Removes the entry for {@code key}, for example because its classes could not be defined. */
    void discard(String key) {
        if (entries != null) {
            return;
        }
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            log().log(System.Logger.Level.DEBUG, "cannot delete compiled code cache entry " + file(key), e);
        }
    }

    /** The payload of an intact entry for {@code key}, or {@code null}; a damaged entry is removed. */
    byte[] read(String key) {
        if (entries != null) {
            return entries.get(key);
        }
        Path file = file(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log().log(System.Logger.Level.DEBUG, "cannot read compiled code cache entry " + file, e);
            return null;
        }
        byte[] payload = payload(bytes, key);
        if (payload == null) {
            log().log(System.Logger.Level.DEBUG, "discarding damaged compiled code cache entry " + file);
            discard(key);
        }
        return payload;
    }

    /** The payload of an entry's bytes if their header names {@code key} and the checksum matches. */
    private static byte[] payload(byte[] bytes, String key) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) return null;
            if (!in.readUTF().equals(key)) return null;
            long length = in.readLong();
            long checksum = in.readLong();
            if (length < 0 || length != in.available()) return null;
            byte[] payload = in.readNBytes((int) length);
            return checksum == crc32(payload) ? payload : null;
        } catch (IOException e) {
            return null; // truncated header
        }
    }

    /** Writes an entry atomically: to a temporary file first, renamed over the entry's name. */
    void write(String key, byte[] payload, boolean replace) {
        if (entries != null) {
            return; // read-only
        }
        Path file = file(key);
        if (!replace && Files.exists(file)) {
            return; // another process wrote it first; both compiled the same module
        }
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, key, ".tmp");
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(header)) {
                out.write(MAGIC);
                out.writeUTF(key);
                out.writeLong(payload.length);
                out.writeLong(crc32(payload));
            }
            try (var out = Files.newOutputStream(temp)) {
                header.writeTo(out);
                out.write(payload);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | UncheckedIOException | SecurityException e) {
            log().log(System.Logger.Level.DEBUG, "cannot write compiled code cache entry " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless: entries are found by their own names
                }
            }
        }
    }

    static String wit4jVersion() {
        String version = CompiledCodeCache.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * What identifies the compiler: a hash of its own classes and of wit4j's passes before and
     * after it, so that another Endive release or wit4j build that may generate different code
     * never reads this one's entries (nested classes are not listed: a change there still bumps
     * {@link dev.wit4j.runtime.internal.engine.split.ModuleSplitter#VERSION} or the compile options).
     */
    private static String engineFingerprint() {
        return fingerprint(
                "run/endive/compiler/MachineFactoryCompiler.class",
                "run/endive/compiler/internal/Compiler.class",
                "run/endive/compiler/internal/Emitters.class",
                "run/endive/compiler/internal/ClassLoadingCollector.class",
                // wit4j's own passes around it: the splitter before, the rewriters after
                "dev/wit4j/runtime/internal/engine/CodeCompiler.class",
                "dev/wit4j/runtime/internal/engine/CodeRewriter.class",
                "dev/wit4j/runtime/internal/engine/DispatchSplitter.class",
                "dev/wit4j/runtime/internal/engine/split/ModuleSplitter.class",
                "dev/wit4j/runtime/internal/engine/split/Outliner.class",
                "dev/wit4j/runtime/internal/engine/split/Regions.class",
                "dev/wit4j/runtime/internal/engine/split/SwitchChain.class",
                "dev/wit4j/runtime/internal/engine/split/Transfers.class",
                "dev/wit4j/runtime/internal/engine/split/Liveness.class",
                "dev/wit4j/runtime/internal/engine/split/CostModel.class",
                "dev/wit4j/runtime/internal/engine/split/BodyEncoder.class");
    }

    /**
     * What identifies the runtime that compiled classes call into: a hash of the core engine's
     * classes they use and of wit4j's own that the rewritten code calls. Compiled classes need
     * this runtime, not the compiler that made them. While wit4j's version is a snapshot, these
     * hashes are what tell its builds apart: code compiled by an older build (calling a method that
     * is gone) is then compiled again rather than failing at its first call.
     */
    static final String RUNTIME_FINGERPRINT = fingerprint(
            "run/endive/runtime/Instance.class",
            "run/endive/runtime/Machine.class",
            "run/endive/runtime/Memory.class",
            "run/endive/runtime/TableInstance.class",
            "run/endive/runtime/OpcodeImpl.class",
            "run/endive/runtime/WasmRuntimeException.class",
            "dev/wit4j/runtime/internal/engine/CompiledOps.class",
            "dev/wit4j/runtime/internal/engine/GlobalCells.class",
            "dev/wit4j/runtime/internal/engine/UnsharedMemory.class");

    /**
     * The length and CRC-32 of each named class file as the class path has them (a missing one
     * counts by its name only), read as resources: no class is loaded, so the core compiler need
     * not be present. It tells builds of the core engine apart, which is all it is for; a
     * cryptographic hash would add tens of milliseconds to every start of a fresh JVM.
     */
    private static String fingerprint(String... classFiles) {
        StringBuilder fingerprint = new StringBuilder();
        for (String name : classFiles) {
            try (InputStream in = CompiledCodeCache.class.getClassLoader().getResourceAsStream(name)) {
                byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
                fingerprint
                        .append(Long.toHexString(crc32(name.getBytes(StandardCharsets.UTF_8)) ^ crc32(bytes)))
                        .append(in == null ? "-" : Integer.toHexString(bytes.length))
                        .append('.');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " to fingerprint the compiler", e);
            }
        }
        return fingerprint.toString();
    }

    /**
     * The entry's checksum: it finds damage (a truncated or corrupted file), while the header's key
     * tells entries apart; CRC-32 is as good at the first and far cheaper than a cryptographic hash
     * in a process that has just started (it runs natively before any JIT compilation).
     */
    private static long crc32(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return crc.getValue();
    }

    /** The SHA-256 of {@code bytes}, in hex. */
    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "CompiledCodeCache[" + (directory != null ? directory : entries.size() + " entries in memory") + "]";
    }
}
