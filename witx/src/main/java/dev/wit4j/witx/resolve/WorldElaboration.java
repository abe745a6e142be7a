package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.parse.Ast.Loc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * World elaboration (wasm-tools {@code elaborate_world}): interfaces that imported items depend on
 * through {@code use} become imports; interfaces exported ones depend on become imports unless
 * exported too (WIT.md "Transitive imports and worlds").
 */
final class WorldElaboration {

    /** Every named interface built so far, by owner. */
    private final Map<TypeOwner, Interface> interfaces;

    private final Consumer<WitException> report;

    WorldElaboration(Map<TypeOwner, Interface> interfaces, Consumer<WitException> report) {
        this.interfaces = interfaces;
        this.report = report;
    }

    /** {@code w} elaborated; a world whose exports depend on an interface in incompatible ways is reported at {@code worldLoc}. */
    World elaborate(World w, Loc worldLoc) {
        List<Map.Entry<WorldKey, WorldItem>> sorted =
                new ArrayList<>(w.imports().entrySet());
        sorted.sort(Comparator.comparingInt(e -> sortKey(e.getValue())));
        LinkedHashMap<WorldKey, WorldItem> imports = new LinkedHashMap<>();
        for (Map.Entry<WorldKey, WorldItem> e : sorted) {
            WorldItem item = e.getValue();
            if (item instanceof WorldItem.InterfaceItem ii) {
                elaborateImport(imports, e.getKey(), ii.iface(), ii.stability());
            } else if (item instanceof WorldItem.TypeItem ti) {
                Interface dep = typeInterfaceDep(ti.type());
                if (dep != null) {
                    elaborateImport(imports, keyOf(dep), dep, ti.type().stability());
                }
                imports.put(e.getKey(), item);
            } else {
                imports.put(e.getKey(), item);
            }
        }
        LinkedHashMap<WorldKey, WorldItem> exports = new LinkedHashMap<>();
        LinkedHashMap<Object, Map.Entry<WorldKey, WorldItem.InterfaceItem>> exportIfaces = new LinkedHashMap<>();
        for (Map.Entry<WorldKey, WorldItem> e : w.exports().entrySet()) {
            if (e.getValue() instanceof WorldItem.InterfaceItem ii) {
                exportIfaces.put(ikey(ii.iface()), Map.entry(e.getKey(), ii));
            } else {
                exports.put(e.getKey(), e.getValue());
            }
        }
        Set<Object> required = new HashSet<>();
        for (Map.Entry<WorldKey, WorldItem.InterfaceItem> e : exportIfaces.values()) {
            if (!addExport(
                    imports,
                    exports,
                    exportIfaces,
                    required,
                    e.getValue().iface(),
                    e.getKey(),
                    true,
                    e.getValue().stability())) {
                report.accept(worldLoc.error(
                        "interface `" + e.getKey() + "` transitively depends on an interface in incompatible ways"));
            }
        }
        List<Map.Entry<WorldKey, WorldItem>> finalImports = new ArrayList<>(imports.entrySet());
        finalImports.sort(Comparator.comparingInt(e -> sortKey(e.getValue())));
        LinkedHashMap<WorldKey, WorldItem> result = new LinkedHashMap<>();
        for (Map.Entry<WorldKey, WorldItem> e : finalImports) {
            result.put(e.getKey(), e.getValue());
        }
        return new World(w.name(), w.pkg(), result, exports, w.docs(), w.stability(), w.pos());
    }

    private boolean addExport(
            LinkedHashMap<WorldKey, WorldItem> imports,
            LinkedHashMap<WorldKey, WorldItem> exports,
            Map<Object, Map.Entry<WorldKey, WorldItem.InterfaceItem>> exportIfaces,
            Set<Object> required,
            Interface iface,
            WorldKey key,
            boolean addExport,
            Stability stab) {
        if (exports.containsKey(key)) {
            return addExport;
        }
        if (!addExport && required.contains(ikey(iface))) {
            return true;
        }
        for (Interface dep : directDeps(iface)) {
            boolean depExport = addExport && exportIfaces.containsKey(ikey(dep));
            if (!addExport(imports, exports, exportIfaces, required, dep, keyOf(dep), depExport, stab)) {
                return false;
            }
        }
        if (addExport) {
            if (required.contains(ikey(iface))) {
                return false;
            }
            exports.put(key, new WorldItem.InterfaceItem(iface, stab));
        } else {
            required.add(ikey(iface));
            elaborateImport(imports, key, iface, stab);
        }
        return true;
    }

    private void elaborateImport(
            LinkedHashMap<WorldKey, WorldItem> imports, WorldKey key, Interface iface, Stability stab) {
        if (imports.containsKey(key)) {
            return;
        }
        for (Interface dep : directDeps(iface)) {
            elaborateImport(imports, keyOf(dep), dep, stab);
        }
        imports.put(key, new WorldItem.InterfaceItem(iface, stab));
    }

    private static int sortKey(WorldItem item) {
        if (item instanceof WorldItem.InterfaceItem) {
            return 0;
        } else if (item instanceof WorldItem.TypeItem t) {
            return t.type().kind() instanceof ValueType.Named n
                            && !n.def().owner().equals(t.type().owner())
                    ? 1
                    : 2;
        }
        return ((WorldItem.FunctionItem) item).function().resource().isPresent() ? 4 : 3;
    }

    /** Identity of an interface: its name when named, the object itself when inline. */
    private static Object ikey(Interface i) {
        return i.name().isPresent()
                ? (Object) new TypeOwner.InInterface(i.pkg(), i.name().get())
                : new Ident(i);
    }

    private static final class Ident {
        final Object o;

        Ident(Object o) {
            this.o = o;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ident i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    private static WorldKey keyOf(Interface i) {
        return new WorldKey.InterfaceName(i.pkg(), i.name().orElseThrow());
    }

    private Interface typeInterfaceDep(TypeDef t) {
        if (t.kind() instanceof ValueType.Named n
                && n.def().owner() instanceof TypeOwner.InInterface ii
                && !ii.equals(t.owner())) {
            return interfaces.get(ii);
        }
        return null;
    }

    /** Interfaces this one {@code use}s, in order of first use. */
    private List<Interface> directDeps(Interface i) {
        Set<Interface> seen = new LinkedHashSet<>();
        Set<TypeOwner> owners = new HashSet<>();
        for (TypeDef t : i.types().values()) {
            Interface dep = typeInterfaceDep(t);
            if (dep != null
                    && owners.add(
                            new TypeOwner.InInterface(dep.pkg(), dep.name().orElseThrow()))) {
                seen.add(dep);
            }
        }
        return new ArrayList<>(seen);
    }
}
