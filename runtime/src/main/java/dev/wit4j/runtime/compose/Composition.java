package dev.wit4j.runtime.compose;

import dev.wit4j.binary.Alias;
import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.ComponentEncoder;
import dev.wit4j.binary.Export;
import dev.wit4j.binary.ExternName;
import dev.wit4j.binary.Instance;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.Sort;
import dev.wit4j.binary.SortIdx;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.inspect.Inspection;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plugs the exports of components into the imports of another (what {@code wac plug} does): the
 * result is one component that nests the parts, instantiates each plug with the imports it needs,
 * the socket with the plugs' exports in place of the imports they match by name, and exports what
 * the socket exports. What no plug provides is imported by the result, declared again from the
 * parts' own types; an import several parts share is imported once. The result is validated
 * before it is returned: a plug whose export does not fit the import it replaces is refused,
 * naming the import and both types.
 *
 * <pre>{@code
 * byte[] app = Composition.plug(Files.readAllBytes(socket), List.of(Files.readAllBytes(plug)));
 * }</pre>
 */
public final class Composition {

    private Composition() {}

    /** A part: its decoded structure and its type. */
    private record Part(String what, Component component, TypeView.Component type) {}

    /**
     * @param socket the component whose imports are filled
     * @param plugs components whose exports fill them; the first plug exporting a name wins
     * @return the composed component's binary
     * @throws IllegalArgumentException if a part is not a valid component, no plug fills any
     *     import, or the result would not be valid (the message says which import and why)
     */
    public static byte[] plug(byte[] socket, List<byte[]> plugs) {
        Part s = part(socket, "the socket");
        List<Part> ps = new ArrayList<>();
        for (int k = 0; k < plugs.size(); k++) ps.add(part(plugs.get(k), "plug " + (k + 1)));

        // which plug fills which import of the socket
        Map<String, Integer> filledBy = new LinkedHashMap<>();
        for (String name : s.type().imports().keySet()) {
            for (int k = 0; k < ps.size(); k++) {
                if (ps.get(k).type().exports().containsKey(name)) {
                    filledBy.put(name, k);
                    break;
                }
            }
        }
        if (filledBy.isEmpty()) {
            throw new IllegalArgumentException("no plug exports anything the socket imports (it imports "
                    + String.join(", ", s.type().imports().keySet()) + ")");
        }

        // the result's imports: what the plugs import, and what no plug fills, each once
        ImportTypes imports = new ImportTypes();
        for (Part p : ps) {
            for (Map.Entry<String, TypeView.Extern> e : p.type().imports().entrySet()) {
                if (!imports.sortOf.containsKey(e.getKey())) imports.declare(e.getKey(), e.getValue(), p.type());
            }
        }
        for (Map.Entry<String, TypeView.Extern> e : s.type().imports().entrySet()) {
            if (!filledBy.containsKey(e.getKey()) && !imports.sortOf.containsKey(e.getKey())) {
                imports.declare(e.getKey(), e.getValue(), s.type());
            }
        }

        List<Section> sections = new ArrayList<>(imports.sections);
        for (Part p : ps) sections.add(new Section.ComponentSection(-1, 0, p.component()));
        sections.add(new Section.ComponentSection(-1, 0, s.component()));
        long instances = imports.instances;
        Map<Sort, Long> counts = new LinkedHashMap<>();
        counts.put(Sort.FUNC, (long) imports.funcs);
        counts.put(Sort.TYPE, (long) imports.types);

        // each plug, instantiated with the result's imports
        long[] plugInstance = new long[ps.size()];
        for (int k = 0; k < ps.size(); k++) {
            List<Instance.Arg> args = new ArrayList<>();
            for (String name : ps.get(k).type().imports().keySet()) {
                args.add(new Instance.Arg(-1, name, new SortIdx(imports.sortOf.get(name), imports.indexOf.get(name))));
            }
            sections.add(new Section.InstanceSection(-1, 0, List.of(new Instance.Instantiate(-1, k, args))));
            plugInstance[k] = instances++;
        }
        // the socket, with the plugs' exports where they fit
        List<Instance.Arg> args = new ArrayList<>();
        for (Map.Entry<String, TypeView.Extern> e : s.type().imports().entrySet()) {
            String name = e.getKey();
            Integer k = filledBy.get(name);
            if (k == null) {
                args.add(new Instance.Arg(-1, name, new SortIdx(imports.sortOf.get(name), imports.indexOf.get(name))));
                continue;
            }
            Sort sort = sort(ps.get(k).type().exports().get(name));
            long index = alias(sections, counts, sort, plugInstance[k], name);
            if (sort == Sort.INSTANCE) index = instances++;
            args.add(new Instance.Arg(-1, name, new SortIdx(sort, index)));
        }
        sections.add(new Section.InstanceSection(-1, 0, List.of(new Instance.Instantiate(-1, ps.size(), args))));
        long socketInstance = instances++;

        // the socket's exports
        List<Export> exports = new ArrayList<>();
        for (Map.Entry<String, TypeView.Extern> e : s.type().exports().entrySet()) {
            Sort sort = sort(e.getValue());
            long index = alias(sections, counts, sort, socketInstance, e.getKey());
            if (sort == Sort.INSTANCE) index = instances++;
            exports.add(new Export(-1, ExternName.of(e.getKey()), new SortIdx(sort, index), Optional.empty()));
        }
        sections.add(new Section.ExportSection(-1, 0, exports));

        byte[] bytes = ComponentEncoder.encode(new Component(sections));
        check(bytes, s, ps, filledBy);
        return bytes;
    }

    /** Aliases export {@code name} of {@code instance}; its index in its sort (instances: the caller counts). */
    private static long alias(List<Section> sections, Map<Sort, Long> counts, Sort sort, long instance, String name) {
        sections.add(new Section.AliasSection(-1, 0, List.of(new Alias.InstanceExport(-1, sort, instance, name))));
        if (sort == Sort.INSTANCE) return -1;
        long index = counts.getOrDefault(sort, 0L);
        counts.put(sort, index + 1);
        return index;
    }

    private static Sort sort(TypeView.Extern type) {
        if (type instanceof TypeView.Extern.InstanceItem) return Sort.INSTANCE;
        if (type instanceof TypeView.Extern.FuncItem) return Sort.FUNC;
        if (type instanceof TypeView.Extern.TypeItem) return Sort.TYPE;
        if (type instanceof TypeView.Extern.ComponentItem) return Sort.COMPONENT;
        if (type instanceof TypeView.Extern.ValueItem) return Sort.VALUE;
        return Sort.CORE_MODULE;
    }

    private static Part part(byte[] bytes, String what) {
        WasmBinary binary;
        try {
            binary = ComponentDecoder.decode(bytes);
            if (binary instanceof Component c)
                return new Part(
                        what, c, ComponentValidator.validateDeclarations(c).type());
        } catch (WasmFormatException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(what + " is a core module, not a component");
    }

    /** Validates the result; a mismatch is reported with the import it concerns and both types. */
    private static void check(byte[] bytes, Part socket, List<Part> plugs, Map<String, Integer> filledBy) {
        try {
            ComponentValidator.validateDeclarations(ComponentDecoder.decodeComponent(bytes));
        } catch (WasmFormatException e) {
            for (Map.Entry<String, Integer> f : filledBy.entrySet()) {
                if (e.getMessage().contains("`" + f.getKey() + "`")) {
                    throw new IllegalArgumentException(
                            "plug " + (f.getValue() + 1) + "'s export `" + f.getKey()
                                    + "` does not fit the socket's import of that name: " + e.reason()
                                    + " (the socket imports "
                                    + Inspection.typeOf(socket.type().imports().get(f.getKey()))
                                    + ", the plug exports "
                                    + Inspection.typeOf(plugs.get(f.getValue())
                                            .type()
                                            .exports()
                                            .get(f.getKey()))
                                    + ")",
                            e);
                }
            }
            throw new IllegalArgumentException("the composition is not valid: " + e.getMessage(), e);
        }
    }
}
