package dev.wit4j.binary;

import java.util.Optional;

/**
 * A custom section: its name and raw payload. The payload is the source of truth and is written
 * back unchanged; the {@code component-name} and {@code producers} sections can additionally be
 * read through {@link #componentNames()} and {@link #producers()}. Like the core name section, an
 * invalid name or producers payload is not an error (Binary.md, "Name Section"): those methods then
 * return empty. Other custom sections (e.g. {@code component-type:*}) are only kept raw.
 *
 * @param name the section name
 * @param dataOffset absolute offset of the first payload byte
 * @param data the payload after the name
 */
public record CustomSection(String name, long dataOffset, Bytes data) {

    /** The name of the component name section. */
    public static final String COMPONENT_NAME = "component-name";

    /** The name of the producers section. */
    public static final String PRODUCERS = "producers";

    /** A custom section built in memory. */
    public static CustomSection of(String name, Bytes data) {
        return new CustomSection(name, -1, data);
    }

    /** A {@code component-name} section holding {@code names}. */
    public static CustomSection of(ComponentNameSection names) {
        return of(COMPONENT_NAME, CustomSections.encode(names));
    }

    /** A {@code producers} section holding {@code producers}. */
    public static CustomSection of(ProducersSection producers) {
        return of(PRODUCERS, CustomSections.encode(producers));
    }

    /** The decoded {@code component-name} section, if this is one and it is well-formed. */
    public Optional<ComponentNameSection> componentNames() {
        return name.equals(COMPONENT_NAME) ? CustomSections.decodeNames(data, dataOffset) : Optional.empty();
    }

    /** The decoded {@code producers} section, if this is one and it is well-formed. */
    public Optional<ProducersSection> producers() {
        return name.equals(PRODUCERS) ? CustomSections.decodeProducers(data, dataOffset) : Optional.empty();
    }
}
