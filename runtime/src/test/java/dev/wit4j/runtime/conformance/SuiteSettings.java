package dev.wit4j.runtime.conformance;

import dev.wit4j.runtime.abi.CanonicalOptions;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.conformance.WastCorpus.WastFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Engine settings the runner uses per suite, where a suite was written for an engine that
 * configures the canonical ABI differently from the spec's defaults. Each setting is a documented
 * {@link dev.wit4j.runtime.Engine.Builder} option; every run lists them in
 * {@code target/conformance-settings.tsv} next to the summary.
 */
final class SuiteSettings {

    private static final String WASMTIME = "wasmtime/";

    /** Why the wasmtime suite runs with a longer string limit. */
    static final String WASMTIME_STRINGS = "wasmtime admits strings of up to 2^31-1 bytes (its MAX_STRING_BYTE_LENGTH)"
            + " and its tests (big-strings.wast) expect that limit; CanonicalABI.md's default is 2^28-1, which the"
            + " component-model suite and the runtime's own tests use";

    private SuiteSettings() {}

    /** The engine's {@code maxStringByteLength} for the scripts of {@code file}'s suite. */
    static long maxStringByteLength(WastFile file) {
        return file.path().startsWith(WASMTIME)
                ? CanonicalOptions.MAX_STRING_BYTE_LENGTH_LIMIT
                : Layout.MAX_STRING_BYTE_LENGTH;
    }

    /** Writes {@code target/conformance-settings.tsv}: suite, setting, value, reason. */
    static void write() throws IOException {
        String tsv = "suite\tsetting\tvalue\treason\n"
                + "component-model\tmaxStringByteLength\t" + Layout.MAX_STRING_BYTE_LENGTH
                + "\tCanonicalABI.md's MAX_STRING_BYTE_LENGTH (the engine default)\n"
                + "wasmtime\tmaxStringByteLength\t" + CanonicalOptions.MAX_STRING_BYTE_LENGTH_LIMIT + "\t"
                + WASMTIME_STRINGS + "\n";
        Path settings = Paths.get("target", "conformance-settings.tsv");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, tsv);
    }
}
