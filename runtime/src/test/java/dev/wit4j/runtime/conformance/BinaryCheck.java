package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.ComponentEncoder;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.ValidationFeatures.Feature;
import dev.wit4j.runtime.WasmFile;
import dev.wit4j.runtime.conformance.WastCorpus.Command;
import dev.wit4j.runtime.conformance.WastCorpus.WastFile;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;

/**
 * What the binary layer must do with one component of a {@code .wast} script: accept it and
 * reproduce it byte for byte, or reject it with a reason.
 */
sealed interface BinaryCheck extends Executable {

    /** A short description for the test name. */
    String describe();

    /**
     * Core WebAssembly proposals (named as in the {@code ;;!} header lines of wasmtime's tests)
     * that the core engine, Endive 1.0.0, cannot decode: valid components that need them are
     * skipped with this reason.
     */
    Map<String, String> UNSUPPORTED_CORE_FEATURES =
            Map.of("memory64", "the core engine (Endive 1.0.0) does not support the memory64 proposal");

    /**
     * Rejections that are restrictions of wasmtime's runtime, not rules of the Component Model:
     * wit4j supports what they forbid (component-valued imports and exports at the root, see
     * PRODUCT.md §3), so these cases are skipped with this reason rather than counted either way.
     */
    Map<String, String> WASMTIME_RESTRICTIONS = Map.of(
            "root-level component imports are not supported",
            "wasmtime does not support component imports at the root; wit4j does",
            "exporting a component from the root component is not supported",
            "wasmtime does not support exporting a component from the root; wit4j does",
            "is a reexport of an imported function which is not implemented",
            "wasmtime does not let a root component re-export an imported function it does not implement; wit4j does");

    /**
     * The {@code ;;!} header flags (as in wasmtime's {@code WastConfig}) that switch a gated
     * Component Model feature of the validator on or off. Every feature is on unless a file says
     * {@code = false}; other flags (core proposals) are the core engine's business.
     */
    Map<String, Feature> FEATURE_FLAGS = Map.ofEntries(
            Map.entry("component_model_async", Feature.ASYNC),
            Map.entry("component_model_more_async_builtins", Feature.MORE_ASYNC_BUILTINS),
            Map.entry("component_model_async_stackful", Feature.ASYNC_STACKFUL),
            Map.entry("component_model_threading", Feature.THREADING),
            Map.entry("shared_everything_threads", Feature.SHARED_EVERYTHING_THREADS),
            Map.entry("component_model_error_context", Feature.ERROR_CONTEXT),
            Map.entry("component_model_fixed_length_lists", Feature.FIXED_LENGTH_LISTS),
            Map.entry("component_model_map", Feature.MAP),
            Map.entry("component_model_implements", Feature.IMPLEMENTS),
            Map.entry("component_model_canon_names", Feature.CANON_NAMES),
            Map.entry("component_model_values", Feature.VALUES),
            Map.entry("component_model_gc", Feature.GC),
            Map.entry("component_model_memory64", Feature.CM64));

    /** The check for a command, if the command holds a component. */
    static Optional<BinaryCheck> of(WastFile file, Command command) {
        if (!command.hasComponent()) {
            return Optional.empty();
        }
        String where = file.path() + ":" + command.line();
        ValidationFeatures features = features(file);
        return Optional.of(
                switch (command.type()) {
                    case "assert_invalid", "assert_malformed" ->
                        new Rejected(where, command, restriction(command.message()), features);
                    // The components of assert_unlinkable and assert_trap are valid: they fail only when
                    // linked or run.
                    default -> new Accepted(where, command, unsupportedCoreFeature(file), features);
                });
    }

    /** The validator features a file's header asks for: all, minus those it sets to false. */
    static ValidationFeatures features(WastFile file) {
        ValidationFeatures features = ValidationFeatures.all();
        for (Map.Entry<String, String> flag : file.features().entrySet()) {
            Feature feature = FEATURE_FLAGS.get(flag.getKey());
            if (feature != null) {
                features = "false".equals(flag.getValue()) ? features.without(feature) : features.with(feature);
            }
        }
        return features;
    }

    /**
     * Decodes and validates a binary: a component with the given features, a core module by the
     * core engine as {@link WasmFile#validate} does.
     */
    private static WasmBinary validate(byte[] bytes, ValidationFeatures features) {
        WasmBinary binary = ComponentDecoder.decode(bytes);
        if (binary instanceof Component component) {
            ComponentValidator.validate(component, features);
            return binary;
        }
        return WasmFile.validate(bytes);
    }

    private static String restriction(String expectedMessage) {
        return WASMTIME_RESTRICTIONS.entrySet().stream()
                .filter(e -> expectedMessage != null && expectedMessage.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String unsupportedCoreFeature(WastFile file) {
        return file.features().entrySet().stream()
                .filter(e -> "true".equals(e.getValue()) && UNSUPPORTED_CORE_FEATURES.containsKey(e.getKey()))
                .map(e -> UNSUPPORTED_CORE_FEATURES.get(e.getKey()))
                .findFirst()
                .orElse(null);
    }

    /** A valid component: decodes, validates, and encodes back to the same bytes. */
    record Accepted(String where, Command command, String unsupported, ValidationFeatures features)
            implements BinaryCheck {
        @Override
        public String describe() {
            return command.type() + (command.name() == null ? "" : " " + command.name()) + " is valid and round-trips";
        }

        @Override
        public void execute() {
            Assumptions.assumeTrue(unsupported == null, unsupported);
            if (command.textError() != null) {
                fail(where + ": the text parser refused a component expected to be valid: " + command.textError());
            }
            WasmBinary decoded;
            try {
                decoded = validate(command.binary(), features);
            } catch (WasmFormatException e) {
                fail(where + ": rejected a valid component: " + e.getMessage());
                return;
            }
            byte[] encoded = ComponentEncoder.encode(decoded);
            int at = firstDifference(command.binary(), encoded);
            if (at >= 0) {
                fail(where + ": re-encoding differs from the input at byte 0x" + Integer.toHexString(at) + " (input "
                        + command.binary().length + " bytes, output " + encoded.length + " bytes)");
            }
        }
    }

    /** An invalid or malformed component: rejected, with a reason. */
    record Rejected(String where, Command command, String restriction, ValidationFeatures features)
            implements BinaryCheck {
        @Override
        public String describe() {
            return command.type() + " \"" + command.message() + "\"";
        }

        @Override
        public void execute() {
            Assumptions.assumeTrue(restriction == null, restriction);
            Assumptions.assumeTrue(
                    command.textError() == null,
                    () -> "malformed in the text format only: the text parser "
                            + "refuses it, so no binary reaches wit4j (" + command.textError() + ")");
            try {
                validate(command.binary(), features);
            } catch (WasmFormatException e) {
                assertFalse(e.reason().isBlank(), where + ": rejected without a reason");
                Messages.record(where, command.message(), e.getMessage());
                return;
            }
            fail(where + ": accepted a component that is " + command.type().substring("assert_".length())
                    + " (expected: " + command.message() + ")");
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return a.length == b.length ? -1 : n;
    }
}
