package dev.wit4j.witx.model;

/**
 * What a {@link TypeDef} defines: either a {@link ValueType} (a record, variant, ..., or an alias
 * such as {@code type t = list<u8>}) or a {@link Resource}.
 */
public sealed interface TypeDefKind permits ValueType, TypeDefKind.Resource {

    /**
     * An abstract resource type. Its constructor, methods and static functions live in the owning
     * interface's (or world's) function map under the names {@code [constructor]r},
     * {@code [method]r.m} and {@code [static]r.s} (WIT.md "Item: resource").
     */
    record Resource() implements TypeDefKind {}

    /** The single resource kind value. */
    Resource RESOURCE = new Resource();
}
