package dev.wit4j.binary;

/**
 * An {@code alias} definition or declarator (Binary.md, "Alias Definitions").
 *
 * <p>Like wasmparser, the decoder already rejects sorts that can never occur in each form: an
 * instance-export alias of a core sort other than {@code core module}, a core-export alias of a
 * component sort or of core type/module/instance, and an outer alias of a sort outside
 * {@code outeraliassort} (core module, core type, type, component).
 */
public sealed interface Alias {

    /** Absolute offset of the alias's first (sort) byte. */
    long offset();

    /** The sort of the aliased definition. */
    Sort sort();

    /** {@code s 0x00 i:<instanceidx> n:<name>}: {@code (alias export i n (s))}. */
    record InstanceExport(long offset, Sort sort, long instanceIndex, String name) implements Alias {}

    /**
     * {@code s 0x01 i:<core:instanceidx> n:<core:name>}: {@code (alias core export i n (s))};
     * {@code sort} is always a core sort.
     */
    record CoreInstanceExport(long offset, Sort sort, long instanceIndex, String name) implements Alias {}

    /** {@code s 0x02 ct:<u32> idx:<u32>}: {@code (alias outer ct idx (s))}. */
    record Outer(long offset, Sort sort, long count, long index) implements Alias {}
}
