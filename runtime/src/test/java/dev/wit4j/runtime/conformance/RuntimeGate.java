package dev.wit4j.runtime.conformance;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.ValidationFeatures;
import dev.wit4j.runtime.ValidationFeatures.Feature;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What the runtime does not execute yet, so that the checks needing it are skipped with the reason
 * rather than failed (or, worse, passed).
 *
 * <p>A component needs an unimplemented Component Model feature exactly when the validator, which
 * gates each feature, rejects it with that feature switched off: this finds the stackful-async,
 * threading, GC and 64-bit components of a file that also holds others, and those of the upstream
 * suite, whose files have no feature header. The async feature (🔀) is partly implemented, so it is
 * not gated here: what the runtime does not run of it (async function types, the {@code async}
 * option, built-ins other than {@code context.*} and {@code backpressure.*}) fails instantiation with
 * "not supported yet", which {@link #skipIfUnsupported} turns into a skip with that reason.
 */
final class RuntimeGate {

    /** Gated Component Model features the runtime does not execute yet. */
    static final Feature[] UNIMPLEMENTED = {
        Feature.ASYNC_STACKFUL, Feature.THREADING, Feature.SHARED_EVERYTHING_THREADS, Feature.GC, Feature.CM64,
    };

    /** Core proposals (named as in the {@code ;;!} headers) whose files are skipped as a whole. */
    static final Map<String, String> UNSUPPORTED_CORE = Map.of(
            "gc", "the core GC proposal is not supported by the runtime yet",
            "memory64", "the core memory64 proposal is not supported by the core engine (Endive 1.0.0)");

    private RuntimeGate() {}

    /** Why none of a file's runtime commands can run, or null. */
    static String unsupportedFile(WastCorpus.WastFile file) {
        return file.features().entrySet().stream()
                .filter(e -> "true".equals(e.getValue()) && UNSUPPORTED_CORE.containsKey(e.getKey()))
                .map(e -> UNSUPPORTED_CORE.get(e.getKey()))
                .findFirst()
                .orElse(null);
    }

    /** Why a component (valid with the file's features) cannot run yet, or null. */
    static String unsupportedFeature(byte[] bytes, ValidationFeatures fileFeatures) {
        WasmBinary binary;
        try {
            binary = ComponentDecoder.decode(bytes);
        } catch (WasmFormatException e) {
            return null; // the load reports it
        }
        if (!(binary instanceof Component component)) {
            return null;
        }
        try {
            ComponentValidator.validate(component, fileFeatures.without(UNIMPLEMENTED));
            return null;
        } catch (WasmFormatException withoutFeatures) {
            try {
                ComponentValidator.validate(component, fileFeatures);
            } catch (WasmFormatException invalid) {
                return null; // invalid anyway: the load reports it
            }
            return "needs a Component Model feature the runtime does not implement yet: " + withoutFeatures.reason();
        }
    }

    /** Skips the current check if {@code e} is the runtime saying that something is not supported yet. */
    static void skipIfUnsupported(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            boolean notYet = t instanceof UnsupportedOperationException
                    || t instanceof LinkException && message.contains("not supported");
            Assumptions.assumeFalse(notYet, () -> "the runtime does not support this yet: " + message);
        }
    }
}
