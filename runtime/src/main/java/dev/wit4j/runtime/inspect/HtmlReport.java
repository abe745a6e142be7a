package dev.wit4j.runtime.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link Inspection} as one self-contained HTML page (no script, no network): a diagram with
 * the imports on the left grouped by family, the component's modules and instances in the middle
 * as a tree, its exports on the right, and an edge for every instance an import is handed to and
 * for every export's source; then the imports and exports as tables.
 */
final class HtmlReport {

    private static final int ROW = 26;
    private static final int BOX_HEIGHT = 20;
    private static final int IMPORT_X = 10;
    private static final int IMPORT_WIDTH = 330;
    private static final int TREE_X = 520;
    private static final int INDENT = 24;
    private static final int TREE_WIDTH = 300;
    private static final int EXPORT_WIDTH = 260;

    /** A colour per family, the rest grey. */
    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("filesystem", "#d95f02"),
            Map.entry("network", "#7570b3"),
            Map.entry("http", "#e7298a"),
            Map.entry("clocks", "#1b9e77"),
            Map.entry("random", "#66a61e"),
            Map.entry("environment", "#e6ab02"),
            Map.entry("exit", "#a6761d"),
            Map.entry("stdio", "#1f78b4"),
            Map.entry("io", "#999999"),
            Map.entry("cli", "#b15928"),
            Map.entry("custom", "#e31a1c"));

    private HtmlReport() {}

    static String page(Inspection inspection, String title) {
        // the middle column: every node of the tree, depth first
        List<Inspection.Node> nodes = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        flatten(inspection.tree(), 0, nodes, depths);
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int k = 0; k < nodes.size(); k++) rowOf.put(nodes.get(k).id(), k);

        // the left column: imports by family, a heading row per family
        Map<String, List<Inspection.Import>> byFamily = new LinkedHashMap<>();
        for (Inspection.Import i : inspection.imports()) {
            byFamily.computeIfAbsent(i.family(), f -> new ArrayList<>()).add(i);
        }
        int importRows = inspection.imports().size() + byFamily.size();
        int rows = Math.max(
                Math.max(importRows, nodes.size()), inspection.exports().size());
        int maxDepth = depths.stream().mapToInt(Integer::intValue).max().orElse(0);
        int exportX = TREE_X + maxDepth * INDENT + TREE_WIDTH + 180;
        int width = exportX + EXPORT_WIDTH + 10;
        int height = (rows + 1) * ROW + 20;

        StringBuilder edges = new StringBuilder();
        StringBuilder boxes = new StringBuilder();
        boxes.append(label(IMPORT_X, 14, "imports", "column"));
        boxes.append(label(TREE_X, 14, "modules and instances", "column"));
        boxes.append(label(exportX, 14, "exports", "column"));
        int row = 1;
        for (Map.Entry<String, List<Inspection.Import>> family : byFamily.entrySet()) {
            String colour = COLOURS.getOrDefault(family.getKey(), "#666666");
            boxes.append(label(IMPORT_X, y(row) + 15, family.getKey(), "family"));
            row++;
            for (Inspection.Import i : family.getValue()) {
                int y = y(row);
                boxes.append("<g class=\"import\" data-name=\"")
                        .append(escape(i.name()))
                        .append("\"><title>")
                        .append(escape(i.name() + ": " + i.type()))
                        .append("</title><rect x=\"")
                        .append(IMPORT_X)
                        .append("\" y=\"")
                        .append(y)
                        .append("\" width=\"")
                        .append(IMPORT_WIDTH)
                        .append("\" height=\"")
                        .append(BOX_HEIGHT)
                        .append("\" rx=\"4\" style=\"stroke:")
                        .append(colour)
                        .append("\"/>")
                        .append(text(IMPORT_X + 6, y + 14, i.name()))
                        .append("</g>\n");
                for (Inspection.Node n : nodes) {
                    if (!n.receives().contains(i.name())) continue;
                    int to = rowOf.get(n.id());
                    edges.append(edge(
                            "capability",
                            IMPORT_X + IMPORT_WIDTH,
                            y + BOX_HEIGHT / 2,
                            TREE_X + depths.get(to) * INDENT,
                            y(to + 1) + BOX_HEIGHT / 2,
                            colour,
                            i.name() + " → " + n.id()));
                }
                row++;
            }
        }
        for (int k = 0; k < nodes.size(); k++) {
            Inspection.Node n = nodes.get(k);
            int x = TREE_X + depths.get(k) * INDENT;
            int y = y(k + 1);
            String last = n.id().contains(" / ") ? n.id().substring(n.id().lastIndexOf(" / ") + 3) : n.id();
            boxes.append("<g class=\"node ")
                    .append(n.kind().replace(' ', '-'))
                    .append("\" data-id=\"")
                    .append(escape(n.id()))
                    .append("\"><title>")
                    .append(escape(n.id() + ": " + n.description()))
                    .append("</title><rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(TREE_WIDTH)
                    .append("\" height=\"")
                    .append(BOX_HEIGHT)
                    .append("\" rx=\"4\"/>")
                    .append(text(x + 6, y + 14, last + ": " + n.description()))
                    .append("</g>\n");
        }
        for (int k = 0; k < inspection.exports().size(); k++) {
            Inspection.Export e = inspection.exports().get(k);
            int y = y(k + 1);
            boxes.append("<g class=\"export\" data-name=\"")
                    .append(escape(e.name()))
                    .append("\"><title>")
                    .append(escape(e.name() + ": " + e.type() + ", from " + e.from()))
                    .append("</title><rect x=\"")
                    .append(exportX)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(EXPORT_WIDTH)
                    .append("\" height=\"")
                    .append(BOX_HEIGHT)
                    .append("\" rx=\"4\"/>")
                    .append(text(exportX + 6, y + 14, e.name()))
                    .append("</g>\n");
            Integer source = sourceRow(e.from(), rowOf);
            if (source != null) {
                edges.append(edge(
                        "export-edge",
                        TREE_X + depths.get(source) * INDENT + TREE_WIDTH,
                        y(source + 1) + BOX_HEIGHT / 2,
                        exportX,
                        y + BOX_HEIGHT / 2,
                        "#333333",
                        e.from() + " → " + e.name()));
            }
        }

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title>\n<style>\n")
                .append(
                        "body{font:13px system-ui,sans-serif;margin:16px;color:#222}h1{font-size:18px}h2{font-size:15px;margin-top:24px}\n")
                .append(
                        "svg text{font:11px ui-monospace,monospace;fill:#222}svg .column{font:bold 12px system-ui,sans-serif}\n")
                .append("svg .family{font:bold 11px system-ui,sans-serif;fill:#555}\n")
                .append(
                        ".import rect{fill:#fff;stroke-width:2}.node rect{fill:#eef3fb;stroke:#7a96c2}.core-module rect{fill:#f4f4f4;stroke:#aaa}\n")
                .append(
                        ".node.component rect{fill:#fff;stroke:#aaa;stroke-dasharray:4 2}.export rect{fill:#effaf0;stroke:#4c9a5a}\n")
                .append(
                        "path{fill:none;stroke-opacity:.55;stroke-width:1.5}path:hover{stroke-opacity:1;stroke-width:3}\n")
                .append(
                        "table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}\n")
                .append("td code{white-space:pre-wrap}\n</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n");
        html.append("<p>")
                .append(inspection.imports().size())
                .append(" imports, ")
                .append(inspection.exports().size())
                .append(
                        " exports. An edge joins an import to every instance it is handed to, directly or through what that")
                .append(
                        " instance is given (core code is not read: a core instance counts as using all it gets), and an")
                .append(" export to where it comes from.</p>\n");
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\">\n")
                .append(edges)
                .append(boxes)
                .append("</svg>\n");
        html.append("<h2>Imports</h2>\n<table><tr><th>import</th><th>family</th><th>type</th><th>reaches</th></tr>\n");
        for (Inspection.Import i : inspection.imports()) {
            html.append("<tr><td>")
                    .append(escape(i.name()))
                    .append("</td><td>")
                    .append(escape(i.family()))
                    .append("</td><td><code>")
                    .append(escape(lines(i.type())))
                    .append("</code></td><td>")
                    .append(escape(i.reaches().isEmpty() ? "nothing" : String.join(", ", i.reaches())))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Exports</h2>\n<table><tr><th>export</th><th>type</th><th>from</th></tr>\n");
        for (Inspection.Export e : inspection.exports()) {
            html.append("<tr><td>")
                    .append(escape(e.name()))
                    .append("</td><td><code>")
                    .append(escape(lines(e.type())))
                    .append("</code></td><td>")
                    .append(escape(e.from()))
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    /** An instance's members one per line. */
    private static String lines(String type) {
        return String.join("\n", Reports.members(type));
    }

    private static int y(int row) {
        return 10 + row * ROW;
    }

    /** The tree row an export comes from: {@code instance 8}, or {@code export `x` of instance 8}. */
    private static Integer sourceRow(String from, Map<String, Integer> rowOf) {
        Integer row = rowOf.get(from);
        if (row != null) return row;
        int of = from.lastIndexOf(" of ");
        return of < 0 ? null : rowOf.get(from.substring(of + 4));
    }

    private static void flatten(
            List<Inspection.Node> nodes, int depth, List<Inspection.Node> out, List<Integer> depths) {
        for (Inspection.Node n : nodes) {
            out.add(n);
            depths.add(depth);
            flatten(n.children(), depth + 1, out, depths);
        }
    }

    private static String edge(String kind, int x1, int y1, int x2, int y2, String colour, String title) {
        int mid = (x1 + x2) / 2;
        return String.format(
                Locale.ROOT,
                "<path class=\"%s\" d=\"M%d,%d C%d,%d %d,%d %d,%d\" style=\"stroke:%s\"><title>%s</title></path>%n",
                kind,
                x1,
                y1,
                mid,
                y1,
                mid,
                y2,
                x2,
                y2,
                colour,
                escape(title));
    }

    private static String label(int x, int y, String text, String kind) {
        return "<text class=\"" + kind + "\" x=\"" + x + "\" y=\"" + y + "\">" + escape(text) + "</text>\n";
    }

    private static String text(int x, int y, String text) {
        String shown = text.length() > 48 ? text.substring(0, 47) + "…" : text;
        return "<text x=\"" + x + "\" y=\"" + y + "\">" + escape(shown) + "</text>";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
