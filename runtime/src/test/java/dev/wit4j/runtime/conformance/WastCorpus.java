package dev.wit4j.runtime.conformance;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The component-model {@code .wast} suites of {@code ../shared/conformance/wast}, as commands with
 * component binaries.
 *
 * <p>The project has no WebAssembly text parser of its own, so the {@code .wast} scripts are turned
 * into JSON with binaries by {@code tools/wasm/wast2json.mjs}, which uses the wasm-tools text parser
 * bundled in the pinned jco. When the data or the tools are missing, {@link #load()} says why and
 * the runner reports every case as skipped with that reason.
 */
final class WastCorpus {

    /** The suites, as folders under {@code conformance/wast}. */
    static final List<String> SUITES = List.of("component-model", "wasmtime");

    /** One {@code .wast} file: its path relative to {@code conformance/wast}, feature flags and commands. */
    record WastFile(String path, Map<String, String> features, List<Command> commands) {}

    /**
     * One top-level form of a {@code .wast} file.
     *
     * @param type {@code component}, {@code assert_invalid}, {@code assert_malformed},
     *     {@code assert_unlinkable}, {@code assert_return}, {@code assert_trap}, {@code invoke},
     *     {@code component_instance}, …
     * @param binary the component the form holds, or null
     * @param textError why the text parser refused the form's component text, or null
     * @param definition whether a {@code component} form is a {@code component definition} (not instantiated)
     * @param of the component a {@code component instance} form instantiates, or null
     */
    record Command(
            int line,
            String type,
            String text,
            String name,
            byte[] binary,
            String textError,
            String message,
            boolean definition,
            String of) {
        boolean hasComponent() {
            return binary != null || textError != null;
        }
    }

    /** The corpus, or the reason it is not available. */
    record Loaded(List<WastFile> files, String unavailable) {}

    private WastCorpus() {}

    static Loaded load() {
        String shared = System.getProperty("wit4j.shared", System.getenv("WIT4J_SHARED"));
        if (shared == null) {
            return new Loaded(
                    List.of(),
                    "the shared data folder is not configured (system property wit4j.shared or WIT4J_SHARED)");
        }
        Path wast = Paths.get(shared, "conformance", "wast").toAbsolutePath().normalize();
        for (String suite : SUITES) {
            if (!Files.isDirectory(wast.resolve(suite))) {
                return new Loaded(List.of(), "conformance data missing: " + wast.resolve(suite));
            }
        }
        Path tools = Paths.get(System.getProperty("wit4j.tools", "../tools/wasm"))
                .toAbsolutePath()
                .normalize();
        Path out = Paths.get("target", "wast-json").toAbsolutePath();
        try {
            if (!Files.isDirectory(tools.resolve("node_modules/@bytecodealliance/jco"))) {
                String failure = run(tools, "bash", tools.resolve("install.sh").toString());
                if (failure != null) {
                    return new Loaded(
                            List.of(), "cannot install the WebAssembly text tools in " + tools + ": " + failure);
                }
            }
            List<String> command = new ArrayList<>(
                    List.of("node", tools.resolve("wast2json.mjs").toString(), out.toString()));
            for (String suite : SUITES) {
                command.add(wast.resolve(suite).toString());
            }
            String failure = run(tools, command.toArray(String[]::new));
            if (failure != null) {
                return new Loaded(List.of(), "cannot turn the .wast scripts into binaries: " + failure);
            }
            return new Loaded(read(out), null);
        } catch (IOException e) {
            return new Loaded(List.of(), "cannot read the converted .wast scripts: " + e.getMessage());
        }
    }

    /**
     * Runs a tool command in {@code dir}; returns null on success, else why it failed (with the end
     * of its output). Also used by {@link RealComponentsTest} to build its JavaScript component.
     */
    static String run(Path dir, String... command) throws IOException {
        Path log = Files.createTempFile("wit4j-tools", ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return String.join(" ", command) + " timed out";
            }
            if (process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log);
                return String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            }
            return null;
        } catch (IOException e) {
            return command[0] + " could not be started (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static List<WastFile> read(Path out) throws IOException {
        List<Path> jsons;
        try (Stream<Path> walk = Files.walk(out)) {
            jsons = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Gson gson = new Gson();
        List<WastFile> files = new ArrayList<>();
        for (Path json : jsons) {
            JsonObject root;
            try (Reader reader = Files.newBufferedReader(json)) {
                root = gson.fromJson(reader, JsonObject.class);
            }
            Map<String, String> features = new LinkedHashMap<>();
            root.getAsJsonObject("features")
                    .entrySet()
                    .forEach(e -> features.put(e.getKey(), e.getValue().getAsString()));
            List<Command> commands = new ArrayList<>();
            JsonArray array = root.getAsJsonArray("commands");
            for (JsonElement element : array) {
                JsonObject c = element.getAsJsonObject();
                JsonObject module = c.has("module") ? c.getAsJsonObject("module") : null;
                byte[] binary = module != null && module.has("binary")
                        ? Base64.getDecoder().decode(module.get("binary").getAsString())
                        : null;
                String textError = module != null && module.has("textError")
                        ? module.get("textError").getAsString()
                        : null;
                commands.add(new Command(
                        c.get("line").getAsInt(),
                        c.get("type").getAsString(),
                        c.get("text").getAsString(),
                        string(c, "name"),
                        binary,
                        textError,
                        string(c, "message"),
                        c.has("definition") && c.get("definition").getAsBoolean(),
                        string(c, "of")));
            }
            files.add(new WastFile(root.get("file").getAsString().replace('\\', '/'), features, commands));
        }
        return files;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
