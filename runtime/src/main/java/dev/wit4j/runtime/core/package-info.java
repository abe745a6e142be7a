/**
 * Core WebAssembly types as a component's type speaks of them: the value types
 * ({@link dev.wit4j.runtime.core.CoreValType}), function types, and the imports and exports of a
 * core module ({@link dev.wit4j.runtime.core.CoreImport}, {@link dev.wit4j.runtime.core.CoreExternType}).
 * A {@link dev.wit4j.runtime.TypeView} uses them for a component's core module imports and exports;
 * the validator and the engine seam use the same types for the modules they read.
 */
package dev.wit4j.runtime.core;
