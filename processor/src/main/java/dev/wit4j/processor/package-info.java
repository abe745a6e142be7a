/**
 * The annotation processor: {@code WitWorldProcessor} reads a {@code @WitWorld}'s WIT (or a
 * component's own types), builds a small immutable model ({@code ModelBuilder} names the
 * holders, {@code JavaTypes} maps each WIT type, {@code HolderContents} fills each holder;
 * {@code dev.wit4j.processor.model}) and writes Java with one generator per kind of output
 * ({@code dev.wit4j.processor.gen}); {@code ComponentInput} finds and loads a component named by
 * {@code component =}, gives its own world when no WIT is given, and compiles it into the
 * application once {@code ComponentFit} has checked it against the world.
 * {@code JavaFirstProcessor} derives WIT from {@code @WitInterface} Java interfaces
 * ({@code JavaFirstReader}, with {@code JavaFirstTypes} for the WIT type of each Java type) and
 * binds them the same way. Every diagnostic is a {@code Message},
 * reported on the offending element; inputs are recorded ({@code Inputs}) so that a build notices
 * changed WIT or components.
 */
package dev.wit4j.processor;
