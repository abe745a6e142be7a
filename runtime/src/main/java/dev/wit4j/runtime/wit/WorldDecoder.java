package dev.wit4j.runtime.wit;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Extern;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.WorldKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the imports and exports of a component type into a world, as {@code wit-parser}'s decoder
 * does: an instance named {@code ns:pkg/iface@ver} becomes (a slice of) interface {@code iface} of
 * package {@code ns:pkg@ver}, holding the types and functions the instance type exports; an
 * instance with a plain name becomes an inline interface; functions and types become world items.
 */
final class WorldDecoder {
    private final TypeMapper types = new TypeMapper();
    /** Packages named by interface imports and exports, in order of first mention. */
    private final Map<PackageName, PackageDraft> foreign = new LinkedHashMap<>();

    /** Packages other than the one holding the decoded world, in order of first mention. */
    List<PackageDraft> foreignPackages() {
        return new ArrayList<>(foreign.values());
    }

    /** A component's own imports and exports (only instances, functions and types count). */
    void component(TypeView.Component type, WorldDraft world) {
        type.imports().forEach((name, item) -> {
            if (item instanceof Extern.InstanceItem
                    || item instanceof Extern.FuncItem
                    || item instanceof Extern.TypeItem) {
                importItem(name, type.importsImplement().get(name), item, world);
            }
        });
        type.exports().forEach((name, item) -> {
            if (item instanceof Extern.InstanceItem || item instanceof Extern.FuncItem) {
                exportItem(name, type.exportsImplement().get(name), item, world);
            } else {
                throw new WitDecodingException("component export `" + name + "` was not a function or instance");
            }
        });
    }

    /** A world encoded as a component type (the imports and exports of a WIT world). */
    void world(TypeView.Component type, WorldDraft world) {
        type.imports().forEach((name, item) -> {
            if (item instanceof Extern.InstanceItem
                    || item instanceof Extern.FuncItem
                    || item instanceof Extern.TypeItem) {
                importItem(name, type.importsImplement().get(name), item, world);
            } else {
                throw new WitDecodingException("component import `" + name + "` is not an instance, func, or type");
            }
        });
        type.exports().forEach((name, item) -> {
            if (item instanceof Extern.InstanceItem || item instanceof Extern.FuncItem) {
                exportItem(name, type.exportsImplement().get(name), item, world);
            } else {
                throw new WitDecodingException("component export `" + name + "` is not an instance or function");
            }
        });
    }

    /** {@code implemented}: the interface an instance's {@code implements} attribute names, or null. */
    private void importItem(String name, String implemented, Extern item, WorldDraft world) {
        if (item instanceof Extern.InstanceItem i) {
            instance(name, implemented, i.type(), world, world.imports);
        } else if (item instanceof Extern.FuncItem f) {
            world.imports.put(
                    new WorldKey.Name(name), new WorldDraft.Item.Func(function(name, f.type(), world.owner())));
        } else {
            TypeDef def = types.typeExport(name, (Extern.TypeItem) item, world.owner());
            world.imports.put(new WorldKey.Name(name), new WorldDraft.Item.Type(def));
        }
    }

    private void exportItem(String name, String implemented, Extern item, WorldDraft world) {
        if (item instanceof Extern.InstanceItem i) {
            instance(name, implemented, i.type(), world, world.exports);
        } else {
            Extern.FuncItem f = (Extern.FuncItem) item;
            world.exports.put(
                    new WorldKey.Name(name), new WorldDraft.Item.Func(function(name, f.type(), world.owner())));
        }
    }

    private void instance(
            String name,
            String implemented,
            TypeView.Instance type,
            WorldDraft world,
            Map<WorldKey, WorldDraft.Item> into) {
        Optional<InterfaceName> id = InterfaceName.parse(name);
        if (id.isPresent()) {
            InterfaceDraft iface = namedInterface(id.get(), type);
            into.put(new WorldKey.InterfaceName(id.get().pkg(), id.get().iface()), new WorldDraft.Item.Iface(iface));
            return;
        }
        Optional<InterfaceName> implementedId =
                implemented == null ? Optional.empty() : InterfaceName.parse(implemented);
        if (implementedId.isPresent()) {
            // `import primary: ns:pkg/iface`: a plain name for an instance of a named interface.
            into.put(new WorldKey.Name(name), new WorldDraft.Item.Iface(namedInterface(implementedId.get(), type)));
            return;
        }
        InterfaceDraft iface = new InterfaceDraft(
                Optional.empty(), world.pkg, new TypeOwner.InWorldInterface(world.pkg, world.name, name));
        fill(iface, type, false);
        into.put(new WorldKey.Name(name), new WorldDraft.Item.Iface(iface));
    }

    /** The interface {@code ns:pkg/iface@ver}, extended by what this instance type exports. */
    private InterfaceDraft namedInterface(InterfaceName id, TypeView.Instance type) {
        PackageDraft pkg = foreign.computeIfAbsent(id.pkg(), PackageDraft::new);
        InterfaceDraft iface = pkg.interfaces.computeIfAbsent(
                id.iface(), n -> new InterfaceDraft(Optional.of(n), id.pkg(), new TypeOwner.InInterface(id.pkg(), n)));
        fill(iface, type, true);
        return iface;
    }

    private void fill(InterfaceDraft iface, TypeView.Instance type, boolean extend) {
        type.exports().forEach((name, item) -> {
            if (item instanceof Extern.TypeItem t) {
                TypeDef existing = extend ? iface.types.get(name) : null;
                if (existing != null) {
                    types.alsoNamed(t.created(), existing);
                } else {
                    iface.types.put(name, types.typeExport(name, t, iface.owner));
                }
            } else if (item instanceof Extern.FuncItem f) {
                if (!iface.functions.containsKey(name)) {
                    iface.functions.put(name, function(name, f.type(), iface.owner));
                }
            } else {
                throw new WitDecodingException("instance type export `" + name + "` is not a type or function");
            }
        });
    }

    private Function function(String name, TypeView.Func type, TypeOwner owner) {
        List<Function.Param> params = type.params().stream()
                .map(p -> new Function.Param(p.name(), types.value(p.type())))
                .toList();
        Optional<ValueType> result = type.result().map(types::value);
        return new Function(
                name, kind(name, owner), type.async(), params, result, Docs.NONE, Stability.UNKNOWN, SourcePos.NONE);
    }

    private Function.Kind kind(String name, TypeOwner owner) {
        if (name.startsWith("[constructor]")) {
            return new Function.Kind.Constructor(types.resource(owner, name.substring("[constructor]".length()), name));
        }
        for (String prefix : List.of("[method]", "[static]")) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                int dot = rest.indexOf('.');
                TypeDef resource = types.resource(owner, dot < 0 ? rest : rest.substring(0, dot), name);
                return prefix.equals("[method]")
                        ? new Function.Kind.Method(resource)
                        : new Function.Kind.Static(resource);
            }
        }
        return Function.Kind.FREESTANDING;
    }
}
