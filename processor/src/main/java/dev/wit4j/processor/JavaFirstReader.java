package dev.wit4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.annotations.Borrow;
import dev.wit4j.annotations.WitConstructor;
import dev.wit4j.annotations.WitInterface;
import dev.wit4j.annotations.WitStatic;
import dev.wit4j.processor.model.JavaFirstInterface;
import dev.wit4j.processor.model.JavaFirstInterface.Field;
import dev.wit4j.processor.model.JavaFirstInterface.Function;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
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

    private final ProcessingEnvironment env;
    private final Types types;
    private final Diagnostics d;
    private final JavadocText docs;
    /** The WIT types of the Java types the interface uses. */
    private final JavaFirstTypes witTypes;
    /** The interface's {@code @WitConstructor} and {@code @WitStatic} methods. */
    private final List<ExecutableElement> resourceFunctions = new ArrayList<>();

    JavaFirstReader(ProcessingEnvironment env, Diagnostics d) {
        this.env = env;
        this.types = env.getTypeUtils();
        this.d = d;
        this.docs = new JavadocText(env.getElementUtils());
        this.witTypes = new JavaFirstTypes(this, types, d, docs);
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
    String witName(String java, Element at) {
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
            String type =
                    function ? witTypes.javaTypeNamed(kebab(m.getSimpleName().toString())) : null;
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
                witTypes.declared(),
                functions,
                docs.of(e)));
    }

    /**
     * The functions of interface or resource {@code e}; {@code @WitConstructor} and
     * {@code @WitStatic} methods of an interface are set aside for {@link #resourceFunction}.
     */
    List<Function> functions(TypeElement e, boolean resource) {
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
            if (!JavaFirstTypes.isResource(owner)) {
                d.reportOn(m, Message.JF_BAD_CONSTRUCTOR, m.getSimpleName(), owner);
                return;
            }
        } else {
            owner = staticOwner(m);
            if (!JavaFirstTypes.isResource(owner)) {
                d.reportOn(m, Message.JF_BAD_STATIC, owner, m.getSimpleName());
                return;
            }
        }
        TypeElement res = (TypeElement) types.asElement(owner);
        if (witTypes.named(res, m).isEmpty()) {
            return;
        }
        String key = JavaFirstTypes.key(res, "type");
        String wit = constructor ? "constructor" : witName(m.getSimpleName().toString(), m);
        Optional<Function> f = function(m, wit);
        if (f.isEmpty() || !(witTypes.declaration(key) instanceof JavaFirstInterface.ResourceDecl r)) {
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
        witTypes.redeclare(
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
            Optional<String> t = witTypes.type(p.asType(), p, p, borrow, false);
            if (t.isEmpty()) {
                ok = false;
            } else {
                params.add(new Field(pn, t.get(), p.getSimpleName().toString(), javaType(p.asType()), ""));
            }
        }
        Optional<String> result = Optional.empty();
        if (m.getReturnType().getKind() != TypeKind.VOID) {
            result = witTypes.type(m.getReturnType(), m, m, false, false);
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
}
