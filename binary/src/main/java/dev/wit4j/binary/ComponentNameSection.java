package dev.wit4j.binary;

import java.util.List;

/**
 * The decoded {@code component-name} custom section (Binary.md, "Name Section"): an optional
 * component name subsection followed by sort name subsections, in input order. Subsections with an
 * unknown id or sort are kept raw.
 */
public record ComponentNameSection(List<Subsection> subsections) {

    public ComponentNameSection {
        subsections = List.copyOf(subsections);
    }

    /** A {@code namesubsection_N}. */
    public sealed interface Subsection {
        /** Absolute offset of the subsection id byte. */
        long offset();
    }

    /** Subsection 0: the component's own name. */
    public record ComponentName(long offset, String name) implements Subsection {}

    /** Subsection 1: names of one sort's index space. */
    public record SortNames(long offset, Sort sort, List<NameAssoc> names) implements Subsection {
        public SortNames {
            names = List.copyOf(names);
        }
    }

    /** A subsection this layer does not know (other id, or unknown sort), kept raw. */
    public record Unknown(long offset, int id, Bytes data) implements Subsection {}

    /** A {@code nameassoc}: {@code idx:<u32> name:<name>}. */
    public record NameAssoc(long index, String name) {}
}
