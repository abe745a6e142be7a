package dev.wit4j.runtime.wit;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.model.World;
import java.util.LinkedHashMap;
import java.util.Map;

/** A package being filled in: the interfaces and worlds found so far, in order of discovery. */
final class PackageDraft {
    final PackageName name;
    final Map<String, InterfaceDraft> interfaces = new LinkedHashMap<>();
    final Map<String, WorldDraft> worlds = new LinkedHashMap<>();

    PackageDraft(PackageName name) {
        this.name = name;
    }

    /** Adds the interfaces and worlds of {@code other} that this package does not have yet. */
    void merge(PackageDraft other) {
        other.interfaces.forEach(interfaces::putIfAbsent);
        other.worlds.forEach(worlds::putIfAbsent);
    }

    WitPackage build() {
        Map<String, Interface> ifaces = new LinkedHashMap<>();
        interfaces.forEach((n, i) -> ifaces.put(n, i.build()));
        Map<String, World> ws = new LinkedHashMap<>();
        worlds.forEach((n, w) -> ws.put(n, w.build()));
        return new WitPackage(name, ifaces, ws, Docs.NONE, SourcePos.NONE);
    }
}
