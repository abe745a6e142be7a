package dev.wit4j.runtime.inspect;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a component can do, from its structure alone: its tree (nested components, core modules,
 * component and core instances), every import with its type, its side-effect family and the inner
 * instances it reaches, and where each export comes from. Reaching follows
 * {@code instantiate … (with …)}, aliases, lifts, lowers and re-exports through every level of
 * nesting; core code is never read, so a core instance counts as using all it is given.
 *
 * <pre>{@code
 * Inspection inspection = Inspection.of(Path.of("app.wasm"));
 * for (Inspection.Import i : inspection.imports()) {
 *     System.out.println(i.name() + " (" + i.family() + ") reaches " + i.reaches());
 * }
 * }</pre>
 *
 * @param imports the component's imports, in binary order
 * @param exports the component's exports, in binary order
 * @param tree what the component defines and instantiates, in binary order; an instance's children
 *     are what instantiating its component defined
 */
public record Inspection(List<Import> imports, List<Export> exports, List<Node> tree) {

    public Inspection {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        tree = List.copyOf(tree);
    }

    /**
     * One import.
     *
     * @param name its name ({@code wasi:cli/environment@0.2.12}, {@code log})
     * @param kind {@code instance}, {@code func}, {@code type}, {@code component}, {@code module} or {@code value}
     * @param type its type, in WIT where it has one: an instance's functions, a function's signature
     * @param family the side effects it stands for: {@code filesystem}, {@code network},
     *     {@code clocks}, {@code random}, {@code environment}, {@code exit}, {@code http},
     *     {@code stdio}, {@code io}, {@code cli}, another WASI package as {@code wasi:<package>},
     *     or {@code custom} for an interface of the component's own world
     * @param reaches the ids of the instances it is handed to, at any depth ({@link Node#id()})
     */
    public record Import(String name, String kind, String type, String family, List<String> reaches) {
        public Import {
            reaches = List.copyOf(reaches);
        }
    }

    /**
     * One export.
     *
     * @param name its name
     * @param kind as {@link Import#kind()}
     * @param type as {@link Import#type()}
     * @param from where it comes from ({@code export `run` of instance 3})
     */
    public record Export(String name, String kind, String type, String from) {}

    /**
     * Something the component defines or instantiates.
     *
     * @param id its path: {@code instance 2 / core instance 0} is core instance 0 of the component
     *     that instance 2 instantiated
     * @param kind {@code instance}, {@code core instance}, {@code core module} or {@code component}
     *     (a nested component never instantiated)
     * @param description what it is ({@code instantiates module 0}, a module's size)
     * @param receives the imports it is handed, directly or through what it is given
     * @param children for an instance of a nested component, what that component defined
     */
    public record Node(String id, String kind, String description, List<String> receives, List<Node> children) {
        public Node {
            receives = List.copyOf(receives);
            children = List.copyOf(children);
        }
    }

    /** Inspects the component in {@code file}. */
    public static Inspection of(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    /**
     * Inspects a component.
     *
     * @throws dev.wit4j.binary.WasmFormatException if the bytes are not a valid component (its
     *     structure and types are validated, its core code is not)
     * @throws IllegalArgumentException if the bytes are a core module, not a component
     */
    public static Inspection of(byte[] bytes) {
        WasmBinary binary = ComponentDecoder.decode(bytes);
        if (!(binary instanceof Component component)) {
            throw new IllegalArgumentException(
                    "a core module, not a component: it has no component structure to inspect");
        }
        return of(component, ComponentValidator.validateDeclarations(component).type());
    }

    /** Inspects a component validated to have {@code type}. */
    static Inspection of(Component component, TypeView.Component type) {
        Analyzer analyzer = new Analyzer();
        analyzer.analyze(component);
        Map<String, String> importTypes = TypeText.of(type.imports(), type.exports());
        Map<String, String> exportTypes = TypeText.of(type.exports(), type.imports());
        List<Import> imports = new ArrayList<>();
        for (Map.Entry<String, TypeView.Extern> e : type.imports().entrySet()) {
            List<String> reaches = new ArrayList<>();
            reachedBy(analyzer.tree, e.getKey(), reaches);
            imports.add(new Import(
                    e.getKey(),
                    TypeText.kind(e.getValue()),
                    importTypes.get(e.getKey()),
                    Families.of(type.importsImplement().getOrDefault(e.getKey(), e.getKey())),
                    reaches));
        }
        List<Export> exports = new ArrayList<>();
        for (Map.Entry<String, TypeView.Extern> e : type.exports().entrySet()) {
            exports.add(new Export(
                    e.getKey(),
                    TypeText.kind(e.getValue()),
                    exportTypes.get(e.getKey()),
                    analyzer.exportSources.getOrDefault(e.getKey(), "")));
        }
        return new Inspection(imports, exports, analyzer.tree);
    }

    private static void reachedBy(List<Node> nodes, String name, List<String> out) {
        for (Node n : nodes) {
            if (n.receives().contains(name)) out.add(n.id());
            reachedBy(n.children(), name, out);
        }
    }

    /** A type spelled as {@link Import#type()} spells it, without names for its types. */
    public static String typeOf(TypeView.Extern type) {
        return TypeText.of(type);
    }

    /** The imports of one family, in order. */
    public List<Import> importsOf(String family) {
        return imports.stream().filter(i -> i.family().equals(family)).toList();
    }

    /** A report for a terminal: imports by family with what they reach, exports, then the tree. */
    public String toText() {
        return Reports.text(this);
    }

    /**
     * One self-contained HTML page (no script, nothing fetched): a diagram of the imports by
     * family, the modules and instances, the exports, and the edges between them; then tables.
     *
     * @param title the page's title (the file's name, say)
     */
    public String toHtml(String title) {
        return HtmlReport.page(this, title);
    }

    /**
     * The inspection as JSON, in a stable layout: {@code {"imports": [{"name", "kind", "type",
     * "family", "reaches": [id…]}…], "exports": [{"name", "kind", "type", "from"}…], "tree":
     * [{"id", "kind", "description", "receives": [name…], "children": […]}…]}}.
     */
    public String toJson() {
        return Reports.json(this);
    }
}
