/**
 * Splitting of core functions too large for the JVM, before they are compiled: a wasm-to-wasm
 * pass ({@code ModuleSplitter}) that decodes bodies into a tree ({@code BodyDecoder},
 * {@code Node}), estimates their JVM size ({@code CostModel}), moves regions into new functions
 * with their live locals passed in and handed back ({@code Outliner}, {@code Liveness},
 * {@code Transfers}) and encodes the module again ({@code BodyEncoder}); also the skeletons of
 * precompiled modules (bodies left out) and the parts validated in parallel. Only ever compiled:
 * validation and everything a user sees work on the original module.
 */
package dev.wit4j.runtime.internal.engine.split;
