package dev.wit4j.binary;

/**
 * The raw bytes of a core WebAssembly module, preamble included. This layer only checks the
 * module's framing (preamble, section ids, sizes and order); the core engine decodes the rest.
 *
 * @param offset absolute offset of the module's {@code \0asm} preamble in the outermost binary, to
 *     translate the engine's module-relative error offsets
 * @param bytes the module, exactly as in the input
 */
public record CoreModuleBinary(long offset, Bytes bytes) implements WasmBinary {}
