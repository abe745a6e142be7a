/**
 * The immutable model of what to generate for one world, built by the parse step
 * ({@code dev.wit4j.processor.ModelBuilder}) and read by the generators in
 * {@code dev.wit4j.processor.gen}. Java names and types are already decided here; generators only
 * lay out source.
 */
package dev.wit4j.processor.model;
