package dev.wit4j.binary;

/** A core GC {@code fieldtype}: a storage type and a mutability flag. */
public record CoreFieldType(CoreStorageType storage, boolean mutable) {}
