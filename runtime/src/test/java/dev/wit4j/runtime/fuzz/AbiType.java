package dev.wit4j.runtime.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A component value type as the canonical ABI fuzz test generates it. The test keeps its own model
 * and computes flattening, size and alignment here, from CanonicalABI.md, so that the core
 * signatures of its components do not come from the code under test: a disagreement makes the
 * component invalid, which the test reports. The processor's typed fuzz test uses it too.
 */
public sealed interface AbiType {

    /** The primitive types, by their WIT (and component text format) names. */
    enum Prim implements AbiType {
        BOOL,
        S8,
        U8,
        S16,
        U16,
        S32,
        U32,
        S64,
        U64,
        F32,
        F64,
        CHAR,
        STRING;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code list<T>}. */
    record ListOf(AbiType element) implements AbiType {}

    /** {@code list<T, N>} (🔧 fixed-length lists). */
    record FixedList(AbiType element, int length) implements AbiType {}

    /** {@code map<K, V>} (🗺️), the key a primitive other than a float. */
    record MapOf(AbiType key, AbiType value) implements AbiType {}

    /** {@code tuple<...>}, at least one type. */
    record Tuple(List<AbiType> types) implements AbiType {}

    /** {@code option<T>}. */
    record Option(AbiType type) implements AbiType {}

    /** {@code result<T, E>}, either side possibly absent. */
    record Result(Optional<AbiType> ok, Optional<AbiType> err) implements AbiType {}

    /**
     * A type that must be named to appear in an import or export (Explainer.md, "external
     * visibility"): defined once, imported with an equality bound and referred to by that import.
     */
    sealed interface Named extends AbiType {
        String name();
    }

    /** {@code record}. */
    record Record(String name, List<Field> fields) implements Named {}

    /** A record field. */
    record Field(String name, AbiType type) {}

    /** {@code variant}. */
    record Variant(String name, List<Case> cases) implements Named {}

    /** A variant case and its payload, if it has one. */
    record Case(String name, Optional<AbiType> type) {}

    /** {@code enum}. */
    record Enum(String name, List<String> cases) implements Named {}

    /** {@code flags}: 1 to 32 flags (Binary.md). */
    record Flags(String name, List<String> flags) implements Named {}

    // ---------------------------------------------------------------- text

    /** The type as it is referred to in the component text format. */
    static String wat(AbiType t) {
        if (t instanceof Prim p) {
            return p.text();
        } else if (t instanceof Named n) {
            return "$" + n.name();
        } else if (t instanceof ListOf l) {
            return "(list " + wat(l.element()) + ")";
        } else if (t instanceof FixedList l) {
            return "(list " + wat(l.element()) + " " + l.length() + ")";
        } else if (t instanceof MapOf m) {
            return "(map " + wat(m.key()) + " " + wat(m.value()) + ")";
        } else if (t instanceof Tuple tu) {
            return "(tuple " + tu.types().stream().map(AbiType::wat).collect(Collectors.joining(" ")) + ")";
        } else if (t instanceof Option o) {
            return "(option " + wat(o.type()) + ")";
        }
        Result r = (Result) t;
        return "(result" + r.ok().map(ok -> " " + wat(ok)).orElse("")
                + r.err().map(err -> " (error " + wat(err) + ")").orElse("") + ")";
    }

    /** The definition of a named type in the component text format. */
    static String watDefinition(Named t) {
        StringBuilder sb = new StringBuilder();
        if (t instanceof Record r) {
            sb.append("(record");
            r.fields()
                    .forEach(f -> sb.append(" (field \"")
                            .append(f.name())
                            .append("\" ")
                            .append(wat(f.type()))
                            .append(')'));
        } else if (t instanceof Variant v) {
            sb.append("(variant");
            v.cases()
                    .forEach(c -> sb.append(" (case \"")
                            .append(c.name())
                            .append('"')
                            .append(c.type().map(p -> " " + wat(p)).orElse(""))
                            .append(')'));
        } else if (t instanceof Enum e) {
            sb.append("(enum");
            e.cases().forEach(c -> sb.append(" \"").append(c).append('"'));
        } else {
            sb.append("(flags");
            ((Flags) t).flags().forEach(f -> sb.append(" \"").append(f).append('"'));
        }
        return sb.append(')').toString();
    }

    /** The type as it is referred to in WIT. */
    static String wit(AbiType t) {
        if (t instanceof Prim p) {
            return p.text();
        } else if (t instanceof Named n) {
            return n.name();
        } else if (t instanceof ListOf l) {
            return "list<" + wit(l.element()) + ">";
        } else if (t instanceof FixedList l) {
            return "list<" + wit(l.element()) + ", " + l.length() + ">";
        } else if (t instanceof MapOf m) {
            return "map<" + wit(m.key()) + ", " + wit(m.value()) + ">";
        } else if (t instanceof Tuple tu) {
            return "tuple<" + tu.types().stream().map(AbiType::wit).collect(Collectors.joining(", ")) + ">";
        } else if (t instanceof Option o) {
            return "option<" + wit(o.type()) + ">";
        }
        Result r = (Result) t;
        if (r.ok().isEmpty() && r.err().isEmpty()) {
            return "result";
        }
        return "result<" + r.ok().map(AbiType::wit).orElse("_")
                + r.err().map(e -> ", " + wit(e)).orElse("") + ">";
    }

    /** The definition of a named type in WIT. */
    static String witDefinition(Named t) {
        if (t instanceof Record r) {
            return "record " + r.name() + " { "
                    + r.fields().stream()
                            .map(f -> f.name() + ": " + wit(f.type()))
                            .collect(Collectors.joining(", ")) + " }";
        } else if (t instanceof Variant v) {
            return "variant " + v.name() + " { "
                    + v.cases().stream()
                            .map(c -> c.name()
                                    + c.type().map(p -> "(" + wit(p) + ")").orElse(""))
                            .collect(Collectors.joining(", "))
                    + " }";
        } else if (t instanceof Enum e) {
            return "enum " + e.name() + " { " + String.join(", ", e.cases()) + " }";
        }
        Flags f = (Flags) t;
        return "flags " + f.name() + " { " + String.join(", ", f.flags()) + " }";
    }

    // ---------------------------------------------------------------- CanonicalABI.md

    /** {@code flatten_type}: the core value types ({@code i32}, {@code i64}, {@code f32}, {@code f64}). */
    static List<String> flat(AbiType t) {
        List<String> out = new ArrayList<>();
        if (t instanceof Prim p) {
            switch (p) {
                case S64, U64 -> out.add("i64");
                case F32 -> out.add("f32");
                case F64 -> out.add("f64");
                case STRING -> out.addAll(List.of("i32", "i32"));
                default -> out.add("i32");
            }
        } else if (t instanceof ListOf || t instanceof MapOf) {
            out.addAll(List.of("i32", "i32"));
        } else if (t instanceof FixedList l) {
            List<String> element = flat(l.element());
            for (int i = 0; i < l.length(); i++) {
                out.addAll(element);
            }
        } else if (t instanceof Record r) {
            r.fields().forEach(f -> out.addAll(flat(f.type())));
        } else if (t instanceof Tuple tu) {
            tu.types().forEach(e -> out.addAll(flat(e)));
        } else if (t instanceof Enum || t instanceof Flags) {
            out.add("i32");
        } else {
            out.add("i32"); // the discriminant
            for (Optional<AbiType> payload : payloads(t)) {
                if (payload.isEmpty()) {
                    continue;
                }
                List<String> f = flat(payload.get());
                for (int i = 0; i < f.size(); i++) {
                    if (i + 1 < out.size()) {
                        out.set(i + 1, join(out.get(i + 1), f.get(i)));
                    } else {
                        out.add(f.get(i));
                    }
                }
            }
        }
        return out;
    }

    /** {@code join}: the core type both of two flattened payload positions fit in. */
    private static String join(String a, String b) {
        if (a.equals(b)) {
            return a;
        }
        if ((a.equals("i32") && b.equals("f32")) || (a.equals("f32") && b.equals("i32"))) {
            return "i32";
        }
        return "i64";
    }

    /** The flattening of several types in sequence ({@code flatten_types}). */
    static List<String> flat(List<AbiType> types) {
        List<String> out = new ArrayList<>();
        types.forEach(t -> out.addAll(flat(t)));
        return out;
    }

    /** The payloads of a variant-like type (variant, option, result), in case order. */
    private static List<Optional<AbiType>> payloads(AbiType t) {
        if (t instanceof Variant v) {
            return v.cases().stream().map(Case::type).toList();
        } else if (t instanceof Option o) {
            return List.of(Optional.empty(), Optional.of(o.type()));
        }
        Result r = (Result) t;
        return List.of(r.ok(), r.err());
    }

    private static int caseCount(AbiType t) {
        if (t instanceof Enum e) {
            return e.cases().size();
        }
        return payloads(t).size();
    }

    /** {@code alignment}, for 32-bit memories. */
    static int alignment(AbiType t) {
        if (t instanceof Prim p) {
            return switch (p) {
                case BOOL, S8, U8 -> 1;
                case S16, U16 -> 2;
                case S64, U64, F64 -> 8;
                default -> 4;
            };
        } else if (t instanceof ListOf || t instanceof MapOf) {
            return 4;
        } else if (t instanceof FixedList l) {
            return alignment(l.element());
        } else if (t instanceof Record r) {
            return r.fields().stream().mapToInt(f -> alignment(f.type())).max().orElse(1);
        } else if (t instanceof Tuple tu) {
            return tu.types().stream().mapToInt(AbiType::alignment).max().orElse(1);
        } else if (t instanceof Flags f) {
            return flagsSize(f.flags().size());
        } else if (t instanceof Enum e) {
            return discriminantSize(e.cases().size());
        }
        return Math.max(discriminantSize(caseCount(t)), maxCaseAlignment(t));
    }

    /** {@code elem_size}, for 32-bit memories. */
    static int size(AbiType t) {
        if (t instanceof Prim p) {
            return p == Prim.STRING ? 8 : alignment(p);
        } else if (t instanceof ListOf || t instanceof MapOf) {
            return 8;
        } else if (t instanceof FixedList l) {
            return l.length() * size(l.element());
        } else if (t instanceof Record r) {
            return tupleSize(r.fields().stream().map(Field::type).toList());
        } else if (t instanceof Tuple tu) {
            return tupleSize(tu.types());
        } else if (t instanceof Flags f) {
            return flagsSize(f.flags().size());
        } else if (t instanceof Enum e) {
            return discriminantSize(e.cases().size());
        }
        int s = alignTo(discriminantSize(caseCount(t)), maxCaseAlignment(t));
        int cs = 0;
        for (Optional<AbiType> p : payloads(t)) {
            if (p.isPresent()) {
                cs = Math.max(cs, size(p.get()));
            }
        }
        return alignTo(s + cs, alignment(t));
    }

    private static int tupleSize(List<AbiType> types) {
        int s = 0;
        int a = 1;
        for (AbiType t : types) {
            s = alignTo(s, alignment(t)) + size(t);
            a = Math.max(a, alignment(t));
        }
        return alignTo(s, a);
    }

    private static int maxCaseAlignment(AbiType t) {
        int a = 1;
        for (Optional<AbiType> p : payloads(t)) {
            if (p.isPresent()) {
                a = Math.max(a, alignment(p.get()));
            }
        }
        return a;
    }

    private static int discriminantSize(int cases) {
        return cases <= 1 << 8 ? 1 : cases <= 1 << 16 ? 2 : 4;
    }

    private static int flagsSize(int n) {
        return n <= 8 ? 1 : n <= 16 ? 2 : 4;
    }

    private static int alignTo(int n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }
}
