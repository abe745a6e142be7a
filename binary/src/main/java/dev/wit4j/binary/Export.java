package dev.wit4j.binary;

import java.util.Optional;

/**
 * An {@code export}: {@code na:<nameattributes> si:<sortidx> et?:<externtype>?}.
 *
 * @param type the ascribed type, if any
 */
public record Export(long offset, ExternName name, SortIdx target, Optional<ExternType> type) {}
