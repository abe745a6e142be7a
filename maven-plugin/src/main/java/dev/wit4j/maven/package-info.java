/**
 * {@code wit4j-maven-plugin}: the {@code refresh} goal, which compares the record the processor
 * keeps of what bindings were made from (WIT files, components) with the files, and marks the
 * annotated source changed when one of them changed, so that the compiler plugin regenerates the
 * bindings.
 */
package dev.wit4j.maven;
