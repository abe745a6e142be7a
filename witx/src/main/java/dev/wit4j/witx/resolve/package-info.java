/**
 * Name resolution: turns parsed WIT files (a directory with its {@code deps/}, single files, or
 * strings) into the immutable {@link dev.wit4j.witx.model.Resolve} model. The entry point is
 * {@link dev.wit4j.witx.resolve.WitResolver}; the rules follow WIT.md "Name resolution",
 * "Filesystem structure", "Feature Gates" and "Transitive imports and worlds", and the behaviour
 * of wasm-tools' {@code wit-parser} where the text leaves room.
 */
package dev.wit4j.witx.resolve;
