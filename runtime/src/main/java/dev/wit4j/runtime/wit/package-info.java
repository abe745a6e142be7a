/**
 * Recovers the WIT world of a binary, as {@code wasm-tools component wit} does: for a component,
 * the world of its own imports and exports (package {@code root:component}, world {@code root});
 * for a core module, the worlds embedded in its {@code component-type:*} custom sections (merged
 * into world {@code root} of package {@code root:root}). Entry point: {@link
 * dev.wit4j.runtime.wit.ComponentWit#decode(byte[])}; the result prints with {@link
 * dev.wit4j.witx.print.WitPrinter}.
 */
package dev.wit4j.runtime.wit;
