/**
 * The one seam to the core engine (Endive): core modules parsed and validated
 * ({@code CoreModule}, with the bounds and defects checks Endive lacks: {@code ModuleBounds},
 * {@code CoreValidation}), compiled to JVM classes ({@code CodeCompiler}, with the oversized
 * functions split first and the classes rewritten where HotSpot needs it: {@code CodeRewriter},
 * {@code DispatchSplitter}), cached ({@code CompiledCodeCache}) or precompiled into a bundle
 * ({@code Precompiled}), and instantiated ({@code CoreModuleInstance}) with wit4j's own memories
 * ({@code FlatMemory}, {@code PagedMemory}), globals ({@code GlobalCells}) and limits
 * ({@code Budget}). Nothing outside this package names an Endive type, so that a new core engine
 * release is one change here. Public types are public for the other runtime packages, not API.
 */
package dev.wit4j.runtime.internal.engine;
