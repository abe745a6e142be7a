package dev.wit4j.binary;

/**
 * A {@code sortidx}: an index into the index space of {@code sort}.
 *
 * @param index a u32, stored unsigned in a {@code long}
 */
public record SortIdx(Sort sort, long index) {}
