package dev.wit4j.binary;

/**
 * A {@code componentdecl} inside a component type: an import declarator or any
 * {@link InstanceDecl} (Binary.md, "Type Definitions").
 */
public sealed interface ComponentDecl permits InstanceDecl, ComponentDecl.ImportDecl {

    /** Absolute offset of the declarator's first byte. */
    long offset();

    /** {@code 0x03 na:<nameattributes> et:<externtype>}. */
    record ImportDecl(long offset, ExternName name, ExternType type) implements ComponentDecl {}
}
