package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentNameSection;
import dev.wit4j.binary.CustomSection;
import dev.wit4j.binary.Export;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.Sort;
import dev.wit4j.runtime.abi.FlatPlan;
import dev.wit4j.runtime.abi.Layout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What instantiating one component binary (the outermost or a nested one) needs of it that no
 * instance changes, worked out once when the component is loaded rather than at every
 * instantiation: the sections that mean something at run time, and the names the binary gives.
 *
 * @param sections the sections in order, custom sections left out (they carry no run-time meaning)
 * @param name the name the component gives itself in its {@code component-name} section
 * @param componentNames names of the component index space (nested components), by index
 * @param typeExportNames the first export name of each exported type index: a resource type
 *     defined at that index is named so in traps and in the WIT definition made for it
 * @param measures the flat layouts of the function type of each {@code canon lift} and {@code canon
 *     lower}, measured by the first instantiation that defines it (types are evaluated per instance,
 *     their layouts are the same for all)
 */
record ComponentPlan(
        List<Section> sections,
        Optional<String> name,
        Map<Long, String> componentNames,
        Map<Long, String> typeExportNames,
        Map<Canon, Measures> measures) {

    /** The layouts of a function type's parameters and results as flat values. */
    record Measures(FlatPlan.Measure params, FlatPlan.Measure results) {}

    /** The flat layouts of {@code canon}'s function type {@code sig}, measured once. */
    Measures measures(Canon canon, FuncSig sig) {
        return measures.computeIfAbsent(
                canon,
                c -> new Measures(
                        FlatPlan.measure(sig.paramTypes(), Layout.MAX_FLAT_PARAMS),
                        FlatPlan.measure(sig.resultTypes(), Layout.MAX_FLAT_RESULTS)));
    }

    /** The plans of {@code component} and of every component nested in it, by identity. */
    static Map<Component, ComponentPlan> all(Component component) {
        Map<Component, ComponentPlan> out = new IdentityHashMap<>();
        collect(component, out);
        return out;
    }

    private static void collect(Component component, Map<Component, ComponentPlan> out) {
        out.put(component, of(component));
        for (Section s : component.sections()) {
            if (s instanceof Section.ComponentSection nested) {
                collect(nested.component(), out);
            }
        }
    }

    static ComponentPlan of(Component component) {
        List<Section> sections = new ArrayList<>();
        Map<Long, String> typeExportNames = new HashMap<>();
        for (Section s : component.sections()) {
            if (s instanceof Section.Custom) continue;
            sections.add(s);
            if (s instanceof Section.ExportSection e) {
                for (Export x : e.exports()) {
                    if (x.target().sort() == Sort.TYPE) {
                        typeExportNames.putIfAbsent(x.target().index(), x.name().name());
                    }
                }
            }
        }
        Optional<String> name = Optional.empty();
        Map<Long, String> componentNames = new HashMap<>();
        for (Section.Custom c : component.sections(Section.Custom.class)) {
            if (!c.custom().name().equals(CustomSection.COMPONENT_NAME)) continue;
            Optional<ComponentNameSection> names = c.custom().componentNames();
            if (names.isEmpty()) continue;
            for (ComponentNameSection.Subsection sub : names.get().subsections()) {
                if (sub instanceof ComponentNameSection.ComponentName n && name.isEmpty()) {
                    name = Optional.of(n.name());
                } else if (sub instanceof ComponentNameSection.SortNames sn && sn.sort() == Sort.COMPONENT) {
                    sn.names().forEach(n -> componentNames.put(n.index(), n.name()));
                }
            }
        }
        return new ComponentPlan(
                List.copyOf(sections),
                name,
                Map.copyOf(componentNames),
                Map.copyOf(typeExportNames),
                new ConcurrentHashMap<>());
    }
}
