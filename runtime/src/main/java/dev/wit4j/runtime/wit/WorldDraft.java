package dev.wit4j.runtime.wit;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** A world being filled in: imports and exports in binary order. */
final class WorldDraft {
    /** An import or export before interfaces are finished. */
    sealed interface Item {
        record Iface(InterfaceDraft iface) implements Item {}

        record Func(Function function) implements Item {}

        record Type(TypeDef type) implements Item {}
    }

    final String name;
    final PackageName pkg;
    final Map<WorldKey, Item> imports = new LinkedHashMap<>();
    final Map<WorldKey, Item> exports = new LinkedHashMap<>();
    private World built;

    WorldDraft(String name, PackageName pkg) {
        this.name = name;
        this.pkg = pkg;
    }

    /** The owner of types declared in this world. */
    TypeOwner owner() {
        return new TypeOwner.InWorld(pkg, name);
    }

    /** The finished world (the same object on every call). */
    World build() {
        if (built == null) {
            built = new World(name, pkg, items(imports), items(exports), Docs.NONE, Stability.UNKNOWN, SourcePos.NONE);
        }
        return built;
    }

    private static Map<WorldKey, WorldItem> items(Map<WorldKey, Item> drafts) {
        Map<WorldKey, WorldItem> out = new LinkedHashMap<>();
        drafts.forEach((key, item) -> out.put(key, item(item)));
        return out;
    }

    private static WorldItem item(Item item) {
        if (item instanceof Item.Iface i) {
            return new WorldItem.InterfaceItem(i.iface().build(), Stability.UNKNOWN);
        } else if (item instanceof Item.Func f) {
            return new WorldItem.FunctionItem(f.function());
        }
        return new WorldItem.TypeItem(((Item.Type) item).type());
    }
}
