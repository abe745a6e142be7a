package dev.wit4j.binary;

/** An {@code import}: {@code na:<nameattributes> et:<externtype>}. */
public record Import(long offset, ExternName name, ExternType type) {}
