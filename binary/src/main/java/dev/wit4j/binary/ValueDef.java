package dev.wit4j.binary;

/**
 * A {@code value} definition (🪙): {@code t:<valtype> len:<core:u32> v:<val(t)>}. Reading
 * {@code v} needs the type index space, so the value is kept as its {@code len} raw bytes.
 *
 * @param dataOffset absolute offset of the first value byte
 */
public record ValueDef(long offset, ComponentValType type, long dataOffset, Bytes data) {}
