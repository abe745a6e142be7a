package dev.wit4j.binary;

import java.util.List;

/**
 * A decoded component: its sections in binary order. Sections of the same kind may repeat and
 * interleave; their order defines the index spaces, so it is kept exactly.
 *
 * @param offset absolute offset of this component's preamble (0 for the outermost component, the
 *     start of the section contents for a nested one)
 * @param sections the sections, in order
 */
public record Component(long offset, List<Section> sections) implements WasmBinary {

    public Component {
        sections = List.copyOf(sections);
    }

    /** A component built in memory, with no offsets. */
    public Component(List<Section> sections) {
        this(-1, sections);
    }

    /** The component's sections of one kind, in order. */
    public <S extends Section> List<S> sections(Class<S> kind) {
        return sections.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
