package dev.wit4j.runtime;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.CoreModuleBinary;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.internal.engine.CoreModule;
import dev.wit4j.runtime.internal.validate.ComponentValidator;

/**
 * Checks a {@code .wasm} file: a component (decoded, then validated with every core module inside
 * it) or a core module (decoded and validated by the core engine).
 */
public final class WasmFile {

    private WasmFile() {}

    /**
     * Decodes and validates a component or core module binary.
     *
     * @return the decoded binary
     * @throws WasmFormatException naming the reason and the byte offset when the bytes are
     *     malformed or break a validation rule
     */
    public static WasmBinary validate(byte[] bytes) {
        WasmBinary binary = ComponentDecoder.decode(bytes);
        if (binary instanceof Component component) {
            ComponentValidator.validate(component);
        } else if (binary instanceof CoreModuleBinary) {
            CoreModule.parse(bytes, 0);
        }
        return binary;
    }
}
