package dev.wit4j.binary;

import java.util.List;

/**
 * The decoded {@code producers} custom section (tool-conventions): fields such as
 * {@code language}, {@code processed-by} and {@code sdk}, each listing names with versions.
 */
public record ProducersSection(List<Field> fields) {

    public ProducersSection {
        fields = List.copyOf(fields);
    }

    /** A field: its name and its name/version pairs. */
    public record Field(String name, List<Value> values) {
        public Field {
            values = List.copyOf(values);
        }
    }

    /** A producer name and version. */
    public record Value(String name, String version) {}
}
