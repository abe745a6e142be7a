package dev.wit4j.witx.resolve;

import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies the world-owned types and inline interfaces of an included world into the including world
 * (WIT.md "Union of Worlds with include"): each copy is owned by the including world, renamed as the
 * {@code include … with} clause says, and refers to the other copies rather than to the originals.
 */
final class IncludeCopier {
    final TypeOwner to;
    final Map<String, String> renames;
    final Map<TypeDef, TypeDef> map = new HashMap<>();
    /** Old definitions still to be copied, with their new owner and name. */
    final Map<TypeDef, Map.Entry<TypeOwner, String>> pending = new HashMap<>();

    IncludeCopier(World from, TypeOwner to, Map<String, String> renames) {
        this.to = to;
        this.renames = renames;
        for (Map.Entry<WorldKey, WorldItem> e : from.imports().entrySet()) {
            if (e.getValue() instanceof WorldItem.TypeItem t) {
                String newName = renames.getOrDefault(
                        ((WorldKey.Name) e.getKey()).name(), t.type().name());
                pending.put(t.type(), Map.entry(to, newName));
            }
        }
        for (Map<WorldKey, WorldItem> m : List.of(from.imports(), from.exports())) {
            for (Map.Entry<WorldKey, WorldItem> e : m.entrySet()) {
                if (e.getValue() instanceof WorldItem.InterfaceItem ii
                        && ii.iface().name().isEmpty()) {
                    String newName = renames.getOrDefault(
                            ((WorldKey.Name) e.getKey()).name(), ((WorldKey.Name) e.getKey()).name());
                    TypeOwner o = new TypeOwner.InWorldInterface(to.pkg(), ((TypeOwner.InWorld) to).world(), newName);
                    for (TypeDef t : ii.iface().types().values()) {
                        pending.put(t, Map.entry(o, t.name()));
                    }
                }
            }
        }
    }

    WorldItem item(String newName, WorldItem item) {
        if (item instanceof WorldItem.TypeItem t) {
            return new WorldItem.TypeItem(def(t.type()));
        } else if (item instanceof WorldItem.FunctionItem f) {
            return new WorldItem.FunctionItem(function(f.function(), newName));
        }
        WorldItem.InterfaceItem ii = (WorldItem.InterfaceItem) item;
        Interface i = ii.iface();
        if (i.name().isPresent()) {
            return item;
        }
        Map<String, TypeDef> types = new LinkedHashMap<>();
        for (TypeDef t : i.types().values()) {
            types.put(t.name(), def(t));
        }
        Map<String, Function> funcs = new LinkedHashMap<>();
        for (Function f : i.functions().values()) {
            funcs.put(f.name(), function(f, f.name()));
        }
        return new WorldItem.InterfaceItem(
                new Interface(Optional.empty(), i.pkg(), types, funcs, i.docs(), i.stability(), i.pos()),
                ii.stability());
    }

    Function function(Function f, String newName) {
        Function.Kind kind = f.kind();
        if (kind instanceof Function.Kind.Method m) {
            kind = new Function.Kind.Method(def(m.resource()));
        } else if (kind instanceof Function.Kind.Static s) {
            kind = new Function.Kind.Static(def(s.resource()));
        } else if (kind instanceof Function.Kind.Constructor c) {
            kind = new Function.Kind.Constructor(def(c.resource()));
        }
        List<Function.Param> params = new ArrayList<>();
        for (Function.Param p : f.params()) {
            params.add(new Function.Param(p.name(), remap(p.type())));
        }
        String name = newName;
        Optional<TypeDef> res = f.resource();
        if (res.isPresent()) {
            // `include w with { r as s }` renames the resource's functions as well.
            String r = def(res.get()).name();
            String prefix = f.name().substring(0, f.name().indexOf(']') + 1);
            name = f.kind() instanceof Function.Kind.Constructor ? prefix + r : prefix + r + "." + f.itemName();
        }
        return new Function(
                name, kind, f.async(), params, f.result().map(this::remap), f.docs(), f.stability(), f.pos());
    }

    /** The copy of {@code t}, made on first request so dependencies are copied first. */
    TypeDef def(TypeDef t) {
        TypeDef done = map.get(t);
        if (done != null) {
            return done;
        }
        Map.Entry<TypeOwner, String> p = pending.remove(t);
        if (p == null) {
            return t;
        }
        TypeDef copy = new TypeDef(p.getValue(), p.getKey(), remapKind(t.kind()), t.docs(), t.stability(), t.pos());
        map.put(t, copy);
        return copy;
    }

    TypeDefKind remapKind(TypeDefKind k) {
        return k instanceof ValueType v ? remap(v) : k;
    }

    ValueType remap(ValueType t) {
        return TypeMapper.map(t, this::def);
    }
}
