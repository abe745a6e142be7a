package dev.wit4j.processor.gen;

import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.processor.model.JavaFirstInterface.Case;
import dev.wit4j.processor.model.JavaFirstInterface.Field;
import dev.wit4j.processor.model.JavaFirstInterface.Function;
import dev.wit4j.processor.model.JavaFirstInterface.TypeDecl;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Java-first: lays out the WIT source of a {@link JavaFirstInterface} (every identifier
 * {@code %}-escaped). The processor resolves it with witx and prints it with the WIT printer, so
 * what is written to {@code META-INF/wit} is in the printer's layout.
 */
public final class WitSourceGenerator {
    private WitSourceGenerator() {}

    /** {@code interface name { … }} without the package header. */
    public static String interfaceBlock(JavaFirstInterface iface) {
        StringBuilder sb = new StringBuilder(docs("", iface.docs()));
        sb.append("interface %").append(iface.name()).append(" {\n");
        for (TypeDecl t : iface.types()) {
            sb.append(docs("  ", t.docs())).append(type(t));
        }
        for (Function f : iface.functions()) {
            sb.append(docs("  ", f.docs())).append("  ").append(function(f)).append('\n');
        }
        return sb.append("}\n").toString();
    }

    /** A whole file: the package header and the interface. */
    public static String file(JavaFirstInterface iface) {
        return "package " + iface.packageName() + ";\n\n" + interfaceBlock(iface);
    }

    /**
     * A world of the given interfaces, each written as the world refers to it: {@code %name} in the
     * world's package, {@code ns:pkg/name@version} in another.
     */
    public static String world(String name, List<String> imports, List<String> exports) {
        StringBuilder sb = new StringBuilder("world %").append(name).append(" {\n");
        imports.forEach(i -> sb.append("  import ").append(i).append(";\n"));
        exports.forEach(e -> sb.append("  export ").append(e).append(";\n"));
        return sb.append("}\n").toString();
    }

    private static String type(TypeDecl t) {
        if (t instanceof JavaFirstInterface.RecordDecl r) {
            return "  record %" + r.name() + " {\n"
                    + r.fields().stream()
                            .map(f -> docs("    ", f.docs()) + "    " + field(f) + ",\n")
                            .collect(Collectors.joining())
                    + "  }\n";
        }
        if (t instanceof JavaFirstInterface.EnumDecl e) {
            return "  enum %" + e.name() + " {\n"
                    + e.cases().stream()
                            .map(c -> docs("    ", c.docs()) + "    %" + c.name() + ",\n")
                            .collect(Collectors.joining())
                    + "  }\n";
        }
        if (t instanceof JavaFirstInterface.FlagsDecl f) {
            return "  flags %" + f.name() + " {\n"
                    + f.flags().stream()
                            .map(c -> docs("    ", c.docs()) + "    %" + c.name() + ",\n")
                            .collect(Collectors.joining())
                    + "  }\n";
        }
        if (t instanceof JavaFirstInterface.VariantDecl v) {
            return "  variant %" + v.name() + " {\n"
                    + v.cases().stream()
                            .map(c -> docs("    ", c.docs()) + "    " + kase(c) + ",\n")
                            .collect(Collectors.joining())
                    + "  }\n";
        }
        JavaFirstInterface.ResourceDecl r = (JavaFirstInterface.ResourceDecl) t;
        StringBuilder sb = new StringBuilder("  resource %").append(r.name()).append(" {\n");
        r.constructor()
                .ifPresent(c -> sb.append(docs("    ", c.docs()))
                        .append("    constructor(")
                        .append(params(c))
                        .append(");\n"));
        r.statics()
                .forEach(f -> sb.append(docs("    ", f.docs()))
                        .append("    %")
                        .append(f.name())
                        .append(": static func(")
                        .append(params(f))
                        .append(")")
                        .append(f.result().map(x -> " -> " + x).orElse(""))
                        .append(";\n"));
        r.methods()
                .forEach(m -> sb.append(docs("    ", m.docs()))
                        .append("    ")
                        .append(function(m))
                        .append('\n'));
        return sb.append("  }\n").toString();
    }

    /** {@code text} as {@code ///} lines at {@code indent}; nothing for no text. */
    private static String docs(String indent, String text) {
        if (text.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(indent).append(line.isEmpty() ? "///" : "/// " + line).append('\n');
        }
        return sb.toString();
    }

    private static String kase(Case c) {
        return "%" + c.name() + c.payload().map(p -> "(" + p + ")").orElse("");
    }

    private static String field(Field f) {
        return "%" + f.name() + ": " + f.type();
    }

    private static String function(Function f) {
        return "%" + f.name() + ": func(" + params(f) + ")"
                + f.result().map(r -> " -> " + r).orElse("") + ";";
    }

    private static String params(Function f) {
        return f.params().stream().map(WitSourceGenerator::field).collect(Collectors.joining(", "));
    }
}
