package dev.wit4j.witx.print;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.WitPackage;
import dev.wit4j.witx.model.World;
import dev.wit4j.witx.model.WorldItem;
import dev.wit4j.witx.model.WorldKey;
import dev.wit4j.witx.parse.Keywords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints a {@link Resolve} as WIT in exactly the layout of {@code wasm-tools component wit}:
 *
 * <ul>
 *   <li>the root package's {@code package ns:name@ver;} line and a blank line, then its interfaces
 *       (each followed by a blank line) and its worlds;
 *   <li>then every other package, in resolve order, as a {@code package ns:name@ver { ... }} block
 *       holding the full definitions, with no blank lines between its items and two blank lines
 *       between blocks;
 *   <li>two-space indentation; inside an interface {@code use} statements come first, then type
 *       definitions and functions, each set off by a blank line; inside a world the imports (no
 *       blank lines between them), world types, function imports, then the exports;
 *   <li>resource members inside {@code resource r { ... }}; record, variant, enum and flags cases
 *       one per line ending with a comma; names that are keywords are written with {@code %}.
 * </ul>
 *
 * The output is one self-contained file that resolves to the same model.
 */
public final class WitPrinter {
    /**
     * Names written with {@code %} besides WIT's keywords: the old names of {@code f32} and
     * {@code f64}, which wasm-tools' printer escapes too.
     */
    private static final Set<String> ALSO_ESCAPED = Set.of("float32", "float64");

    private final Output out = new Output();
    /** Whether the current block already holds an item (the next one is set off by a blank line). */
    private boolean anyItems;

    private PackageName current;

    private WitPrinter() {}

    /** Prints the whole resolve: the root package first, then the others as nested blocks. */
    public static String print(Resolve resolve) {
        WitPrinter p = new WitPrinter();
        WitPackage root = resolve.rootPackage();
        p.pkg(root, true);
        boolean first = true;
        for (WitPackage pkg : resolve.packages()) {
            if (!pkg.name().equals(root.name())) {
                if (!first) {
                    p.out.newline().newline();
                }
                first = false;
                p.pkg(pkg, false);
            }
        }
        return p.out.toString();
    }

    /** Prints a single package (its references to other packages use fully-qualified names). */
    public static String print(WitPackage pkg) {
        WitPrinter p = new WitPrinter();
        p.pkg(pkg, true);
        return p.out.toString();
    }

    private void pkg(WitPackage pkg, boolean main) {
        current = pkg.name();
        docs(pkg.docs());
        out.str("package ").str(pkgName(pkg.name()));
        if (main) {
            out.semicolon();
            out.newline();
        } else {
            out.blockStart();
        }
        for (Interface i : pkg.interfaces().values()) {
            docs(i.docs());
            gate(i.stability());
            out.str("interface ").str(id(i.name().orElseThrow()));
            out.blockStart();
            ifaceBody(i);
            out.blockEnd();
            if (main) {
                out.newline();
            }
        }
        for (World w : pkg.worlds().values()) {
            docs(w.docs());
            gate(w.stability());
            out.str("world ").str(id(w.name()));
            out.blockStart();
            world(w);
            out.blockEnd();
        }
        if (!main) {
            out.blockEnd();
        }
    }

    private void newItem() {
        if (anyItems) {
            out.newline();
        }
        anyItems = true;
    }

    private void ifaceBody(Interface i) {
        boolean outer = anyItems;
        anyItems = false;
        types(i.types().values(), i.functions().values());
        for (Function f : i.functions().values()) {
            if (f.resource().isEmpty()) {
                newItem();
                docs(f.docs());
                gate(f.stability());
                out.str(id(f.name())).str(": ").str(funcType(f));
                out.semicolon();
            }
        }
        anyItems = outer;
    }

    /** All {@code use} statements (grouped per interface), then the definitions. */
    private void types(Collection<TypeDef> types, Collection<Function> functions) {
        record Use(TypeDef target, Stability stability, List<String> names) {}
        List<Use> uses = new ArrayList<>();
        List<TypeDef> declared = new ArrayList<>();
        for (TypeDef t : types) {
            TypeDef target = useTarget(t);
            if (target == null) {
                declared.add(t);
                continue;
            }
            String name = target.name().equals(t.name()) ? id(t.name()) : id(target.name()) + " as " + id(t.name());
            Use last = uses.isEmpty() ? null : uses.get(uses.size() - 1);
            if (last != null
                    && last.target().owner().equals(target.owner())
                    && last.stability().equals(t.stability())) {
                last.names().add(name);
            } else {
                uses.add(new Use(target, t.stability(), new ArrayList<>(List.of(name))));
            }
        }
        for (Use u : uses) {
            anyItems = true;
            gate(u.stability());
            out.str("use ")
                    .str(ifacePath(u.target().owner()))
                    .str(".{")
                    .str(String.join(", ", u.names()))
                    .str("}");
            out.semicolon();
        }
        for (TypeDef t : declared) {
            newItem();
            docs(t.docs());
            gate(t.stability());
            typeDef(t, functions);
        }
    }

    private static TypeDef useTarget(TypeDef t) {
        if (t.kind() instanceof ValueType.Named n
                && n.def().owner() instanceof TypeOwner.InInterface
                && !n.def().owner().equals(t.owner())) {
            return n.def();
        }
        return null;
    }

    private String ifacePath(TypeOwner owner) {
        TypeOwner.InInterface ii = (TypeOwner.InInterface) owner;
        if (ii.pkg().equals(current)) {
            return id(ii.iface());
        }
        return id(ii.pkg().namespace()) + ":" + id(ii.pkg().name()) + "/" + id(ii.iface())
                + ii.pkg().version().map(v -> "@" + v).orElse("");
    }

    private static String pkgName(PackageName n) {
        return id(n.namespace()) + ":" + id(n.name())
                + n.version().map(v -> "@" + v).orElse("");
    }

    private void typeDef(TypeDef t, Collection<Function> functions) {
        String name = id(t.name());
        TypeDefKind k = t.kind();
        if (k instanceof TypeDefKind.Resource) {
            resource(t, functions);
        } else if (k instanceof ValueType.RecordType r) {
            out.str("record ").str(name);
            out.blockStart();
            for (ValueType.Field f : r.fields()) {
                docs(f.docs());
                out.str(id(f.name())).str(": ").str(type(f.type())).str(",").newline();
            }
            out.blockEnd();
        } else if (k instanceof ValueType.VariantType v) {
            out.str("variant ").str(name);
            out.blockStart();
            for (ValueType.Case c : v.cases()) {
                docs(c.docs());
                out.str(id(c.name()))
                        .str(c.type().map(x -> "(" + type(x) + ")").orElse(""))
                        .str(",")
                        .newline();
            }
            out.blockEnd();
        } else if (k instanceof ValueType.EnumType e) {
            out.str("enum ").str(name);
            out.blockStart();
            for (ValueType.EnumCase c : e.cases()) {
                docs(c.docs());
                out.str(id(c.name())).str(",").newline();
            }
            out.blockEnd();
        } else if (k instanceof ValueType.FlagsType f) {
            out.str("flags ").str(name);
            out.blockStart();
            for (ValueType.Flag c : f.flags()) {
                docs(c.docs());
                out.str(id(c.name())).str(",").newline();
            }
            out.blockEnd();
        } else if (k instanceof ValueType.HandleType h) {
            // `type a = own<r>` is a different definition from `type a = r`; keep the `own`.
            String res = id(h.resource().name());
            out.str("type ").str(name).str(" = ").str(h.borrow() ? "borrow<" + res + ">" : "own<" + res + ">");
            out.semicolon();
        } else {
            out.str("type ").str(name).str(" = ").str(type((ValueType) k));
            out.semicolon();
        }
    }

    private void resource(TypeDef t, Collection<Function> functions) {
        List<Function> members = functions.stream()
                .filter(f -> f.resource().map(r -> r.equals(t)).orElse(false))
                .toList();
        out.str("resource ").str(id(t.name()));
        if (members.isEmpty()) {
            out.semicolon();
            return;
        }
        out.blockStart();
        for (Function f : members) {
            docs(f.docs());
            gate(f.stability());
            if (f.kind() instanceof Function.Kind.Constructor) {
                out.str("constructor(").str(params(f, 0)).str(")");
                if (f.result().isPresent() && !isConstructorShorthand(f, t)) {
                    out.str(" -> ").str(type(f.result().get()));
                }
            } else if (f.kind() instanceof Function.Kind.Static) {
                out.str(id(f.itemName())).str(": static ").str(funcType(f));
            } else {
                out.str(id(f.itemName())).str(": ").str(funcType(f));
            }
            out.semicolon();
        }
        out.blockEnd();
    }

    private static boolean isConstructorShorthand(Function f, TypeDef resource) {
        ValueType r = f.result().orElseThrow();
        return r instanceof ValueType.HandleType h
                        && !h.borrow()
                        && h.resource().equals(resource)
                || r instanceof ValueType.Named n && n.def().equals(resource);
    }

    /**
     * Imports first (interfaces in order, no blank lines between them), then the world's types with
     * their resource functions, then the function imports, then (after a blank line) the exports.
     */
    private void world(World w) {
        boolean outer = anyItems;
        anyItems = false;
        List<TypeDef> worldTypes = new ArrayList<>();
        List<Function> resourceFunctions = new ArrayList<>();
        List<Map.Entry<WorldKey, WorldItem>> functionImports = new ArrayList<>();
        for (Map.Entry<WorldKey, WorldItem> e : w.imports().entrySet()) {
            WorldItem item = e.getValue();
            if (item instanceof WorldItem.TypeItem t) {
                worldTypes.add(t.type());
            } else if (item instanceof WorldItem.FunctionItem f) {
                if (f.function().resource().isPresent()) {
                    resourceFunctions.add(f.function());
                } else {
                    functionImports.add(e);
                }
            } else {
                worldItem("import", e.getKey(), item);
                anyItems = true;
            }
        }
        types(worldTypes, resourceFunctions);
        for (Map.Entry<WorldKey, WorldItem> e : functionImports) {
            worldItem("import", e.getKey(), e.getValue());
            anyItems = true;
        }
        if (!w.exports().isEmpty()) {
            newItem();
        }
        for (Map.Entry<WorldKey, WorldItem> e : w.exports().entrySet()) {
            worldItem("export", e.getKey(), e.getValue());
        }
        anyItems = outer;
    }

    private void worldItem(String keyword, WorldKey key, WorldItem item) {
        if (item instanceof WorldItem.InterfaceItem ii) {
            Interface i = ii.iface();
            if (key instanceof WorldKey.Name) {
                docs(i.docs());
            }
            gate(ii.stability());
            out.str(keyword).str(" ");
            if (key instanceof WorldKey.InterfaceName) {
                out.str(ifacePath(new TypeOwner.InInterface(i.pkg(), i.name().orElseThrow())));
                out.semicolon();
            } else if (i.name().isPresent()) {
                out.str(id(key.toString()))
                        .str(": ")
                        .str(ifacePath(
                                new TypeOwner.InInterface(i.pkg(), i.name().get())));
                out.semicolon();
            } else {
                out.str(id(key.toString())).str(": interface");
                out.blockStart();
                ifaceBody(i);
                out.blockEnd();
            }
        } else if (item instanceof WorldItem.FunctionItem f) {
            docs(f.function().docs());
            gate(f.function().stability());
            out.str(keyword).str(" ").str(id(f.function().name())).str(": ").str(funcType(f.function()));
            out.semicolon();
        }
    }

    private String funcType(Function f) {
        StringBuilder sb = new StringBuilder();
        if (f.async()) {
            sb.append("async ");
        }
        sb.append("func(")
                .append(params(f, f.kind() instanceof Function.Kind.Method ? 1 : 0))
                .append(')');
        f.result().ifPresent(r -> sb.append(" -> ").append(type(r)));
        return sb.toString();
    }

    private static String params(Function f, int skip) {
        return f.params().stream()
                .skip(skip)
                .map(p -> id(p.name()) + ": " + type(p.type()))
                .collect(Collectors.joining(", "));
    }

    /** A value type as written in WIT; named definitions are referred to by their local name. */
    public static String type(ValueType t) {
        return type(t, def -> id(def.name()));
    }

    /**
     * What a caller of {@link #type(ValueType, Spelling)} decides: how a named definition and a
     * handle are referred to (a tool comparing types across interfaces may qualify them, a message
     * may add the kind of definition), what stands for a type WIT only allows named, and how deep
     * nesting is written before it is elided as {@code …}.
     */
    @FunctionalInterface
    public interface Spelling {
        /** A named definition (or a handle's resource) as it is referred to. */
        String named(TypeDef def);

        /** A handle: {@code r} for {@code own<r>} and {@code borrow<r>}, as WIT writes them. */
        default String handle(TypeDef resource, boolean borrow) {
            return borrow ? "borrow<" + named(resource) + ">" : named(resource);
        }

        /**
         * A record, variant, enum or flags type without a name, which WIT cannot write; {@code nested}
         * spells the types in it.
         */
        default String anonymous(ValueType t, java.util.function.Function<ValueType, String> nested) {
            throw new IllegalArgumentException("record, variant, enum and flags types must be named: " + t);
        }

        /** How many levels of nested types are written out before {@code …}. */
        default int depth() {
            return Integer.MAX_VALUE;
        }
    }

    /** A value type as written in WIT, with what WIT leaves to the writer decided by {@code s}. */
    public static String type(ValueType t, Spelling s) {
        return type(t, s, 0);
    }

    private static String type(ValueType t, Spelling s, int depth) {
        if (t instanceof ValueType.Primitive p) {
            return p.witName();
        } else if (t instanceof ValueType.Named n) {
            return s.named(n.def()); // a name is as short as what elides it
        } else if (depth > s.depth()) {
            return "…";
        }
        int d = depth + 1;
        if (t instanceof ValueType.HandleType h) {
            return s.handle(h.resource(), h.borrow());
        } else if (t instanceof ValueType.ListType l) {
            return "list<" + type(l.element(), s, d) + ">";
        } else if (t instanceof ValueType.FixedListType l) {
            return "list<" + type(l.element(), s, d) + ", " + l.length() + ">";
        } else if (t instanceof ValueType.OptionType o) {
            return "option<" + type(o.type(), s, d) + ">";
        } else if (t instanceof ValueType.ResultType r) {
            if (r.ok().isEmpty() && r.err().isEmpty()) {
                return "result";
            }
            if (r.err().isEmpty()) {
                return "result<" + type(r.ok().get(), s, d) + ">";
            }
            return "result<" + r.ok().map(x -> type(x, s, d)).orElse("_") + ", "
                    + type(r.err().get(), s, d) + ">";
        } else if (t instanceof ValueType.TupleType tt) {
            return "tuple<" + tt.types().stream().map(x -> type(x, s, d)).collect(Collectors.joining(", ")) + ">";
        } else if (t instanceof ValueType.MapType m) {
            return "map<" + type(m.key(), s, d) + ", " + type(m.value(), s, d) + ">";
        } else if (t instanceof ValueType.StreamType st) {
            return st.element().map(e -> "stream<" + type(e, s, d) + ">").orElse("stream");
        } else if (t instanceof ValueType.FutureType f) {
            return f.element().map(e -> "future<" + type(e, s, d) + ">").orElse("future");
        }
        return s.anonymous(t, x -> type(x, s, d));
    }

    private static String id(String name) {
        return Keywords.isKeyword(name) || ALSO_ESCAPED.contains(name) ? "%" + name : name;
    }

    /** One {@code ///} line per line of text (a final line break adds no empty line). */
    private void docs(Docs d) {
        d.contents().ifPresent(text -> {
            String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            for (String line : body.split("\n", -1)) {
                line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                out.str(line.isEmpty() ? "///" : "/// " + line).newline();
            }
        });
    }

    private void gate(Stability s) {
        if (s instanceof Stability.Stable st) {
            out.str("@since(version = " + st.since() + ")").newline();
            st.deprecated()
                    .ifPresent(v -> out.str("@deprecated(version = " + v + ")").newline());
        } else if (s instanceof Stability.Unstable u) {
            out.str("@unstable(feature = " + u.feature() + ")").newline();
            u.deprecated()
                    .ifPresent(v -> out.str("@deprecated(version = " + v + ")").newline());
        }
    }
}
