package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentNameSection;
import dev.wit4j.binary.CustomSection;
import dev.wit4j.binary.DefType;
import dev.wit4j.binary.Export;
import dev.wit4j.binary.Section;
import dev.wit4j.binary.Sort;
import dev.wit4j.runtime.abi.CallTransfer;
import dev.wit4j.runtime.abi.FlatPlan;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.abi.StringEncoding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What instantiating one component binary (the outermost or a nested one) needs of it that no
 * instance changes: the sections that mean something at run time and the names the binary gives,
 * worked out when the component is loaded; and what the first instantiation works out (flat
 * layouts, evaluated types, transfer plans), kept here for every later one.
 *
 * @param sections the sections in order, custom sections left out (they carry no run-time meaning)
 * @param name the name the component gives itself in its {@code component-name} section
 * @param componentNames names of the component index space (nested components), by index
 * @param typeExportNames the first export name of each exported type index: a resource type
 *     defined at that index is named so in traps and in the WIT definition made for it
 * @param measures the flat layouts of the function type of each {@code canon lift} and {@code canon
 *     lower}, measured by the first instantiation that defines it (the layouts of a type are the
 *     same for every instance, the resources in it aside)
 * @param types the type definitions of the binary (by identity) whose evaluation is the same for
 *     every instance ({@link TypeEval#sameForEveryInstance}), evaluated by the first instantiation
 * @param transfers the memory-to-memory transfer of each {@code canon lower} of another component's
 *     function, by whether caller and callee encode strings alike, planned by the first
 *     instantiation when no resource occurs in the function type
 */
record ComponentPlan(
        List<Section> sections,
        Optional<String> name,
        Map<Long, String> componentNames,
        Map<Long, String> typeExportNames,
        Map<Canon, Measures> measures,
        Map<Definition, RtType> types,
        Map<TransferKey, Planned> transfers) {

    /** A {@code canon lower} and whether its caller and callee encode strings alike. */
    record TransferKey(Canon canon, boolean sameEncoding) {}

    /** A transfer planned for the function type {@code sig} (empty: the call goes through values). */
    record Planned(FuncSig sig, Optional<CallTransfer> transfer) {}

    /**
     * The memory-to-memory transfer for {@code canon}'s function type {@code sig}, planned once when
     * the type is the same for every instance (a transfer of a handle holds its instance's resource).
     */
    Optional<CallTransfer> transfer(Canon canon, FuncSig sig, StringEncoding caller, StringEncoding callee) {
        if (!TypeEval.sameForEveryInstance(sig)) {
            return CallTransfer.of(sig.paramTypes(), sig.result(), caller, callee);
        }
        TransferKey key = new TransferKey(canon, caller == callee);
        Planned known = transfers.get(key);
        if (known != null && (known.sig() == sig || known.sig().equals(sig))) {
            return known.transfer();
        }
        Optional<CallTransfer> planned = CallTransfer.of(sig.paramTypes(), sig.result(), caller, callee);
        transfers.putIfAbsent(key, new Planned(sig, planned));
        return planned;
    }

    /** A type definition of the binary, compared by identity: equal definitions may differ in meaning. */
    record Definition(DefType def) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Definition d && d.def == def;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(def);
        }
    }

    /** {@code def} evaluated by {@code evaluate}, once for all instances where the type allows. */
    RtType evaluated(DefType def, Function<DefType, RtType> evaluate) {
        Definition key = new Definition(def);
        RtType known = types.get(key);
        if (known != null) {
            return known;
        }
        RtType t = evaluate.apply(def);
        if (TypeEval.sameForEveryInstance(t)) {
            types.putIfAbsent(key, t);
        }
        return t;
    }

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
                new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>());
    }
}
