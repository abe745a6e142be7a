package dev.wit4j.runtime.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link Inspection} written for a terminal and as JSON. */
final class Reports {

    private Reports() {}

    static String text(Inspection inspection) {
        StringBuilder out = new StringBuilder();
        out.append("imports (").append(inspection.imports().size()).append(")\n");
        Map<String, List<Inspection.Import>> byFamily = new LinkedHashMap<>();
        for (Inspection.Import i : inspection.imports()) {
            byFamily.computeIfAbsent(i.family(), f -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Inspection.Import>> family : byFamily.entrySet()) {
            out.append("  ").append(family.getKey()).append('\n');
            for (Inspection.Import i : family.getValue()) {
                out.append("    ")
                        .append(i.name())
                        .append(" (")
                        .append(i.kind())
                        .append(")\n");
                type(out, i.type(), "      ");
                out.append("      reaches: ")
                        .append(i.reaches().isEmpty() ? "nothing" : String.join(", ", i.reaches()))
                        .append('\n');
            }
        }
        out.append("exports (").append(inspection.exports().size()).append(")\n");
        for (Inspection.Export e : inspection.exports()) {
            out.append("  ")
                    .append(e.name())
                    .append(" (")
                    .append(e.kind())
                    .append("), from ")
                    .append(e.from())
                    .append('\n');
            type(out, e.type(), "    ");
        }
        out.append("tree\n");
        tree(out, inspection.tree(), "  ");
        return out.toString();
    }

    /** An instance's functions one per line; any other type on one line. */
    private static void type(StringBuilder out, String type, String indent) {
        if (type.equals("{}")) return;
        for (String member : members(type)) out.append(indent).append(member).append('\n');
    }

    /** An instance type's members ({@code { a: func(); type b }}), or any other type as it is. */
    static List<String> members(String type) {
        return type.startsWith("{ ") && type.endsWith(" }")
                ? List.of(type.substring(2, type.length() - 2).split("; "))
                : List.of(type);
    }

    private static void tree(StringBuilder out, List<Inspection.Node> nodes, String indent) {
        for (Inspection.Node n : nodes) {
            String id = n.id();
            int last = id.lastIndexOf(" / ");
            out.append(indent)
                    .append(last < 0 ? id : id.substring(last + 3))
                    .append(": ")
                    .append(n.description());
            if (!n.receives().isEmpty()) out.append("; receives ").append(String.join(", ", n.receives()));
            out.append('\n');
            tree(out, n.children(), indent + "  ");
        }
    }

    static String json(Inspection inspection) {
        StringBuilder out = new StringBuilder("{\n  \"imports\": [");
        String sep = "\n";
        for (Inspection.Import i : inspection.imports()) {
            out.append(sep)
                    .append("    {\"name\": ")
                    .append(quote(i.name()))
                    .append(", \"kind\": ")
                    .append(quote(i.kind()))
                    .append(", \"type\": ")
                    .append(quote(i.type()))
                    .append(", \"family\": ")
                    .append(quote(i.family()))
                    .append(", \"reaches\": ")
                    .append(strings(i.reaches()))
                    .append('}');
            sep = ",\n";
        }
        out.append(inspection.imports().isEmpty() ? "],\n" : "\n  ],\n");
        out.append("  \"exports\": [");
        sep = "\n";
        for (Inspection.Export e : inspection.exports()) {
            out.append(sep)
                    .append("    {\"name\": ")
                    .append(quote(e.name()))
                    .append(", \"kind\": ")
                    .append(quote(e.kind()))
                    .append(", \"type\": ")
                    .append(quote(e.type()))
                    .append(", \"from\": ")
                    .append(quote(e.from()))
                    .append('}');
            sep = ",\n";
        }
        out.append(inspection.exports().isEmpty() ? "],\n" : "\n  ],\n");
        out.append("  \"tree\": ");
        nodes(out, inspection.tree(), "  ");
        return out.append("\n}\n").toString();
    }

    private static void nodes(StringBuilder out, List<Inspection.Node> nodes, String indent) {
        if (nodes.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String sep = "\n";
        for (Inspection.Node n : nodes) {
            out.append(sep)
                    .append(indent)
                    .append("  {\"id\": ")
                    .append(quote(n.id()))
                    .append(", \"kind\": ")
                    .append(quote(n.kind()))
                    .append(", \"description\": ")
                    .append(quote(n.description()))
                    .append(", \"receives\": ")
                    .append(strings(n.receives()))
                    .append(", \"children\": ");
            nodes(out, n.children(), indent + "  ");
            out.append('}');
            sep = ",\n";
        }
        out.append('\n').append(indent).append(']');
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) out.append(", ");
            out.append(quote(values.get(k)));
        }
        return out.append(']').toString();
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }
}
