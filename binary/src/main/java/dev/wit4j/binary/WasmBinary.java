package dev.wit4j.binary;

/**
 * What {@link ComponentDecoder#decode(byte[])} found in a {@code .wasm} file: a {@link Component}
 * (preamble version {@code 0x0d}, layer 1) or a {@link CoreModuleBinary} (version 1, layer 0). The
 * {@code layer} field of the preamble tells the two apart (Binary.md, "Component Definitions").
 */
public sealed interface WasmBinary permits Component, CoreModuleBinary {

    /** Absolute byte offset of the {@code \0asm} preamble in the outermost binary. */
    long offset();

    /** Whether this is a core WebAssembly module rather than a component. */
    default boolean isCoreModule() {
        return this instanceof CoreModuleBinary;
    }
}
