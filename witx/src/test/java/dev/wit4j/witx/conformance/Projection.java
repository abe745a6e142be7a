package dev.wit4j.witx.conformance;

import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Function;
import dev.wit4j.witx.model.Interface;
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
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The documented projection on which a wasm-tools {@code Resolve} JSON and a witx {@link Resolve}
 * are compared. It is a sorted set of lines, one per:
 * <ul>
 * <li>package (name, docs);</li>
 * <li>named interface (qualified name, gate, docs);</li>
 * <li>named type of an interface: its kind spelled out structurally, with references to other
 *     named types written as {@code #owner.name} (so the resolution of {@code use} is compared),
 *     gate and docs (including field/case docs);</li>
 * <li>function: kind (freestanding/method/static/constructor, async), parameters, result, gate,
 *     docs;</li>
 * <li>world (gate, docs) and each import/export after elaboration: key and item (interface by
 *     name, or inline interface with all its types and functions; function; type).</li>
 * </ul>
 * Arena ids, the order of packages and the order of map entries are not compared (wasm-tools'
 * numbering is an implementation detail); the order of parameters, fields and cases is.
 */
final class Projection {
    private Projection() {}

    // ---------------------------------------------------------------- from wasm-tools JSON

    @SuppressWarnings("unchecked")
    static TreeSet<String> fromJson(Map<String, Object> root) {
        List<Object> types = (List<Object>) root.get("types");
        List<Object> ifaces = (List<Object>) root.get("interfaces");
        List<Object> worlds = (List<Object>) root.get("worlds");
        List<Object> pkgs = (List<Object>) root.get("packages");
        JsonCtx c = new JsonCtx(types, ifaces, worlds, pkgs);
        TreeSet<String> out = new TreeSet<>();
        for (Object po : pkgs) {
            Map<String, Object> p = (Map<String, Object>) po;
            String pn = (String) p.get("name");
            out.add("package " + pn + c.docs(p));
            for (Object id : ((Map<String, Object>) p.get("interfaces")).values()) {
                Map<String, Object> i = (Map<String, Object>) ifaces.get(((Long) id).intValue());
                String q = pn + "/" + i.get("name");
                out.add("interface " + q + c.stab(i) + c.docs(i));
                c.ifaceBody(q, i, out);
            }
            for (Object id : ((Map<String, Object>) p.get("worlds")).values()) {
                Map<String, Object> w = (Map<String, Object>) worlds.get(((Long) id).intValue());
                String q = pn + "/" + w.get("name");
                out.add("world " + q + c.stab(w) + c.docs(w));
                for (String dir : List.of("imports", "exports")) {
                    for (Map.Entry<String, Object> e : ((Map<String, Object>) w.get(dir)).entrySet()) {
                        out.add("world " + q + " " + dir + " " + c.worldKey(e.getKey()) + " = "
                                + c.worldItem((Map<String, Object>) e.getValue()));
                    }
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private record JsonCtx(List<Object> types, List<Object> ifaces, List<Object> worlds, List<Object> pkgs) {
        Map<String, Object> at(List<Object> l, Object id) {
            return (Map<String, Object>) l.get(((Long) id).intValue());
        }

        String pkgName(Object id) {
            return (String) at(pkgs, id).get("name");
        }

        String ifaceName(Object id) {
            Map<String, Object> i = at(ifaces, id);
            return i.get("name") == null ? "<anon>" : pkgName(i.get("package")) + "/" + i.get("name");
        }

        String docs(Map<String, Object> m) {
            Map<String, Object> d = (Map<String, Object>) m.get("docs");
            if (d == null || d.get("contents") == null) {
                return "";
            }
            return " docs=" + ((String) d.get("contents")).replace("\n", "\\n");
        }

        String stab(Map<String, Object> m) {
            Map<String, Object> s = (Map<String, Object>) m.get("stability");
            if (s == null) {
                return "";
            }
            if (s.containsKey("stable")) {
                Map<String, Object> st = (Map<String, Object>) s.get("stable");
                return " @since(" + st.get("since") + ")"
                        + (st.get("deprecated") == null ? "" : " @deprecated(" + st.get("deprecated") + ")");
            }
            if (s.containsKey("unstable")) {
                Map<String, Object> st = (Map<String, Object>) s.get("unstable");
                return " @unstable(" + st.get("feature") + ")"
                        + (st.get("deprecated") == null ? "" : " @deprecated(" + st.get("deprecated") + ")");
            }
            return "";
        }

        String owner(Map<String, Object> t) {
            Map<String, Object> o = (Map<String, Object>) t.get("owner");
            if (o == null) {
                return "?";
            }
            if (o.containsKey("interface")) {
                return ifaceName(o.get("interface"));
            }
            Map<String, Object> w = at(worlds, o.get("world"));
            return "world " + pkgName(w.get("package")) + "/" + w.get("name");
        }

        String ref(Object x) {
            if (x == null) {
                return "_";
            }
            if (x instanceof String s) {
                return s;
            }
            Map<String, Object> t = at(types, x);
            if (t.get("name") != null) {
                return "#" + owner(t) + "." + t.get("name");
            }
            return kind(t.get("kind"));
        }

        String kind(Object k) {
            if ("resource".equals(k)) {
                return "resource";
            }
            Map<String, Object> m = (Map<String, Object>) k;
            String tag = m.keySet().iterator().next();
            Object v = m.get(tag);
            switch (tag) {
                case "type":
                    return ref(v);
                case "list":
                    return "list<" + ref(v) + ">";
                case "fixed-length-list": {
                    List<Object> l = (List<Object>) v;
                    return "list<" + ref(l.get(0)) + ", " + l.get(1) + ">";
                }
                case "option":
                    return "option<" + ref(v) + ">";
                case "result": {
                    Map<String, Object> r = (Map<String, Object>) v;
                    return "result<" + ref(r.get("ok")) + ", " + ref(r.get("err")) + ">";
                }
                case "tuple":
                    return "tuple<"
                            + ((List<Object>) ((Map<String, Object>) v).get("types"))
                                    .stream().map(this::ref).collect(Collectors.joining(", "))
                            + ">";
                case "map": {
                    List<Object> l = (List<Object>) v;
                    return "map<" + ref(l.get(0)) + ", " + ref(l.get(1)) + ">";
                }
                case "stream":
                    return v == null ? "stream" : "stream<" + ref(v) + ">";
                case "future":
                    return v == null ? "future" : "future<" + ref(v) + ">";
                case "handle": {
                    Map<String, Object> h = (Map<String, Object>) v;
                    return h.containsKey("own")
                            ? "own(" + ref(h.get("own")) + ")"
                            : "borrow(" + ref(h.get("borrow")) + ")";
                }
                case "record":
                    return "record{"
                            + ((List<Object>) ((Map<String, Object>) v).get("fields"))
                                    .stream()
                                            .map(f -> (Map<String, Object>) f)
                                            .map(f -> f.get("name") + ": " + ref(f.get("type")) + docs(f))
                                            .collect(Collectors.joining(", "))
                            + "}";
                case "variant":
                    return "variant{"
                            + ((List<Object>) ((Map<String, Object>) v).get("cases"))
                                    .stream()
                                            .map(f -> (Map<String, Object>) f)
                                            .map(f -> f.get("name")
                                                    + (f.get("type") == null ? "" : "(" + ref(f.get("type")) + ")")
                                                    + docs(f))
                                            .collect(Collectors.joining(", "))
                            + "}";
                case "enum":
                    return "enum{"
                            + ((List<Object>) ((Map<String, Object>) v).get("cases"))
                                    .stream()
                                            .map(f -> (Map<String, Object>) f)
                                            .map(f -> f.get("name") + docs(f))
                                            .collect(Collectors.joining(", "))
                            + "}";
                case "flags":
                    return "flags{"
                            + ((List<Object>) ((Map<String, Object>) v).get("flags"))
                                    .stream()
                                            .map(f -> (Map<String, Object>) f)
                                            .map(f -> f.get("name") + docs(f))
                                            .collect(Collectors.joining(", "))
                            + "}";
                default:
                    return "?" + tag;
            }
        }

        String func(Map<String, Object> f) {
            Object k = f.get("kind");
            String kind;
            if (k instanceof String s) {
                kind = s;
            } else {
                Map<String, Object> km = (Map<String, Object>) k;
                String tag = km.keySet().iterator().next();
                kind = tag + "(" + ref(km.get(tag)) + ")";
            }
            String params = ((List<Object>) f.get("params"))
                    .stream()
                            .map(p -> (Map<String, Object>) p)
                            .map(p -> p.get("name") + ": " + ref(p.get("type")))
                            .collect(Collectors.joining(", "));
            return "func " + f.get("name") + " " + kind + " (" + params + ")"
                    + (f.containsKey("result") && f.get("result") != null ? " -> " + ref(f.get("result")) : "")
                    + stab(f) + docs(f);
        }

        String typeDef(Map<String, Object> t) {
            return "type " + t.get("name") + " = " + kind(t.get("kind")) + stab(t) + docs(t);
        }

        void ifaceBody(String prefix, Map<String, Object> i, TreeSet<String> out) {
            for (Object tid : ((Map<String, Object>) i.get("types")).values()) {
                out.add(prefix + " " + typeDef(at(types, tid)));
            }
            for (Object f : ((Map<String, Object>) i.get("functions")).values()) {
                out.add(prefix + " " + func((Map<String, Object>) f));
            }
        }

        String worldKey(String k) {
            if (k.startsWith("interface-")) {
                return ifaceName(Long.parseLong(k.substring("interface-".length())));
            }
            return k;
        }

        String worldItem(Map<String, Object> item) {
            if (item.containsKey("interface")) {
                Map<String, Object> ii = (Map<String, Object>) item.get("interface");
                Map<String, Object> i = at(ifaces, ii.get("id"));
                if (i.get("name") != null) {
                    return "interface " + ifaceName(ii.get("id")) + stab(ii);
                }
                TreeSet<String> body = new TreeSet<>();
                ifaceBody("", i, body);
                return "interface <anon>{" + String.join(";", body) + "}" + stab(ii);
            }
            if (item.containsKey("function")) {
                return func((Map<String, Object>) item.get("function"));
            }
            return typeDef(at(types, item.get("type")));
        }
    }

    // ---------------------------------------------------------------- from the witx model

    static TreeSet<String> fromModel(Resolve r) {
        TreeSet<String> out = new TreeSet<>();
        for (WitPackage p : r.packages()) {
            String pn = p.name().toString();
            out.add("package " + pn + docs(p.docs()));
            for (Interface i : p.interfaces().values()) {
                String q = pn + "/" + i.name().orElseThrow();
                out.add("interface " + q + stab(i.stability()) + docs(i.docs()));
                ifaceBody(q, i, out);
            }
            for (World w : p.worlds().values()) {
                String q = pn + "/" + w.name();
                out.add("world " + q + stab(w.stability()) + docs(w.docs()));
                for (Map.Entry<String, Map<WorldKey, WorldItem>> dir :
                        List.of(Map.entry("imports", w.imports()), Map.entry("exports", w.exports()))) {
                    for (Map.Entry<WorldKey, WorldItem> e : dir.getValue().entrySet()) {
                        out.add("world " + q + " " + dir.getKey() + " " + key(e.getKey()) + " = " + item(e.getValue()));
                    }
                }
            }
        }
        return out;
    }

    private static String key(WorldKey k) {
        if (k instanceof WorldKey.InterfaceName n) {
            return n.pkg() + "/" + n.iface();
        }
        return ((WorldKey.Name) k).name();
    }

    private static String item(WorldItem item) {
        if (item instanceof WorldItem.InterfaceItem ii) {
            Interface i = ii.iface();
            if (i.name().isPresent()) {
                return "interface " + i.pkg() + "/" + i.name().get() + stab(ii.stability());
            }
            TreeSet<String> body = new TreeSet<>();
            ifaceBody("", i, body);
            return "interface <anon>{" + String.join(";", body) + "}" + stab(ii.stability());
        }
        if (item instanceof WorldItem.FunctionItem f) {
            return func(f.function());
        }
        return typeDef(((WorldItem.TypeItem) item).type());
    }

    private static void ifaceBody(String prefix, Interface i, TreeSet<String> out) {
        for (TypeDef t : i.types().values()) {
            out.add(prefix + " " + typeDef(t));
        }
        for (Function f : i.functions().values()) {
            out.add(prefix + " " + func(f));
        }
    }

    private static String docs(Docs d) {
        return d.contents().map(s -> " docs=" + s.replace("\n", "\\n")).orElse("");
    }

    private static String stab(Stability s) {
        if (s instanceof Stability.Stable st) {
            return " @since(" + st.since() + ")"
                    + st.deprecated().map(v -> " @deprecated(" + v + ")").orElse("");
        }
        if (s instanceof Stability.Unstable u) {
            return " @unstable(" + u.feature() + ")"
                    + u.deprecated().map(v -> " @deprecated(" + v + ")").orElse("");
        }
        return "";
    }

    private static String owner(TypeOwner o) {
        if (o instanceof TypeOwner.InInterface i) {
            return i.pkg() + "/" + i.iface();
        }
        if (o instanceof TypeOwner.InWorld w) {
            return "world " + w.pkg() + "/" + w.world();
        }
        return "<anon>";
    }

    private static String ref(TypeDef t) {
        return "#" + owner(t.owner()) + "." + t.name();
    }

    private static String opt(java.util.Optional<ValueType> t) {
        return t.map(Projection::vt).orElse("_");
    }

    static String vt(ValueType t) {
        if (t instanceof ValueType.Primitive p) {
            return p.witName();
        } else if (t instanceof ValueType.Named n) {
            return ref(n.def());
        } else if (t instanceof ValueType.ListType l) {
            return "list<" + vt(l.element()) + ">";
        } else if (t instanceof ValueType.FixedListType l) {
            return "list<" + vt(l.element()) + ", " + l.length() + ">";
        } else if (t instanceof ValueType.OptionType o) {
            return "option<" + vt(o.type()) + ">";
        } else if (t instanceof ValueType.ResultType r) {
            return "result<" + opt(r.ok()) + ", " + opt(r.err()) + ">";
        } else if (t instanceof ValueType.TupleType tt) {
            return "tuple<" + tt.types().stream().map(Projection::vt).collect(Collectors.joining(", ")) + ">";
        } else if (t instanceof ValueType.MapType m) {
            return "map<" + vt(m.key()) + ", " + vt(m.value()) + ">";
        } else if (t instanceof ValueType.StreamType s) {
            return s.element().map(e -> "stream<" + vt(e) + ">").orElse("stream");
        } else if (t instanceof ValueType.FutureType f) {
            return f.element().map(e -> "future<" + vt(e) + ">").orElse("future");
        } else if (t instanceof ValueType.HandleType h) {
            return (h.borrow() ? "borrow(" : "own(") + ref(h.resource()) + ")";
        } else if (t instanceof ValueType.RecordType r) {
            return "record{"
                    + r.fields().stream()
                            .map(f -> f.name() + ": " + vt(f.type()) + docs(f.docs()))
                            .collect(Collectors.joining(", "))
                    + "}";
        } else if (t instanceof ValueType.VariantType v) {
            return "variant{"
                    + v.cases().stream()
                            .map(c -> c.name()
                                    + c.type().map(x -> "(" + vt(x) + ")").orElse("")
                                    + docs(c.docs()))
                            .collect(Collectors.joining(", "))
                    + "}";
        } else if (t instanceof ValueType.EnumType e) {
            return "enum{"
                    + e.cases().stream().map(c -> c.name() + docs(c.docs())).collect(Collectors.joining(", ")) + "}";
        } else if (t instanceof ValueType.FlagsType f) {
            return "flags{"
                    + f.flags().stream().map(c -> c.name() + docs(c.docs())).collect(Collectors.joining(", ")) + "}";
        }
        throw new IllegalStateException(String.valueOf(t));
    }

    private static String typeDef(TypeDef t) {
        String kind = t.kind() instanceof TypeDefKind.Resource ? "resource" : vt((ValueType) t.kind());
        return "type " + t.name() + " = " + kind + stab(t.stability()) + docs(t.docs());
    }

    private static String func(Function f) {
        String kind;
        String async = f.async() ? "async-" : "";
        if (f.kind() instanceof Function.Kind.Method m) {
            kind = async + "method(" + ref(m.resource()) + ")";
        } else if (f.kind() instanceof Function.Kind.Static s) {
            kind = async + "static(" + ref(s.resource()) + ")";
        } else if (f.kind() instanceof Function.Kind.Constructor c) {
            kind = "constructor(" + ref(c.resource()) + ")";
        } else {
            kind = async + "freestanding";
        }
        List<String> ps = new ArrayList<>();
        for (Function.Param p : f.params()) {
            ps.add(p.name() + ": " + vt(p.type()));
        }
        return "func " + f.name() + " " + kind + " (" + String.join(", ", ps) + ")"
                + f.result().map(r -> " -> " + vt(r)).orElse("") + stab(f.stability()) + docs(f.docs());
    }
}
