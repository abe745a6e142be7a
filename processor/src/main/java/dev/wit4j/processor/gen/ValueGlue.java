package dev.wit4j.processor.gen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.processor.Names;
import dev.wit4j.processor.model.Shape;
import dev.wit4j.processor.model.TypeModel;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.ValueConversions;
import dev.wit4j.runtime.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The conversions between Java values and the runtime's dynamic {@code Value}s, specialised at
 * compile time per WIT type: inline expressions for anonymous types (lists, options, results,
 * tuples, primitives) and one pair of helper methods per named type ({@code xToValue} /
 * {@code xFromValue}). Everything the glue knows about the value representation is here, so that
 * it can be replaced by code that lifts and lowers through the canonical ABI directly once the
 * runtime exposes those primitives.
 *
 * <p>The expressions reference helper methods of the world class for named types (they are
 * instance methods, as handle conversions reach the world's handle tables); {@link #helpers()}
 * returns those used. Type-independent helpers (lists, results, maps, primitive arrays, record
 * fields) are static methods of the runtime's {@code ValueConversions}, called qualified.
 */
final class ValueGlue {
    static final ClassName VALUE = ClassName.get(Value.class);
    static final ClassName RESULT = ClassName.get(Result.class);
    /** The runtime's type-independent conversions, shared by all generated classes. */
    static final ClassName CONVERSIONS = ClassName.get(ValueConversions.class);

    /** How the world class reaches the state behind handles. */
    interface Handles {
        /** The field holding the handle table of an imported resource. */
        String table(ClassName resource);

        /** The field holding the implementation of the {@code Ops} of an exported resource. */
        String ops(ClassName resource);
    }

    private final Map<ClassName, TypeModel> types;
    private final NameSet names;
    private final Handles handles;
    /** One helper per named type and direction: key {@code (type, toValue)}. */
    private final Map<Map.Entry<ClassName, Boolean>, String> namedHelpers = new HashMap<>();

    private final Deque<Map.Entry<ClassName, Boolean>> pendingNamed = new ArrayDeque<>();
    private final Map<String, MethodSpec> generated = new LinkedHashMap<>();

    ValueGlue(Map<ClassName, TypeModel> types, NameSet names, Handles handles) {
        this.types = types;
        this.names = names;
        this.handles = handles;
    }

    // ---------------------------------------------------------------------------------------
    // Java → Value

    /** An expression of type {@code Value} for the Java expression {@code x} of shape {@code s}. */
    CodeBlock toValue(Shape s, CodeBlock x) {
        return toValue(s, x, 0);
    }

    private CodeBlock toValue(Shape s, CodeBlock x, int depth) {
        if (s instanceof Shape.Primitive p) {
            switch (p) {
                case BOOL:
                    return CodeBlock.of("$T.bool($L)", VALUE, x);
                case CHAR:
                    return CodeBlock.of("new $T($L)", VALUE.nestedClass("Char"), x);
                case STRING:
                    return CodeBlock.of("new $T($L)", VALUE.nestedClass("Str"), x);
                default:
                    return CodeBlock.of("new $T($L)", VALUE.nestedClass(valueClass(p)), x);
            }
        } else if (s instanceof Shape.ListOf l) {
            CodeBlock elements;
            if (l.array()) {
                elements = CodeBlock.of("$T.$N($L)", CONVERSIONS, arrayHelper((Shape.Primitive) l.element(), true), x);
            } else {
                String e = var(depth);
                elements = CodeBlock.of(
                        "$L.stream().<$T>map($N -> $L).toList()",
                        x,
                        VALUE,
                        e,
                        toValue(l.element(), CodeBlock.of("$N", e), depth + 1));
            }
            if (l.length().isPresent()) {
                return CodeBlock.of(
                        "new $T($T.$N($L, $L))",
                        VALUE.nestedClass("FixedList"),
                        CONVERSIONS,
                        "checkLength",
                        elements,
                        l.length().getAsInt());
            }
            return CodeBlock.of("new $T($L)", VALUE.nestedClass("ListValue"), elements);
        } else if (s instanceof Shape.OptionOf o) {
            String e = var(depth);
            return CodeBlock.of(
                    "$L.<$T>map($N -> $T.some($L)).orElse($T.none())",
                    x,
                    VALUE,
                    e,
                    VALUE,
                    toValue(o.value(), CodeBlock.of("$N", e), depth + 1),
                    VALUE);
        } else if (s instanceof Shape.ResultOf r) {
            return CodeBlock.of(
                    "$T.$N($L, $L, $L)",
                    CONVERSIONS,
                    "resultToValue",
                    x,
                    r.ok().map(t -> toValueFunction(t, depth)).orElse(CodeBlock.of("null")),
                    r.err().map(t -> toValueFunction(t, depth)).orElse(CodeBlock.of("null")));
        } else if (s instanceof Shape.TupleOf t) {
            CodeBlock.Builder b = CodeBlock.builder().add("$T.tuple(", VALUE);
            for (int i = 0; i < t.elements().size(); i++) {
                b.add(i == 0 ? "" : ", ")
                        .add(toValue(t.elements().get(i), CodeBlock.of("$L.$N()", x, TUPLE_NAMES[i]), depth));
            }
            return b.add(")").build();
        } else if (s instanceof Shape.MapOf m) {
            return CodeBlock.of(
                    "$T.$N($L, $L, $L)",
                    CONVERSIONS,
                    "mapToValue",
                    x,
                    toValueFunction(m.key(), depth),
                    toValueFunction(m.value(), depth));
        } else if (s instanceof Shape.Named n) {
            return CodeBlock.of("$N($L)", named(n.type(), true), x);
        } else if (s instanceof Shape.Handle h) {
            if (h.exported()) {
                if (!h.java().equals(h.resource())) {
                    // Java-first: the signature says the user's resource interface; only the handle class
                    // (which implements it) holds a handle of the component.
                    x = CodeBlock.of("$T.$N($L)", h.resource(), ResourceGenerator.OF, x);
                }
                if (h.borrow()) {
                    return CodeBlock.of("$T.borrow($L.handle().handle())", VALUE, x);
                }
                return CodeBlock.of("$N($L)", named(h.resource(), true), x);
            }
            return CodeBlock.of("$N.$N($L)", handles.table(h.resource()), h.borrow() ? "borrow" : "own", x);
        }
        throw new IllegalStateException("no conversion for " + s);
    }

    private CodeBlock toValueFunction(Shape s, int depth) {
        String e = var(depth);
        return CodeBlock.of("$N -> $L", e, toValue(s, CodeBlock.of("$N", e), depth + 1));
    }

    // ---------------------------------------------------------------------------------------
    // Value → Java

    /** An expression of the Java type of {@code s} for the expression {@code v} of type {@code Value}. */
    CodeBlock fromValue(Shape s, CodeBlock v) {
        return fromValue(s, v, 0);
    }

    private CodeBlock fromValue(Shape s, CodeBlock v, int depth) {
        if (s instanceof Shape.Primitive p) {
            switch (p) {
                case BOOL:
                    return CodeBlock.of("(($T) $L).value()", VALUE.nestedClass("Bool"), v);
                case CHAR:
                    return CodeBlock.of("(($T) $L).codePoint()", VALUE.nestedClass("Char"), v);
                case STRING:
                    return CodeBlock.of("(($T) $L).value()", VALUE.nestedClass("Str"), v);
                default:
                    return CodeBlock.of("(($T) $L).value()", VALUE.nestedClass(valueClass(p)), v);
            }
        } else if (s instanceof Shape.ListOf l) {
            if (l.array()) {
                return CodeBlock.of("$T.$N($L)", CONVERSIONS, arrayHelper((Shape.Primitive) l.element(), false), v);
            }
            String e = var(depth);
            return CodeBlock.of(
                    "$T.$N($L).stream().<$T>map($N -> $L).toList()",
                    CONVERSIONS,
                    "elements",
                    v,
                    typeArgument(l.java(), 0),
                    e,
                    fromValue(l.element(), CodeBlock.of("$N", e), depth + 1));
        } else if (s instanceof Shape.OptionOf o) {
            String e = var(depth);
            return CodeBlock.of(
                    "(($T) $L).value().<$T>map($N -> $L)",
                    VALUE.nestedClass("OptionValue"),
                    v,
                    typeArgument(o.java(), 0),
                    e,
                    fromValue(o.value(), CodeBlock.of("$N", e), depth + 1));
        } else if (s instanceof Shape.ResultOf r) {
            return CodeBlock.of(
                    "$T.<$T, $T>$N($L, $L, $L)",
                    CONVERSIONS,
                    typeArgument(r.java(), 0),
                    typeArgument(r.java(), 1),
                    "resultFromValue",
                    v,
                    r.ok().map(t -> fromValueFunction(t, depth)).orElse(CodeBlock.of("null")),
                    r.err().map(t -> fromValueFunction(t, depth)).orElse(CodeBlock.of("null")));
        } else if (s instanceof Shape.TupleOf t) {
            CodeBlock.Builder b = CodeBlock.builder().add("new $T(", t.java());
            for (int i = 0; i < t.elements().size(); i++) {
                b.add(i == 0 ? "" : ", ")
                        .add(fromValue(
                                t.elements().get(i),
                                CodeBlock.of("(($T) $L).elements().get($L)", VALUE.nestedClass("TupleValue"), v, i),
                                depth));
            }
            return b.add(")").build();
        } else if (s instanceof Shape.MapOf m) {
            return CodeBlock.of(
                    "$T.<$T, $T>$N($L, $L, $L)",
                    CONVERSIONS,
                    typeArgument(m.java(), 0),
                    typeArgument(m.java(), 1),
                    "mapFromValue",
                    v,
                    fromValueFunction(m.key(), depth),
                    fromValueFunction(m.value(), depth));
        } else if (s instanceof Shape.Named n) {
            return CodeBlock.of("$N($L)", named(n.type(), false), v);
        } else if (s instanceof Shape.Handle h) {
            if (h.exported()) {
                return CodeBlock.of("$N($L)", named(h.resource(), false), v);
            }
            return CodeBlock.of("$N.$N($L)", handles.table(h.resource()), h.borrow() ? "get" : "take", v);
        }
        throw new IllegalStateException("no conversion for " + s);
    }

    private CodeBlock fromValueFunction(Shape s, int depth) {
        String e = var(depth);
        return CodeBlock.of("$N -> $L", e, fromValue(s, CodeBlock.of("$N", e), depth + 1));
    }

    // ---------------------------------------------------------------------------------------
    // Helper methods

    /** The helper methods used by the expressions handed out so far (call after the last one). */
    List<MethodSpec> helpers() {
        while (!pendingNamed.isEmpty()) {
            Map.Entry<ClassName, Boolean> n = pendingNamed.poll();
            generateNamed(n.getKey(), n.getValue(), namedHelpers.get(n));
        }
        return new ArrayList<>(generated.values());
    }

    /** The helper converting the named type {@code type} to ({@code toValue}) or from a {@code Value}. */
    private String named(ClassName type, boolean toValue) {
        Map.Entry<ClassName, Boolean> key = Map.entry(type, toValue);
        String n = namedHelpers.get(key);
        if (n == null) {
            StringBuilder base = new StringBuilder();
            for (String simple : type.simpleNames()) {
                base.append(base.length() == 0 ? lowerFirst(simple) : simple);
            }
            n = names.unique(base + (toValue ? "ToValue" : "FromValue"));
            namedHelpers.put(key, n);
            pendingNamed.add(key);
        }
        return n;
    }

    private void generateNamed(ClassName type, boolean toValue, String name) {
        TypeModel t = types.get(type);
        MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
        if (toValue) {
            m.returns(VALUE);
        } else {
            m.addParameter(VALUE, "v");
        }
        if (t instanceof TypeModel.RecordModel r) {
            if (toValue) {
                m.addParameter(type, "v");
                CodeBlock.Builder b = CodeBlock.builder()
                        .add("return $T.recordBuilder()", VALUE)
                        .indent();
                for (TypeModel.Field f : r.fields()) {
                    b.add("\n.field($S, $L)", f.witName(), toValue(f.shape(), CodeBlock.of("v.$N()", f.javaName())));
                }
                m.addCode(b.add("\n.build();\n").unindent().build());
            } else {
                m.returns(type)
                        .addStatement(
                                "$T r = ($T) v", VALUE.nestedClass("RecordValue"), VALUE.nestedClass("RecordValue"));
                CodeBlock.Builder c =
                        CodeBlock.builder().add("return new $T(", type).indent();
                for (int i = 0; i < r.fields().size(); i++) {
                    TypeModel.Field f = r.fields().get(i);
                    c.add(i == 0 ? "\n" : ",\n")
                            .add(fromValue(f.shape(), CodeBlock.of("$T.$N(r, $S)", CONVERSIONS, "field", f.witName())));
                }
                m.addCode(c.add(");\n").unindent().build());
            }
        } else if (t instanceof TypeModel.EnumModel e) {
            if (toValue) {
                m.addParameter(type, "v");
                CodeBlock.Builder b = CodeBlock.builder()
                        .add("return new $T(switch (v) {\n", VALUE.nestedClass("EnumValue"))
                        .indent();
                for (TypeModel.Constant c : e.cases()) {
                    b.add("case $N -> $S;\n", c.javaName(), c.witName());
                }
                m.addCode(b.unindent().add("});\n").build());
            } else {
                m.returns(type).addStatement("String name = (($T) v).caseName()", VALUE.nestedClass("EnumValue"));
                CodeBlock.Builder c =
                        CodeBlock.builder().add("return switch (name) {\n").indent();
                for (TypeModel.Constant k : e.cases()) {
                    c.add("case $S -> $T.$N;\n", k.witName(), type, k.javaName());
                }
                c.add(
                        "default -> throw new $T($S + name);\n",
                        IllegalArgumentException.class,
                        "unknown case of enum `" + e.witName() + "`: ");
                m.addCode(c.unindent().add("};\n").build());
            }
        } else if (t instanceof TypeModel.FlagsModel f) {
            TypeName set = ParameterizedTypeName.get(ClassName.get(Set.class), type);
            if (toValue) {
                m.addParameter(set, "v");
                m.addStatement("$T<String> names = new $T<>()", Set.class, LinkedHashSet.class);
                for (TypeModel.Constant c : f.flags()) {
                    m.beginControlFlow("if (v.contains($T.$N))", type, c.javaName())
                            .addStatement("names.add($S)", c.witName())
                            .endControlFlow();
                }
                m.addStatement("return new $T(names)", VALUE.nestedClass("FlagsValue"));
            } else {
                m.returns(set)
                        .addStatement(
                                "$T flags = ($T) v", VALUE.nestedClass("FlagsValue"), VALUE.nestedClass("FlagsValue"))
                        .addStatement("$T<$T> set = $T.noneOf($T.class)", Set.class, type, EnumSet.class, type);
                for (TypeModel.Constant c : f.flags()) {
                    m.beginControlFlow("if (flags.isSet($S))", c.witName())
                            .addStatement("set.add($T.$N)", type, c.javaName())
                            .endControlFlow();
                }
                m.addStatement("return set");
            }
        } else if (t instanceof TypeModel.VariantModel vm) {
            if (toValue) {
                m.addParameter(type, "v");
                for (TypeModel.Case c : vm.cases()) {
                    if (c.payloadShape().isPresent()) {
                        m.beginControlFlow("if (v instanceof $T c)", c.name())
                                .addStatement(
                                        "return $T.variant($S, $L)",
                                        VALUE,
                                        c.witName(),
                                        toValue(c.payloadShape().get(), CodeBlock.of("c.$N()", c.payloadAccessor())))
                                .endControlFlow();
                    } else {
                        m.beginControlFlow("if (v instanceof $T)", c.name())
                                .addStatement("return $T.variant($S)", VALUE, c.witName())
                                .endControlFlow();
                    }
                }
                m.addStatement(
                        "throw new $T($S)", NullPointerException.class, "variant `" + vm.witName() + "` is null");
            } else {
                m.returns(type)
                        .addStatement(
                                "$T x = ($T) v", VALUE.nestedClass("VariantValue"), VALUE.nestedClass("VariantValue"));
                CodeBlock.Builder c = CodeBlock.builder()
                        .add("return switch (x.caseName()) {\n")
                        .indent();
                for (TypeModel.Case k : vm.cases()) {
                    if (k.payloadShape().isPresent()) {
                        c.add(
                                "case $S -> new $T($L);\n",
                                k.witName(),
                                k.name(),
                                fromValue(k.payloadShape().get(), CodeBlock.of("x.payload().orElseThrow()")));
                    } else {
                        c.add("case $S -> new $T();\n", k.witName(), k.name());
                    }
                }
                c.add(
                        "default -> throw new $T($S + x.caseName());\n",
                        IllegalArgumentException.class,
                        "unknown case of variant `" + vm.witName() + "`: ");
                m.addCode(c.unindent().add("};\n").build());
            }
        } else if (t instanceof TypeModel.ResourceModel r && r.exported()) {
            if (toValue) {
                m.addJavadoc("Moves the handle of {@code v} into the component ({@code v} is closed afterwards).\n")
                        .addParameter(type, "v")
                        .returns(VALUE.nestedClass("Own"))
                        .addStatement("$T h = v.handle()", VALUE.nestedClass("Own"))
                        .addStatement("v.handle = null")
                        .addStatement("return h");
            } else {
                m.returns(type)
                        .addStatement("return new $T($N, ($T) v)", type, handles.ops(type), VALUE.nestedClass("Own"));
            }
        } else {
            throw new IllegalStateException("no named type " + type);
        }
        generated.put(name, m.build());
    }

    /** The name of the {@code ValueConversions} method converting a {@code p[]} to or from values. */
    private static String arrayHelper(Shape.Primitive p, boolean toValue) {
        return lowerFirst(valueClass(p)) + "s" + (toValue ? "ToValue" : "FromValue");
    }

    // ---------------------------------------------------------------------------------------

    private static final String[] TUPLE_NAMES = {
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth"
    };

    /** Lambda parameters: a name no WIT-derived identifier can take (those never start with {@code _}). */
    private static String var(int depth) {
        return "_e" + depth;
    }

    private static TypeName typeArgument(TypeName t, int i) {
        return ((ParameterizedTypeName) t).typeArguments().get(i);
    }

    private static String valueClass(Shape.Primitive p) {
        switch (p) {
            case BOOL:
                return "Bool";
            case S8:
                return "S8";
            case U8:
                return "U8";
            case S16:
                return "S16";
            case U16:
                return "U16";
            case S32:
                return "S32";
            case U32:
                return "U32";
            case S64:
                return "S64";
            case U64:
                return "U64";
            case F32:
                return "F32";
            case F64:
                return "F64";
            case CHAR:
                return "Char";
            default:
                return "Str";
        }
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Unique member names of the world class. */
    static final class NameSet {
        private final Set<String> taken = new HashSet<>();

        NameSet(Collection<String> reserved) {
            taken.addAll(reserved);
        }

        /** {@code name}, or with trailing underscores until it is free; then taken. */
        String unique(String name) {
            String n = Names.escape(name);
            while (!taken.add(n)) {
                n = n + "_";
            }
            return n;
        }

        /** Marks {@code name} as taken. */
        void take(String name) {
            taken.add(name);
        }
    }
}
