/**
 * Immutable model of resolved WIT: packages, interfaces, worlds, named type definitions, the closed
 * set of component-model value types, functions, feature gates, docs and source positions.
 *
 * <p>Everything here is a Java record or a sealed interface so that it can be built from outside
 * this library (e.g. by a runtime decoding component types) and pattern-matched exhaustively.
 * The model is a directed acyclic graph of values: a reference to a named type is the
 * {@link dev.wit4j.witx.model.TypeDef} itself (see {@link dev.wit4j.witx.model.ValueType.Named}),
 * never an index into a table.
 */
package dev.wit4j.witx.model;
