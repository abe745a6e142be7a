package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.core.CoreExternType;

/** One export of a core module: its name and type. */
public record CoreExport(String name, CoreExternType type) {}
