package dev.wit4j.binary;

/**
 * An {@code instancedecl}, also valid inside a component type (Binary.md, "Type Definitions").
 */
public sealed interface InstanceDecl extends ComponentDecl {

    /** {@code 0x00 t:<core:type>}. */
    record CoreTypeDecl(long offset, CoreType type) implements InstanceDecl {}

    /** {@code 0x01 t:<type>}. */
    record TypeDecl(long offset, DefType type) implements InstanceDecl {}

    /** {@code 0x02 a:<alias>}. */
    record AliasDecl(long offset, Alias alias) implements InstanceDecl {}

    /** {@code 0x04 na:<nameattributes> et:<externtype>}. */
    record ExportDecl(long offset, ExternName name, ExternType type) implements InstanceDecl {}
}
