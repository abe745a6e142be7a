package dev.wit4j.runtime.fuzz;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Assembles WebAssembly text with the text parser of the pinned jco ({@code tools/wasm/wat2wasm.mjs}),
 * many texts per node process: starting node and loading the parser costs more than assembling a
 * small component.
 */
public final class Wat {

    /** The binary of a text, or why the parser refused it. */
    public record Assembled(byte[] wasm, String error) {}

    private static final Path TOOLS = Path.of(
            System.getProperty("wit4j.tools", Path.of("..", "tools", "wasm").toString()));

    private Wat() {}

    /** Whether node and the pinned jco are there. */
    public static boolean available() {
        return Files.isDirectory(TOOLS.resolve("node_modules")
                        .resolve("@bytecodealliance")
                        .resolve("jco-transpile"))
                && nodeAvailable();
    }

    /** Whether {@code node} is on the PATH. */
    public static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Assembles every text, in order, in one node process. */
    public static List<Assembled> assemble(List<String> texts) throws IOException, InterruptedException {
        JsonArray input = new JsonArray();
        texts.forEach(input::add);
        List<Assembled> out = new ArrayList<>(texts.size());
        for (JsonObject o : run("wat2wasm.mjs", input)) {
            out.add(
                    o.has("wasm")
                            ? new Assembled(
                                    Base64.getDecoder().decode(o.get("wasm").getAsString()), null)
                            : new Assembled(null, o.get("error").getAsString()));
        }
        return out;
    }

    /**
     * Runs one of the scripts in {@code tools/wasm} that read a JSON array on standard input and
     * answer each element with a line of JSON, in order: the answers.
     */
    public static List<JsonObject> run(String script, JsonArray input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("node", TOOLS.resolve(script).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // written from another thread: node answers while it still reads, and would block on a full pipe
        Thread writer = new Thread(
                () -> {
                    try (OutputStream out = p.getOutputStream()) {
                        out.write(input.toString().getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        // node stopped early; the missing lines below say so
                    }
                },
                script + "-input");
        writer.setDaemon(true);
        writer.start();
        List<JsonObject> out = new ArrayList<>(input.size());
        Gson gson = new Gson();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; out.size() < input.size() && (line = r.readLine()) != null; ) {
                out.add(gson.fromJson(line, JsonObject.class));
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (out.size() < input.size()) {
            throw new IOException(script + " stopped after " + out.size() + " of " + input.size() + " inputs (exit "
                    + p.exitValue() + ")");
        }
        return out;
    }
}
