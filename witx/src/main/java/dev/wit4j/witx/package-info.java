/**
 * WIT, the interface language of the Component Model (WIT.md): {@code parse} reads text into a
 * syntax tree, {@code resolve} turns files and folders into a resolved model ({@code model}:
 * packages, interfaces, worlds, types with their docs and feature gates), and {@code print} writes
 * a model back as WIT in wasm-tools' layout. The model is shared by the annotation processor and
 * the runtime. Invalid WIT is a {@link dev.wit4j.witx.WitException} with every error and its
 * file, line and column.
 */
package dev.wit4j.witx;
