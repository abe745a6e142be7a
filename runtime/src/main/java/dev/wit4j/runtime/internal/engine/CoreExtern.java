package dev.wit4j.runtime.internal.engine;

/**
 * Something a core instance exports and another core instance can import: a function, memory,
 * table, global or tag. Values of this type are handles onto live engine objects; they are passed on as
 * they are, never copied, which is how instances created from the same component share a memory or
 * a table.
 */
public sealed interface CoreExtern permits CoreFunction, CoreMemory, CoreTable, CoreGlobal, CoreTag {

    /** A short word for error messages: "func", "memory", "table", "global" or "tag". */
    String kind();
}
