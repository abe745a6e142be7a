/**
 * The component binary format (Binary.md, layer 1, version {@code 0x0d}): an immutable model of a
 * decoded component, {@link dev.wit4j.binary.ComponentDecoder} (bytes to model) and
 * {@link dev.wit4j.binary.ComponentEncoder} (model to bytes).
 *
 * <h2>Model overview</h2>
 *
 * <ul>
 *   <li>{@link dev.wit4j.binary.ComponentDecoder#decode(byte[])} returns a
 *       {@link dev.wit4j.binary.WasmBinary}: a {@link dev.wit4j.binary.Component} or,
 *       for a core module file, a {@link dev.wit4j.binary.CoreModuleBinary} (raw bytes).
 *   <li>A {@code Component} is its ordered list of {@link dev.wit4j.binary.Section}s; each
 *       section kind is a nested record ({@code Section.TypeSection}, {@code Section.CanonSection},
 *       ...). Sections repeat and interleave exactly as in the input, since their order defines
 *       the index spaces.
 *   <li>Section items are sealed interfaces with one record per binary form:
 *       {@link dev.wit4j.binary.CoreInstance}, {@link dev.wit4j.binary.CoreType}
 *       ({@link dev.wit4j.binary.CoreRecGroup} or a module type of
 *       {@link dev.wit4j.binary.ModuleDecl}s), {@link dev.wit4j.binary.Instance},
 *       {@link dev.wit4j.binary.Alias}, {@link dev.wit4j.binary.DefType} (with
 *       {@link dev.wit4j.binary.DefValType} for value types), {@link
 *       dev.wit4j.binary.Canon} (with {@link dev.wit4j.binary.CanonOpt}), {@link
 *       dev.wit4j.binary.Import}, {@link dev.wit4j.binary.Export} and {@link
 *       dev.wit4j.binary.ValueDef}. Component and instance types hold {@link
 *       dev.wit4j.binary.ComponentDecl}/{@link dev.wit4j.binary.InstanceDecl}s.
 *   <li>Value types are {@link dev.wit4j.binary.ComponentValType} ({@link
 *       dev.wit4j.binary.PrimValType} or a type index); core value types are {@link
 *       dev.wit4j.binary.CoreValueType}.
 *   <li>Names of imports and exports are {@link dev.wit4j.binary.ExternName}s, keeping the
 *       leading form byte and the attributes ({@code implements}, {@code versionsuffix},
 *       {@code external-id}).
 *   <li>Custom sections are {@link dev.wit4j.binary.CustomSection}s: name plus raw
 *       payload, with decoded views for {@code component-name} and {@code producers}.
 * </ul>
 *
 * <p>Conventions: every record that an error message may point at carries {@code offset}, the
 * absolute byte offset in the outermost binary (records built in memory use {@code -1}). Every u32
 * (indices, counts) is stored unsigned in a {@code long}, so that comparing it with a size can
 * never be fooled by a negative {@code int}. Lists are unmodifiable.
 *
 * <p>Scope: the decoder rejects only malformed bytes (bad opcodes, sizes, LEB128, UTF-8, framing).
 * It checks no validation rule (index spaces, types, name syntax, uniqueness, feature gates); that
 * is the job of {@code dev.wit4j.runtime.internal.validate}. Embedded core modules are not parsed here, only
 * framed; the engine layer decodes them.
 */
package dev.wit4j.binary;
