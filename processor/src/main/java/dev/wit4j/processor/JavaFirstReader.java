package dev.wit4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.annotations.Borrow;
import dev.wit4j.annotations.Unsigned;
import dev.wit4j.annotations.WitChar;
import dev.wit4j.annotations.WitConstructor;
import dev.wit4j.annotations.WitInterface;
import dev.wit4j.annotations.WitResource;
import dev.wit4j.annotations.WitStatic;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.processor.model.JavaFirstInterface.Case;
import dev.wit4j.processor.model.JavaFirstInterface.Constant;
import dev.wit4j.processor.model.JavaFirstInterface.Field;
import dev.wit4j.processor.model.JavaFirstInterface.Function;
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
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The Java-first parse step: reads a {@link WitInterface} Java interface and builds the
 * {@link JavaFirstInterface} model, reporting every Java shape without a WIT meaning on the
 * offending element (and carrying on, so that all of them are reported).
 */
final class JavaFirstReader {
    private static final Pattern PACKAGE =
            Pattern.compile("[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*:[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*(@[0-9A-Za-z.+-]+)?");
    private static final Pattern IDENT = Pattern.compile("[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*");
    private static final String RESULT = Result.class.getCanonicalName();
    private static final String TUPLE = Result.class.getPackageName() + ".Tuple";

    private final ProcessingEnvironment env;
    private final Types types;
    private final Diagnostics d;
    private final JavadocText docs;
    /** Declared WIT types by Java type, in declaration order (each after what it uses). */
    private final Map<String, TypeDecl> declared = new LinkedHashMap<>();

    private final Map<String, String> witNames = new HashMap<>();
    private final Map<String, String> javaByWitName = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    /** The interface's {@code @WitConstructor} and {@code @WitStatic} methods. */
    private final List<ExecutableElement> resourceFunctions = new ArrayList<>();
    /** Types already found invalid (reported once). */
    private final Set<String> invalid = new HashSet<>();

    JavaFirstReader(ProcessingEnvironment env, Diagnostics d) {
        this.env = env;
        this.types = env.getTypeUtils();
        this.d = d;
        this.docs = new JavadocText(env.getElementUtils());
    }

    /** Kebab-case of a Java name ({@code readAll} → {@code read-all}, {@code HTTPServer} → {@code http-server}, {@code WOULD_BLOCK} → {@code would-block}). */
    static String kebab(String java) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '_' || c == '$') {
                sb.append('-');
                continue;
            }
            if (Character.isUpperCase(c) && i > 0) {
                char prev = java.charAt(i - 1);
                boolean nextLower = i + 1 < java.length() && Character.isLowerCase(java.charAt(i + 1));
                if (Character.isLowerCase(prev)
                        || Character.isDigit(prev)
                        || (Character.isUpperCase(prev) && nextLower)) {
                    sb.append('-');
                }
            }
            sb.append(Character.toLowerCase(c));
        }
        String s = sb.toString().replaceAll("-+", "-");
        s = s.startsWith("-") ? s.substring(1) : s;
        return s.endsWith("-") ? s.substring(0, s.length() - 1) : s.toLowerCase(Locale.ROOT);
    }

    /** The Java type of a declaration as the bindings spell it: without its type annotations. */
    static TypeName javaType(TypeMirror t) {
        return plain(TypeName.get(t));
    }

    private static TypeName plain(TypeName t) {
        if (t instanceof ParameterizedTypeName p) {
            return ParameterizedTypeName.get(
                    p.rawType().withoutAnnotations(),
                    p.typeArguments().stream().map(JavaFirstReader::plain).toArray(TypeName[]::new));
        } else if (t instanceof ArrayTypeName a) {
            return ArrayTypeName.of(plain(a.componentType()));
        }
        return t.withoutAnnotations();
    }

    /** The WIT name of a Java name, reporting it on {@code at} when it is not a WIT identifier. */
    private String witName(String java, Element at) {
        String k = kebab(java);
        if (!IDENT.matcher(k).matches()) {
            d.reportOn(at, Message.JF_BAD_NAME, java, k);
        }
        return k;
    }

    /** Whether {@code e} is a plain interface (reports it when not). */
    boolean checkInterface(TypeElement e, Class<? extends Annotation> ann) {
        if (e.getKind() != ElementKind.INTERFACE || !e.getTypeParameters().isEmpty()) {
            String what = e.getKind() == ElementKind.INTERFACE
                    ? "generic"
                    : "a " + e.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            d.reportOn(
                    e, Message.JF_NOT_AN_INTERFACE, ann.getSimpleName(), e.getQualifiedName(), what, e.getSimpleName());
            return false;
        }
        return true;
    }

    /** The WIT package and interface name of a {@code @WitInterface} type (the name without checks). */
    static String interfaceName(TypeElement e) {
        WitInterface ann = e.getAnnotation(WitInterface.class);
        return ann.name().isEmpty() ? kebab(e.getSimpleName().toString()) : ann.name();
    }

    Optional<JavaFirstInterface> read(TypeElement e) {
        int before = d.errorCount();
        WitInterface ann = e.getAnnotation(WitInterface.class);
        if (!checkInterface(e, WitInterface.class)) {
            return Optional.empty();
        }
        if (!PACKAGE.matcher(ann.packageName()).matches()) {
            d.reportOn(e, Message.JF_BAD_PACKAGE, ann.packageName());
        }
        String name = interfaceName(e);
        if (!IDENT.matcher(name).matches()) {
            d.reportOn(e, Message.JF_BAD_NAME, e.getSimpleName(), name);
        }
        List<Function> functions = functions(e, false);
        for (ExecutableElement m : resourceFunctions) {
            resourceFunction(m);
        }
        // Types and functions share the interface's namespace in WIT.
        for (ExecutableElement m : ElementFilter.methodsIn(env.getElementUtils().getAllMembers(e))) {
            boolean function = m.getModifiers().contains(Modifier.ABSTRACT)
                    && m.getAnnotation(WitConstructor.class) == null
                    && m.getAnnotation(WitStatic.class) == null;
            String type = function ? javaByWitName.get(kebab(m.getSimpleName().toString())) : null;
            if (type != null) {
                d.reportOn(
                        m,
                        Message.JF_NAME_CLASH,
                        type,
                        m.getSimpleName(),
                        kebab(m.getSimpleName().toString()));
            }
        }
        if (d.errorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new JavaFirstInterface(
                e.getQualifiedName().toString(),
                ClassName.get(e),
                ann.packageName(),
                name,
                new ArrayList<>(declared.values()),
                functions,
                docs.of(e)));
    }

    /**
     * The functions of interface or resource {@code e}; {@code @WitConstructor} and
     * {@code @WitStatic} methods of an interface are set aside for {@link #resourceFunction}.
     */
    private List<Function> functions(TypeElement e, boolean resource) {
        List<Function> out = new ArrayList<>();
        Map<String, ExecutableElement> byJava = new HashMap<>();
        Map<String, ExecutableElement> byWit = new HashMap<>();
        for (ExecutableElement m : ElementFilter.methodsIn(env.getElementUtils().getAllMembers(e))) {
            // Default and static methods are Java-side helpers: not part of the WIT interface.
            if (!m.getModifiers().contains(Modifier.ABSTRACT)) {
                continue;
            }
            String javaName = m.getSimpleName().toString();
            if (resource && isLifetimeClose(e, m)) {
                // the resource's lifetime, not a WIT method: an exported resource's handle class
                // drops its handle there, and a host object is closed when the component drops it
                continue;
            }
            if (byJava.containsKey(javaName)) {
                d.reportOn(m, Message.JF_OVERLOADED, javaName);
                continue;
            }
            byJava.put(javaName, m);
            if (m.getAnnotation(WitConstructor.class) != null || m.getAnnotation(WitStatic.class) != null) {
                if (resource) {
                    d.reportOn(
                            m,
                            Message.JF_MISPLACED,
                            m.getAnnotation(WitConstructor.class) != null ? "WitConstructor" : "WitStatic",
                            javaName,
                            "declare constructors and static functions on the @WitInterface that uses the resource, "
                                    + "so that implementations of that interface provide them");
                } else {
                    resourceFunctions.add(m);
                }
                continue;
            }
            String wit = witName(javaName, m);
            ExecutableElement other = byWit.putIfAbsent(wit, m);
            if (other != null) {
                d.reportOn(m, Message.JF_NAME_CLASH, other.getSimpleName(), javaName, wit);
            }
            function(m, wit).ifPresent(out::add);
        }
        return out;
    }

    /**
     * A {@code @WitConstructor} or {@code @WitStatic} method: the constructor or a static function
     * of the resource as declared in this interface.
     */
    private void resourceFunction(ExecutableElement m) {
        boolean constructor = m.getAnnotation(WitConstructor.class) != null;
        TypeMirror owner;
        if (constructor) {
            if (m.getAnnotation(WitStatic.class) != null) {
                d.reportOn(
                        m,
                        Message.JF_MISPLACED,
                        "WitStatic",
                        m.getSimpleName(),
                        "a method is a constructor or a static function, not both");
                return;
            }
            owner = m.getReturnType();
            if (!isResource(owner)) {
                d.reportOn(m, Message.JF_BAD_CONSTRUCTOR, m.getSimpleName(), owner);
                return;
            }
        } else {
            owner = staticOwner(m);
            if (!isResource(owner)) {
                d.reportOn(m, Message.JF_BAD_STATIC, owner, m.getSimpleName());
                return;
            }
        }
        TypeElement res = (TypeElement) types.asElement(owner);
        if (named(res, m).isEmpty()) {
            return;
        }
        String key = key(res, "type");
        String wit = constructor ? "constructor" : witName(m.getSimpleName().toString(), m);
        Optional<Function> f = function(m, wit);
        if (f.isEmpty() || !(declared.get(key) instanceof JavaFirstInterface.ResourceDecl r)) {
            return;
        }
        if (constructor && r.constructor().isPresent()) {
            d.reportOn(
                    m,
                    Message.JF_TWO_CONSTRUCTORS,
                    r.name(),
                    r.constructor().get().javaName(),
                    m.getSimpleName());
            return;
        }
        List<Function> statics = new ArrayList<>(r.statics());
        if (!constructor) {
            for (Function other : concat(r.methods(), r.statics())) {
                if (other.name().equals(wit)) {
                    d.reportOn(m, Message.JF_NAME_CLASH, other.javaName(), m.getSimpleName(), r.name() + "." + wit);
                    return;
                }
            }
            statics.add(f.get());
        }
        declared.put(
                key,
                new JavaFirstInterface.ResourceDecl(
                        r.name(), r.javaType(), r.methods(), constructor ? f : r.constructor(), statics, r.docs()));
    }

    private static List<Function> concat(List<Function> a, List<Function> b) {
        List<Function> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The class named by {@code @WitStatic} on {@code m}. */
    private static TypeMirror staticOwner(ExecutableElement m) {
        for (AnnotationMirror a : m.getAnnotationMirrors()) {
            if (a.getAnnotationType().toString().equals(WitStatic.class.getCanonicalName())) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v :
                        a.getElementValues().entrySet()) {
                    return (TypeMirror) v.getValue().getValue();
                }
            }
        }
        throw new IllegalStateException("no @WitStatic on " + m);
    }

    /** {@code close()} of a resource interface that extends {@code AutoCloseable}. */
    private boolean isLifetimeClose(TypeElement resource, ExecutableElement m) {
        TypeMirror closeable = env.getElementUtils()
                .getTypeElement(AutoCloseable.class.getCanonicalName())
                .asType();
        return m.getSimpleName().contentEquals("close")
                && m.getParameters().isEmpty()
                && m.getReturnType().getKind() == TypeKind.VOID
                && types.isAssignable(resource.asType(), closeable);
    }

    private Optional<Function> function(ExecutableElement m, String wit) {
        boolean ok = true;
        if (!m.getTypeParameters().isEmpty()) {
            d.reportOn(m, Message.JF_GENERIC_METHOD, m.getSimpleName());
            ok = false;
        }
        if (m.isVarArgs()) {
            d.reportOn(m, Message.JF_VARARGS, m.getSimpleName());
            ok = false;
        }
        for (TypeMirror t : m.getThrownTypes()) {
            if (isChecked(t)) {
                d.reportOn(m, Message.JF_CHECKED_EXCEPTION, m.getSimpleName(), t);
                ok = false;
            }
        }
        List<Field> params = new ArrayList<>();
        Map<String, String> paramNames = new HashMap<>();
        for (VariableElement p : m.getParameters()) {
            String pn = witName(p.getSimpleName().toString(), p);
            String clash = paramNames.putIfAbsent(pn, p.getSimpleName().toString());
            if (clash != null) {
                d.reportOn(p, Message.JF_NAME_CLASH, clash, p.getSimpleName(), pn);
            }
            boolean borrow = p.getAnnotation(Borrow.class) != null;
            Optional<String> t = type(p.asType(), p, p, borrow, false);
            if (t.isEmpty()) {
                ok = false;
            } else {
                params.add(new Field(pn, t.get(), p.getSimpleName().toString(), javaType(p.asType()), ""));
            }
        }
        Optional<String> result = Optional.empty();
        if (m.getReturnType().getKind() != TypeKind.VOID) {
            result = type(m.getReturnType(), m, m, false, false);
            if (result.isEmpty()) {
                ok = false;
            }
        }
        Optional<TypeName> javaResult = m.getReturnType().getKind() == TypeKind.VOID
                ? Optional.empty()
                : Optional.of(javaType(m.getReturnType()));
        return ok
                ? Optional.of(
                        new Function(wit, params, result, m.getSimpleName().toString(), javaResult, docs.of(m)))
                : Optional.empty();
    }

    private boolean isChecked(TypeMirror t) {
        TypeMirror runtime = env.getElementUtils()
                .getTypeElement("java.lang.RuntimeException")
                .asType();
        TypeMirror error =
                env.getElementUtils().getTypeElement("java.lang.Error").asType();
        return !types.isAssignable(t, runtime) && !types.isAssignable(t, error);
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
    private Optional<String> type(TypeMirror t, Element at, Element annotated, boolean borrow, boolean inArg) {
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

    private static boolean isResource(TypeMirror t) {
        return t.getKind() == TypeKind.DECLARED
                && ((DeclaredType) t).asElement().getAnnotation(WitResource.class) != null;
    }

    private static String key(TypeElement e, String kind) {
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
                    : witName(e.getSimpleName().toString(), e);
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

    private Optional<String> named(TypeElement e, Element at) {
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
            String n = witName(c.getSimpleName().toString(), c);
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
                        javaType(c.asType()),
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
                String n = witName(c.getSimpleName().toString(), c);
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
            String n = witName(c.getSimpleName().toString(), c);
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
                            Optional.of(
                                    new Field(n, t.get(), rc.getSimpleName().toString(), javaType(rc.asType()), "")),
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
        if (!checkInterface(e, WitResource.class)) {
            return null;
        }
        return new JavaFirstInterface.ResourceDecl(
                witNames.get(key(e, "type")),
                ClassName.get(e),
                functions(e, true),
                Optional.empty(),
                List.of(),
                docs.of(e));
    }
}
