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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints a {@link Resolve} as WIT in the layout of {@code wasm-tools component wit}: the root
 * package's {@code package} line first, then its interfaces and worlds, then every other package
 * as a {@code package ns:name@ver { ... }} block with full definitions, so the output is one
 * self-contained file that resolves to the same model. Four-space indentation; multi-line
 * definitions end items with a comma. Names that are keywords are written with {@code %}.
 */
public final class WitPrinter {
    private static final Set<String> KEYWORDS = Set.of("as", "async", "bool", "borrow", "char", "constructor",
            "enum", "export", "f32", "f64", "flags", "from", "func", "future", "import", "include", "interface", "list",
            "map", "option", "own", "package", "record", "resource", "result", "s16", "s32", "s64", "s8", "static",
            "stream", "string", "tuple", "type", "u16", "u32", "u64", "u8", "use", "variant", "with", "world",
            "error-context");

    private final StringBuilder out = new StringBuilder();
    private PackageName current;

    private WitPrinter() {
    }

    /** Prints the whole resolve (root package first, then the others). */
    public static String print(Resolve resolve) {
        WitPrinter p = new WitPrinter();
        WitPackage root = resolve.rootPackage();
        p.header(root);
        p.body(root, "");
        for (WitPackage pkg : resolve.packages()) {
            if (!pkg.name().equals(root.name())) {
                p.out.append('\n');
                p.docs(pkg.docs(), "");
                p.out.append("package ").append(pkgName(pkg.name())).append(" {\n");
                p.body(pkg, "    ");
                p.out.append("}\n");
            }
        }
        return p.out.toString();
    }

    /** Prints a single package (its references to other packages use fully-qualified names). */
    public static String print(WitPackage pkg) {
        WitPrinter p = new WitPrinter();
        p.header(pkg);
        p.body(pkg, "");
        return p.out.toString();
    }

    private void header(WitPackage pkg) {
        docs(pkg.docs(), "");
        out.append("package ").append(pkgName(pkg.name())).append(";\n");
    }

    private void body(WitPackage pkg, String ind) {
        current = pkg.name();
        // Items are separated by blank lines; inside a `package x { }` block none before the first.
        boolean first = !ind.isEmpty();
        for (Interface i : pkg.interfaces().values()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            docs(i.docs(), ind);
            gate(i.stability(), ind);
            out.append(ind).append("interface ").append(id(i.name().orElseThrow())).append(" {\n");
            ifaceBody(i, ind + "    ");
            out.append(ind).append("}\n");
        }
        for (World w : pkg.worlds().values()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            docs(w.docs(), ind);
            gate(w.stability(), ind);
            out.append(ind).append("world ").append(id(w.name())).append(" {\n");
            world(w, ind + "    ");
            out.append(ind).append("}\n");
        }
    }

    private void ifaceBody(Interface i, String ind) {
        types(new ArrayList<>(i.types().values()), i.functions(), ind);
        boolean first = true;
        for (Function f : i.functions().values()) {
            if (f.resource().isEmpty()) {
                if (first && !i.types().isEmpty()) {
                    out.append('\n');
                }
                first = false;
                docs(f.docs(), ind);
                gate(f.stability(), ind);
                out.append(ind).append(id(f.name())).append(": ").append(funcType(f, false)).append(";\n");
            }
        }
    }

    /** Uses (grouped per interface), then definitions; resources with their functions. */
    private void types(List<TypeDef> types, Map<String, Function> functions, String ind) {
        int i = 0;
        while (i < types.size()) {
            TypeDef t = types.get(i);
            TypeDef target = useTarget(t);
            if (target != null) {
                List<String> names = new ArrayList<>();
                Stability s = t.stability();
                int j = i;
                while (j < types.size()) {
                    TypeDef u = types.get(j);
                    TypeDef ut = useTarget(u);
                    if (ut == null || !ut.owner().equals(target.owner()) || !u.stability().equals(s)) {
                        break;
                    }
                    names.add(ut.name().equals(u.name()) ? id(u.name()) : id(ut.name()) + " as " + id(u.name()));
                    j++;
                }
                gate(s, ind);
                out.append(ind).append("use ").append(ifacePath(target.owner())).append(".{")
                        .append(String.join(", ", names)).append("};\n");
                i = j;
                continue;
            }
            i++;
            // Multi-line definitions are set off by blank lines, as wasm-tools prints them.
            int start = out.length();
            docs(t.docs(), ind);
            gate(t.stability(), ind);
            typeDef(t, functions, ind);
            boolean multi = out.indexOf("{\n", start) >= 0;
            if ((multi || lastMulti) && start > 0 && !atBlockStart(start)) {
                out.insert(start, '\n');
            }
            lastMulti = multi;
        }
        lastMulti = false;
    }

    private boolean lastMulti;

    /** Whether {@code pos} directly follows an opening {@code {} line. */
    private boolean atBlockStart(int pos) {
        return pos >= 2 && out.charAt(pos - 1) == '\n' && out.charAt(pos - 2) == '{';
    }

    private static TypeDef useTarget(TypeDef t) {
        if (t.kind() instanceof ValueType.Named n && n.def().owner() instanceof TypeOwner.InInterface
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
        return id(n.namespace()) + ":" + id(n.name()) + n.version().map(v -> "@" + v).orElse("");
    }

    private void typeDef(TypeDef t, Map<String, Function> functions, String ind) {
        String name = id(t.name());
        TypeDefKind k = t.kind();
        if (k instanceof TypeDefKind.Resource) {
            List<Function> members = functions.values().stream()
                    .filter(f -> f.resource().map(r -> r.equals(t)).orElse(false)).toList();
            if (members.isEmpty()) {
                out.append(ind).append("resource ").append(name).append(";\n");
                return;
            }
            out.append(ind).append("resource ").append(name).append(" {\n");
            String in2 = ind + "    ";
            for (Function f : members) {
                docs(f.docs(), in2);
                gate(f.stability(), in2);
                if (f.kind() instanceof Function.Kind.Constructor) {
                    out.append(in2).append("constructor(").append(params(f, 0)).append(')');
                    if (f.result().isPresent() && f.result().get() instanceof ValueType.ResultType r) {
                        out.append(" -> ").append(type(r));
                    }
                    out.append(";\n");
                } else if (f.kind() instanceof Function.Kind.Static) {
                    out.append(in2).append(id(f.itemName())).append(": static ").append(funcType(f, false)).append(";\n");
                } else {
                    out.append(in2).append(id(f.itemName())).append(": ").append(funcType(f, true)).append(";\n");
                }
            }
            out.append(ind).append("}\n");
        } else if (k instanceof ValueType.RecordType r) {
            if (r.fields().isEmpty()) {
                out.append(ind).append("record ").append(name).append(" {}\n");
                return;
            }
            out.append(ind).append("record ").append(name).append(" {\n");
            for (ValueType.Field f : r.fields()) {
                docs(f.docs(), ind + "    ");
                out.append(ind).append("    ").append(id(f.name())).append(": ").append(type(f.type())).append(",\n");
            }
            out.append(ind).append("}\n");
        } else if (k instanceof ValueType.VariantType v) {
            out.append(ind).append("variant ").append(name).append(" {\n");
            for (ValueType.Case c : v.cases()) {
                docs(c.docs(), ind + "    ");
                out.append(ind).append("    ").append(id(c.name()))
                        .append(c.type().map(x -> "(" + type(x) + ")").orElse("")).append(",\n");
            }
            out.append(ind).append("}\n");
        } else if (k instanceof ValueType.EnumType e) {
            out.append(ind).append("enum ").append(name).append(" {\n");
            for (ValueType.EnumCase c : e.cases()) {
                docs(c.docs(), ind + "    ");
                out.append(ind).append("    ").append(id(c.name())).append(",\n");
            }
            out.append(ind).append("}\n");
        } else if (k instanceof ValueType.FlagsType f) {
            if (f.flags().isEmpty()) {
                out.append(ind).append("flags ").append(name).append(" {}\n");
                return;
            }
            out.append(ind).append("flags ").append(name).append(" {\n");
            for (ValueType.Flag c : f.flags()) {
                docs(c.docs(), ind + "    ");
                out.append(ind).append("    ").append(id(c.name())).append(",\n");
            }
            out.append(ind).append("}\n");
        } else {
            out.append(ind).append("type ").append(name).append(" = ").append(type((ValueType) k)).append(";\n");
        }
    }

    private void world(World w, String ind) {
        List<TypeDef> worldTypes = new ArrayList<>();
        for (WorldItem item : w.imports().values()) {
            if (item instanceof WorldItem.TypeItem t) {
                worldTypes.add(t.type());
            }
        }
        for (Map.Entry<String, Map<WorldKey, WorldItem>> dir : List.of(Map.entry("import", w.imports()),
                Map.entry("export", w.exports()))) {
            for (Map.Entry<WorldKey, WorldItem> e : dir.getValue().entrySet()) {
                WorldItem item = e.getValue();
                if (item instanceof WorldItem.InterfaceItem ii) {
                    Interface i = ii.iface();
                    if (e.getKey() instanceof WorldKey.InterfaceName) {
                        gate(ii.stability(), ind);
                        out.append(ind).append(dir.getKey()).append(' ').append(ifacePath(
                                new TypeOwner.InInterface(i.pkg(), i.name().orElseThrow()))).append(";\n");
                    } else if (i.name().isPresent()) {
                        gate(ii.stability(), ind);
                        out.append(ind).append(dir.getKey()).append(' ').append(id(e.getKey().toString())).append(": ")
                                .append(ifacePath(new TypeOwner.InInterface(i.pkg(), i.name().get()))).append(";\n");
                    } else {
                        docs(i.docs(), ind);
                        gate(ii.stability(), ind);
                        out.append(ind).append(dir.getKey()).append(' ').append(id(e.getKey().toString()))
                                .append(": interface {\n");
                        ifaceBody(i, ind + "    ");
                        out.append(ind).append("}\n");
                    }
                } else if (item instanceof WorldItem.FunctionItem f && f.function().resource().isEmpty()) {
                    docs(f.function().docs(), ind);
                    gate(f.function().stability(), ind);
                    out.append(ind).append(dir.getKey()).append(' ').append(id(f.function().name())).append(": ")
                            .append(funcType(f.function(), false)).append(";\n");
                }
            }
            if (dir.getKey().equals("import") && !worldTypes.isEmpty()) {
                Map<String, Function> funcs = new java.util.LinkedHashMap<>();
                for (WorldItem item : w.imports().values()) {
                    if (item instanceof WorldItem.FunctionItem f && f.function().resource().isPresent()) {
                        funcs.put(f.function().name(), f.function());
                    }
                }
                types(worldTypes, funcs, ind);
            }
        }
    }

    private String funcType(Function f, boolean method) {
        StringBuilder sb = new StringBuilder();
        if (f.async()) {
            sb.append("async ");
        }
        sb.append("func(").append(params(f, method ? 1 : 0)).append(')');
        f.result().ifPresent(r -> sb.append(" -> ").append(type(r)));
        return sb.toString();
    }

    private String params(Function f, int skip) {
        return f.params().stream().skip(skip).map(p -> id(p.name()) + ": " + type(p.type()))
                .collect(Collectors.joining(", "));
    }

    /** A value type as written in WIT; named definitions are referred to by their local name. */
    public static String type(ValueType t) {
        if (t instanceof ValueType.Primitive p) {
            return p.witName();
        } else if (t instanceof ValueType.Named n) {
            return id(n.def().name());
        } else if (t instanceof ValueType.HandleType h) {
            return h.borrow() ? "borrow<" + id(h.resource().name()) + ">" : id(h.resource().name());
        } else if (t instanceof ValueType.ListType l) {
            return "list<" + type(l.element()) + ">";
        } else if (t instanceof ValueType.FixedListType l) {
            return "list<" + type(l.element()) + ", " + l.length() + ">";
        } else if (t instanceof ValueType.OptionType o) {
            return "option<" + type(o.type()) + ">";
        } else if (t instanceof ValueType.ResultType r) {
            if (r.ok().isEmpty() && r.err().isEmpty()) {
                return "result";
            }
            if (r.err().isEmpty()) {
                return "result<" + type(r.ok().get()) + ">";
            }
            return "result<" + r.ok().map(WitPrinter::type).orElse("_") + ", " + type(r.err().get()) + ">";
        } else if (t instanceof ValueType.TupleType tt) {
            return "tuple<" + tt.types().stream().map(WitPrinter::type).collect(Collectors.joining(", ")) + ">";
        } else if (t instanceof ValueType.MapType m) {
            return "map<" + type(m.key()) + ", " + type(m.value()) + ">";
        } else if (t instanceof ValueType.StreamType s) {
            return s.element().map(e -> "stream<" + type(e) + ">").orElse("stream");
        } else if (t instanceof ValueType.FutureType f) {
            return f.element().map(e -> "future<" + type(e) + ">").orElse("future");
        }
        throw new IllegalArgumentException("record, variant, enum and flags types must be named: " + t);
    }

    private static String id(String name) {
        return KEYWORDS.contains(name) ? "%" + name : name;
    }

    private void docs(Docs d, String ind) {
        d.contents().ifPresent(text -> {
            for (String line : text.split("\n", -1)) {
                out.append(ind).append("///").append(line.isEmpty() ? "" : " " + line).append('\n');
            }
        });
    }

    private void gate(Stability s, String ind) {
        if (s instanceof Stability.Stable st) {
            out.append(ind).append("@since(version = ").append(st.since()).append(")\n");
            st.deprecated().ifPresent(v -> out.append(ind).append("@deprecated(version = ").append(v).append(")\n"));
        } else if (s instanceof Stability.Unstable u) {
            out.append(ind).append("@unstable(feature = ").append(u.feature()).append(")\n");
            u.deprecated().ifPresent(v -> out.append(ind).append("@deprecated(version = ").append(v).append(")\n"));
        }
    }
}
