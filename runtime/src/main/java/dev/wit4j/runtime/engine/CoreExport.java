package dev.wit4j.runtime.engine;

/** One export of a core module: its name and type. */
public record CoreExport(String name, CoreExternType type) {}
