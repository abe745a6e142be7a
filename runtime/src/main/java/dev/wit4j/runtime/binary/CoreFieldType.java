package dev.wit4j.runtime.binary;

/** A core GC {@code fieldtype}: a storage type and a mutability flag. */
public record CoreFieldType(CoreStorageType storage, boolean mutable) {}
