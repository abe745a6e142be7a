/**
 * WAVE, the WebAssembly Value Encoding of the {@code wasm-wave} crate: typed parsing of values
 * and of {@code name(args...)} calls, and canonical one-line printing. Start at
 * {@link dev.wit4j.runtime.wave.Wave}.
 */
package dev.wit4j.runtime.wave;
