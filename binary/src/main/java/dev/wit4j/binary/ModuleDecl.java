package dev.wit4j.binary;

/** A {@code core:moduledecl} inside a core module type (Binary.md, "Type Definitions"). */
public sealed interface ModuleDecl {

    /** Absolute offset of the declarator's first byte. */
    long offset();

    /** {@code 0x00 core:import}. */
    record Import(long offset, String module, String name, CoreTypeRef type) implements ModuleDecl {}

    /**
     * {@code 0x01 core:type}. As in wasmparser, a bare {@code 0x50} here is a non-final sub type,
     * never a nested module type (which validation would reject anyway).
     */
    record Type(long offset, CoreRecGroup type) implements ModuleDecl {}

    /** {@code 0x02 0x10 0x01 ct idx}: {@code (alias outer ct idx (type))}. */
    record OuterAlias(long offset, long count, long index) implements ModuleDecl {}

    /** {@code 0x03 n:<core:name> t:<core:externtype>}. */
    record Export(long offset, String name, CoreTypeRef type) implements ModuleDecl {}
}
