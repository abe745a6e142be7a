package dev.wit4j.runtime.wit;

import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders packages as {@code wit-parser} does after decoding: the foreign packages topologically
 * (a package after the packages its interfaces {@code use} types from; otherwise in order of first
 * mention), then the main package, merged into a foreign package of the same name if there is one.
 */
final class PackageOrder {
    private PackageOrder() {}

    static List<PackageDraft> order(List<PackageDraft> foreign, PackageDraft main) {
        Map<PackageName, PackageDraft> byName = new LinkedHashMap<>();
        foreign.forEach(p -> byName.put(p.name, p));
        Set<PackageDraft> done = new LinkedHashSet<>();
        for (PackageDraft p : foreign) {
            visit(p, byName, done);
        }
        List<PackageDraft> out = new ArrayList<>(done);
        PackageDraft same = byName.get(main.name);
        if (same != null) {
            same.merge(main);
        } else {
            out.add(main);
        }
        return out;
    }

    private static void visit(PackageDraft p, Map<PackageName, PackageDraft> byName, Set<PackageDraft> done) {
        if (done.contains(p)) {
            return;
        }
        for (InterfaceDraft i : interfaces(p)) {
            for (TypeDef t : i.types.values()) {
                if (t.kind() instanceof ValueType.Named n
                        && n.def().owner() instanceof TypeOwner.InInterface owner
                        && !owner.pkg().equals(p.name)
                        && byName.containsKey(owner.pkg())) {
                    visit(byName.get(owner.pkg()), byName, done);
                }
            }
        }
        done.add(p);
    }

    private static List<InterfaceDraft> interfaces(PackageDraft p) {
        List<InterfaceDraft> out = new ArrayList<>(p.interfaces.values());
        for (WorldDraft w : p.worlds.values()) {
            for (Map<?, WorldDraft.Item> items : List.of(w.imports, w.exports)) {
                items.values().forEach(item -> {
                    if (item instanceof WorldDraft.Item.Iface f) {
                        out.add(f.iface());
                    }
                });
            }
        }
        return out;
    }
}
