package dev.wit4j.processor;

import com.palantir.javapoet.ClassName;
import dev.wit4j.annotations.Unsigned;
import dev.wit4j.annotations.WitChar;
import dev.wit4j.annotations.WitResource;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.processor.model.JavaFirstInterface.Case;
import dev.wit4j.processor.model.JavaFirstInterface.Constant;
import dev.wit4j.processor.model.JavaFirstInterface.Field;
import dev.wit4j.processor.model.JavaFirstInterface.TypeDecl;
import dev.wit4j.runtime.types.Result;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The Java-first type mapping: the WIT type of each Java type a {@code @WitInterface} uses
 * (processor/README.md's table read backwards), declaring a WIT type once for each record, enum,
 * sealed interface, {@code Set} of an enum and {@code @WitResource} it meets (after the types it
 * uses); every Java type without a WIT meaning is reported on the element that uses it.
 */
final class JavaFirstTypes {
    private static final String RESULT = Result.class.getCanonicalName();
    private static final String TUPLE = Result.class.getPackageName() + ".Tuple";

    private final JavaFirstReader reader;
    private final Types types;
    private final Diagnostics d;
    private final JavadocText docs;
    /** Declared WIT types by Java type, in declaration order (each after what it uses). */
    private final Map<String, TypeDecl> declared = new LinkedHashMap<>();

    private final Map<String, String> witNames = new HashMap<>();
    private final Map<String, String> javaByWitName = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    /** Types already found invalid (reported once). */
    private final Set<String> invalid = new HashSet<>();

    JavaFirstTypes(JavaFirstReader reader, Types types, Diagnostics d, JavadocText docs) {
        this.reader = reader;
        this.types = types;
        this.d = d;
        this.docs = docs;
    }

    /** The declared WIT types, in declaration order. */
    List<TypeDecl> declared() {
        return new ArrayList<>(declared.values());
    }

    /** The declaration under {@code key} ({@link #key}), or null. */
    TypeDecl declaration(String key) {
        return declared.get(key);
    }

    /** Replaces the declaration under {@code key} (a resource that gained a constructor or static function). */
    void redeclare(String key, TypeDecl decl) {
        declared.put(key, decl);
    }

    /** The Java type declared as the WIT type {@code witName}, or null. */
    String javaTypeNamed(String witName) {
        return javaByWitName.get(witName);
    }

    private static boolean has(TypeMirror t, Element at, boolean top, Class<? extends Annotation> ann) {
        for (AnnotationMirror a : t.getAnnotationMirrors()) {
            if (a.getAnnotationType().toString().equals(ann.getCanonicalName())) {
                return true;
            }
        }
        return top && at.getAnnotation(ann) != null;
    }

    /**
     * The WIT type of {@code t}, or empty after reporting on {@code at}. {@code top}: {@code t} is the
     * declared type of {@code at} (its declaration annotations apply); {@code inArg}: a type argument.
     */
    Optional<String> type(TypeMirror t, Element at, Element annotated, boolean borrow, boolean inArg) {
        boolean top = !inArg;
        boolean unsigned = has(t, annotated, top, Unsigned.class);
        boolean ch = has(t, annotated, top, WitChar.class);
        if (t.getKind() == TypeKind.ARRAY) {
            TypeMirror c = ((ArrayType) t).getComponentType();
            boolean elemUnsigned = unsigned || has(c, annotated, false, Unsigned.class);
            switch (c.getKind()) {
                case BYTE:
                    return Optional.of(elemUnsigned ? "list<u8>" : "list<s8>");
                case SHORT:
                    return Optional.of(elemUnsigned ? "list<u16>" : "list<s16>");
                case INT:
                    return Optional.of(elemUnsigned ? "list<u32>" : "list<s32>");
                case LONG:
                    return Optional.of(elemUnsigned ? "list<u64>" : "list<s64>");
                case FLOAT:
                    return Optional.of("list<f32>");
                case DOUBLE:
                    return Optional.of("list<f64>");
                default:
                    d.reportOn(
                            at,
                            Message.JF_UNSUPPORTED_TYPE,
                            t,
                            "only arrays of byte, short, int, long, float and double are WIT lists; use `List<T>`");
                    return Optional.empty();
            }
        }
        if (unsigned && !isIntegral(t)) {
            d.reportOn(
                    at,
                    Message.JF_MISPLACED,
                    "Unsigned",
                    t,
                    "only byte, short, int and long (or their boxes in type arguments) can be unsigned");
            return Optional.empty();
        }
        if (ch && !(t.getKind() == TypeKind.INT || isBox(t, "Integer"))) {
            d.reportOn(at, Message.JF_MISPLACED, "WitChar", t, "only an int (a code point) can be a WIT char");
            return Optional.empty();
        }
        if (borrow && !isResource(t)) {
            d.reportOn(at, Message.JF_MISPLACED, "Borrow", t, "only parameters of a @WitResource type can be borrowed");
            return Optional.empty();
        }
        if (t.getKind().isPrimitive() || (inArg && box(t) != null)) {
            TypeKind k = t.getKind().isPrimitive()
                    ? t.getKind()
                    : types.unboxedType(t).getKind();
            switch (k) {
                case BOOLEAN:
                    return Optional.of("bool");
                case BYTE:
                    return Optional.of(unsigned ? "u8" : "s8");
                case SHORT:
                    return Optional.of(unsigned ? "u16" : "s16");
                case INT:
                    return Optional.of(ch ? "char" : unsigned ? "u32" : "s32");
                case LONG:
                    return Optional.of(unsigned ? "u64" : "s64");
                case FLOAT:
                    return Optional.of("f32");
                case DOUBLE:
                    return Optional.of("f64");
                default:
                    d.reportOn(at, Message.JF_JAVA_CHAR, t);
                    return Optional.empty();
            }
        }
        if (t.getKind() == TypeKind.TYPEVAR || t.getKind() == TypeKind.WILDCARD) {
            d.reportOn(
                    at,
                    Message.JF_UNSUPPORTED_TYPE,
                    t,
                    "type variables and wildcards have no WIT type; use a concrete type");
            return Optional.empty();
        }
        if (t.getKind() != TypeKind.DECLARED) {
            d.reportOn(at, Message.JF_UNSUPPORTED_TYPE, t, "not a value type");
            return Optional.empty();
        }
        DeclaredType dt = (DeclaredType) t;
        TypeElement el = (TypeElement) dt.asElement();
        String qn = el.getQualifiedName().toString();
        List<? extends TypeMirror> args = dt.getTypeArguments();
        String boxed = box(t);
        if (boxed != null) {
            d.reportOn(at, Message.JF_BOXED, t, boxed, el.getSimpleName());
            return Optional.empty();
        }
        switch (qn) {
            case "java.lang.String":
                return Optional.of("string");
            case "java.lang.Object":
                d.reportOn(at, Message.JF_OBJECT, t);
                return Optional.empty();
            case "java.util.Map":
            case "java.util.HashMap":
            case "java.util.SortedMap":
                d.reportOn(at, Message.JF_MAP, t);
                return Optional.empty();
            case "java.util.Optional":
                return arg(args, 0, at, annotated).map(a -> "option<" + a + ">");
            case "java.util.List":
                return arg(args, 0, at, annotated).map(a -> "list<" + a + ">");
            case "java.util.Set":
                return flags(args, at);
            default:
                break;
        }
        if (qn.equals(RESULT)) {
            return result(args, at, annotated);
        }
        if (qn.startsWith(TUPLE) && qn.substring(TUPLE.length()).matches("[0-9]+")) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                Optional<String> a = arg(args, i, at, annotated);
                if (a.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(a.get());
            }
            return Optional.of("tuple<" + String.join(", ", parts) + ">");
        }
        if (qn.startsWith("java.") || qn.startsWith("javax.")) {
            d.reportOn(
                    at,
                    Message.JF_UNSUPPORTED_TYPE,
                    t,
                    "only String, Optional, List, Set<Enum>, Result, TupleN and primitive "
                            + "arrays of the JDK have a WIT meaning; use a record, enum or sealed interface of your own");
            return Optional.empty();
        }
        Optional<String> named = named(el, at);
        if (named.isPresent() && isResource(t) && borrow) {
            return Optional.of("borrow<" + named.get() + ">");
        }
        return named;
    }

    private Optional<String> arg(List<? extends TypeMirror> args, int i, Element at, Element annotated) {
        if (args.size() <= i) {
            d.reportOn(at, Message.JF_UNSUPPORTED_TYPE, "raw type", "give the type arguments");
            return Optional.empty();
        }
        TypeMirror a = args.get(i);
        if (a.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) a).asElement())
                        .getQualifiedName()
                        .contentEquals("java.lang.Void")) {
            d.reportOn(at, Message.JF_UNSUPPORTED_TYPE, a, "Void only stands for a missing side of `Result`");
            return Optional.empty();
        }
        return type(a, at, annotated, false, true);
    }

    private Optional<String> result(List<? extends TypeMirror> args, Element at, Element annotated) {
        if (args.size() != 2) {
            d.reportOn(
                    at,
                    Message.JF_UNSUPPORTED_TYPE,
                    "raw Result",
                    "give both type arguments (`Void` for a missing side)");
            return Optional.empty();
        }
        String ok = isVoid(args.get(0)) ? "_" : arg(args, 0, at, annotated).orElse(null);
        String err = isVoid(args.get(1)) ? null : arg(args, 1, at, annotated).orElse("!");
        if (ok == null || "!".equals(err)) {
            return Optional.empty();
        }
        if (err == null) {
            return Optional.of(ok.equals("_") ? "result" : "result<" + ok + ">");
        }
        return Optional.of("result<" + ok + ", " + err + ">");
    }

    private static boolean isVoid(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) t).asElement())
                        .getQualifiedName()
                        .contentEquals("java.lang.Void");
    }

    private Optional<String> flags(List<? extends TypeMirror> args, Element at) {
        if (args.size() == 1
                && args.get(0).getKind() == TypeKind.DECLARED
                && ((DeclaredType) args.get(0)).asElement().getKind() == ElementKind.ENUM) {
            TypeElement e = (TypeElement) ((DeclaredType) args.get(0)).asElement();
            return declare(e, at, "flags", () -> {
                List<Constant> names = constants(e);
                return names == null
                        ? null
                        : new JavaFirstInterface.FlagsDecl(
                                witNames.get(key(e, "flags")), ClassName.get(e), names, docs.of(e));
            });
        }
        d.reportOn(
                at,
                Message.JF_UNSUPPORTED_TYPE,
                "Set" + args,
                "only `Set<E>` of an enum `E` has a WIT meaning (flags); use `List<T>`");
        return Optional.empty();
    }

    private boolean isIntegral(TypeMirror t) {
        TypeKind k = t.getKind();
        if (k == TypeKind.ARRAY) {
            return isIntegral(((ArrayType) t).getComponentType());
        }
        return k == TypeKind.BYTE
                || k == TypeKind.SHORT
                || k == TypeKind.INT
                || k == TypeKind.LONG
                || isBox(t, "Byte")
                || isBox(t, "Short")
                || isBox(t, "Integer")
                || isBox(t, "Long");
    }

    private static boolean isBox(TypeMirror t, String simple) {
        return t.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) t).asElement())
                        .getQualifiedName()
                        .contentEquals("java.lang." + simple);
    }

    /** The primitive of a box type, or null. */
    private static String box(TypeMirror t) {
        String[][] boxes = {
            {"Boolean", "boolean"},
            {"Byte", "byte"},
            {"Short", "short"},
            {"Integer", "int"},
            {"Long", "long"},
            {"Float", "float"},
            {"Double", "double"},
            {"Character", "char"}
        };
        for (String[] b : boxes) {
            if (isBox(t, b[0])) {
                return b[1];
            }
        }
        return null;
    }

    static boolean isResource(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED
                && ((DeclaredType) t).asElement().getAnnotation(WitResource.class) != null;
    }

    static String key(TypeElement e, String kind) {
        return kind + ":" + e.getQualifiedName();
    }

    private interface Decl {
        TypeDecl get();
    }

    /** Declares the WIT type for {@code e} once (after the types it uses) and returns its reference. */
    private Optional<String> declare(TypeElement e, Element at, String kind, Decl decl) {
        String key = key(e, kind);
        if (invalid.contains(key)) {
            d.reportOn(at, Message.JF_UNSUPPORTED_TYPE, e.getQualifiedName(), "see the error on it");
            return Optional.empty();
        }
        if (inProgress.contains(key) && e.getAnnotation(WitResource.class) != null) {
            return Optional.of("%" + witNames.get(key)); // a resource may use itself (own<r>, borrow<r>)
        }
        if (inProgress.contains(key)) {
            d.reportOn(at, Message.JF_RECURSIVE, e.getQualifiedName());
            return Optional.empty();
        }
        String name = witNames.get(key);
        if (name == null) {
            WitResource res = e.getAnnotation(WitResource.class);
            name = res != null && !res.name().isEmpty()
                    ? res.name()
                    : reader.witName(e.getSimpleName().toString(), e);
            String other = javaByWitName.putIfAbsent(name, e.getQualifiedName().toString());
            if (other != null && !other.equals(e.getQualifiedName().toString())) {
                d.reportOn(e, Message.JF_NAME_CLASH, other, e.getQualifiedName(), name);
                invalid.add(key);
                return Optional.empty();
            }
            witNames.put(key, name);
        }
        if (!declared.containsKey(key)) {
            inProgress.add(key);
            int before = d.errorCount();
            TypeDecl t = decl.get();
            inProgress.remove(key);
            if (t == null || d.errorCount() > before) {
                invalid.add(key);
                if (at != e) {
                    d.reportOn(at, Message.JF_UNSUPPORTED_TYPE, e.getQualifiedName(), "see the error on it");
                }
                return Optional.empty();
            }
            declared.put(key, t);
        }
        return Optional.of("%" + name);
    }

    Optional<String> named(TypeElement e, Element at) {
        if (!e.getTypeParameters().isEmpty()) {
            d.reportOn(
                    at,
                    Message.JF_UNSUPPORTED_TYPE,
                    e.getQualifiedName(),
                    "generic types have no WIT meaning; use a non-generic type");
            return Optional.empty();
        }
        switch (e.getKind()) {
            case RECORD:
                return declare(e, at, "type", () -> record(e));
            case ENUM:
                return declare(e, at, "type", () -> {
                    List<Constant> names = constants(e);
                    return names == null
                            ? null
                            : new JavaFirstInterface.EnumDecl(
                                    witNames.get(key(e, "type")), ClassName.get(e), names, docs.of(e));
                });
            case INTERFACE:
                if (e.getAnnotation(WitResource.class) != null) {
                    return declare(e, at, "type", () -> resource(e));
                }
                if (!e.getModifiers().contains(Modifier.SEALED)) {
                    d.reportOn(at, Message.JF_NOT_SEALED, e.getQualifiedName());
                    return Optional.empty();
                }
                return declare(e, at, "type", () -> variant(e));
            default:
                d.reportOn(
                        at,
                        Message.JF_UNSUPPORTED_TYPE,
                        e.getQualifiedName(),
                        "a class has no WIT meaning; use a record (WIT record), an enum, a sealed interface of records "
                                + "(variant) or a @WitResource interface");
                return Optional.empty();
        }
    }

    private TypeDecl record(TypeElement e) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> fieldDocs = docs.params(e);
        boolean ok = true;
        for (RecordComponentElement c : e.getRecordComponents()) {
            String n = reader.witName(c.getSimpleName().toString(), c);
            String other = names.putIfAbsent(n, c.getSimpleName().toString());
            if (other != null) {
                d.reportOn(c, Message.JF_NAME_CLASH, other, c.getSimpleName(), n);
            }
            Optional<String> t = type(c.asType(), c, c, false, false);
            if (t.isEmpty()) {
                ok = false;
            } else {
                fields.add(new Field(
                        n,
                        t.get(),
                        c.getSimpleName().toString(),
                        JavaFirstReader.javaType(c.asType()),
                        fieldDocs.getOrDefault(c.getSimpleName().toString(), "")));
            }
        }
        if (!ok) {
            d.reportOn(
                    e,
                    Message.JF_BAD_RECORD,
                    e.getQualifiedName(),
                    "a component has a type without WIT meaning (see the error on it)");
            return null;
        }
        if (fields.isEmpty()) {
            d.reportOn(
                    e,
                    Message.JF_BAD_RECORD,
                    e.getQualifiedName(),
                    "WIT records need at least one field; add a component");
            return null;
        }
        return new JavaFirstInterface.RecordDecl(witNames.get(key(e, "type")), ClassName.get(e), fields, docs.of(e));
    }

    private List<Constant> constants(TypeElement e) {
        List<Constant> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Element c : e.getEnclosedElements()) {
            if (c.getKind() == ElementKind.ENUM_CONSTANT) {
                String n = reader.witName(c.getSimpleName().toString(), c);
                String other = names.putIfAbsent(n, c.getSimpleName().toString());
                if (other != null) {
                    d.reportOn(c, Message.JF_NAME_CLASH, other, c.getSimpleName(), n);
                }
                out.add(new Constant(n, c.getSimpleName().toString(), docs.of(c)));
            }
        }
        if (out.isEmpty()) {
            d.reportOn(
                    e,
                    Message.JF_UNSUPPORTED_TYPE,
                    e.getQualifiedName(),
                    "an enum without constants has no WIT meaning; add a constant");
            return null;
        }
        return out;
    }

    private TypeDecl variant(TypeElement e) {
        List<Case> cases = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        boolean ok = true;
        for (TypeMirror p : e.getPermittedSubclasses()) {
            TypeElement c = (TypeElement) types.asElement(p);
            if (c.getKind() != ElementKind.RECORD || c.getRecordComponents().size() > 1) {
                d.reportOn(
                        c,
                        Message.JF_BAD_CASE,
                        c.getQualifiedName(),
                        c.getKind() == ElementKind.RECORD
                                ? ", not " + c.getRecordComponents().size()
                                : ", not a " + c.getKind().toString().toLowerCase(Locale.ROOT));
                ok = false;
                continue;
            }
            String n = reader.witName(c.getSimpleName().toString(), c);
            String other = names.putIfAbsent(n, c.getSimpleName().toString());
            if (other != null) {
                d.reportOn(c, Message.JF_NAME_CLASH, other, c.getSimpleName(), n);
            }
            if (c.getRecordComponents().isEmpty()) {
                cases.add(new Case(n, Optional.empty(), ClassName.get(c), Optional.empty(), docs.of(c)));
            } else {
                RecordComponentElement rc = c.getRecordComponents().get(0);
                Optional<String> t = type(rc.asType(), rc, rc, false, false);
                if (t.isEmpty()) {
                    ok = false;
                } else {
                    cases.add(new Case(
                            n,
                            t,
                            ClassName.get(c),
                            Optional.of(new Field(
                                    n,
                                    t.get(),
                                    rc.getSimpleName().toString(),
                                    JavaFirstReader.javaType(rc.asType()),
                                    "")),
                            docs.of(c)));
                }
            }
        }
        if (!ok) {
            return null;
        }
        if (cases.isEmpty()) {
            d.reportOn(e, Message.JF_BAD_CASE, e.getQualifiedName(), ": a variant needs at least one permitted record");
            return null;
        }
        return new JavaFirstInterface.VariantDecl(witNames.get(key(e, "type")), ClassName.get(e), cases, docs.of(e));
    }

    private TypeDecl resource(TypeElement e) {
        if (!reader.checkInterface(e, WitResource.class)) {
            return null;
        }
        return new JavaFirstInterface.ResourceDecl(
                witNames.get(key(e, "type")),
                ClassName.get(e),
                reader.functions(e, true),
                Optional.empty(),
                List.of(),
                docs.of(e));
    }
}
