package dev.wit4j.runtime.validate;

import dev.wit4j.runtime.WasmFormatException;
import dev.wit4j.runtime.binary.Component;
import dev.wit4j.runtime.binary.ComponentDecoder;
import dev.wit4j.runtime.binary.WasmBinary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Throwaway measurement of the validator against the converted conformance scripts under
 * {@code /tmp/wj} (see tools/wasm/wast2json.mjs). Prints how many expected-valid components are
 * accepted and how many invalid/malformed ones are rejected; set {@code -Dverbose=true} to list
 * the failures.
 */
class ConformanceFigures {

    static final Path ROOT = Path.of(System.getProperty("wj.dir", "/tmp/wj"));

    @Test
    void printFigures() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), "no converted conformance data");
        System.out.println(run(Boolean.getBoolean("verbose")));
    }

    public static void main(String[] args) throws IOException {
        System.out.println(run(args.length > 0));
    }

    @SuppressWarnings("unchecked")
    static String run(boolean verbose) throws IOException {
        int valid = 0, validOk = 0, invalid = 0, invalidOk = 0, malformed = 0, malformedOk = 0, sameMessage = 0;
        List<String> failures = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(Files.readString(file));
            for (Object o : (List<Object>) doc.get("commands")) {
                Map<String, Object> cmd = (Map<String, Object>) o;
                String type = (String) cmd.get("type");
                Map<String, Object> module = (Map<String, Object>) cmd.get("module");
                if (module == null) continue;
                String where = ROOT.relativize(file) + ":" + ((Number) cmd.get("line")).intValue();
                String b64 = (String) module.get("binary");
                String error = b64 == null ? "text: " + module.get("textError") : check(Base64.getDecoder().decode(b64));
                switch (type) {
                    case "component", "assert_unlinkable", "assert_trap" -> {
                        valid++;
                        if (error == null) validOk++;
                        else failures.add("VALID-REJECTED " + where + ": " + error);
                    }
                    case "assert_invalid" -> {
                        invalid++;
                        String expected = (String) cmd.get("message");
                        if (error != null) {
                            invalidOk++;
                            if (expected != null && error.contains(expected)) sameMessage++;
                            else failures.add("MESSAGE " + where + ": expected `" + expected + "`, got `" + error + "`");
                        } else {
                            failures.add("INVALID-ACCEPTED " + where + ": expected `" + expected + "`");
                        }
                    }
                    case "assert_malformed" -> {
                        malformed++;
                        if (error != null) malformedOk++;
                        else failures.add("MALFORMED-ACCEPTED " + where + ": expected `" + cmd.get("message") + "`");
                    }
                    default -> {}
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (verbose) failures.forEach(f -> sb.append(f).append('\n'));
        sb.append(String.format("valid accepted %d/%d, invalid rejected %d/%d (same message %d), malformed rejected %d/%d",
                validOk, valid, invalidOk, invalid, sameMessage, malformed, malformedOk, malformed));
        return sb.toString();
    }

    /** Decodes and validates; returns null when accepted, else the reason. */
    static String check(byte[] bytes) {
        try {
            WasmBinary binary = ComponentDecoder.decode(bytes);
            if (binary instanceof Component c) ComponentValidator.validate(c);
            return null;
        } catch (WasmFormatException e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "CRASH " + e;
        }
    }
}
