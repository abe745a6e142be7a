package dev.wit4j.runtime.core;

/** One import of a core module: the two-level name and the expected type. */
public record CoreImport(String module, String name, CoreExternType type) {}
