package dev.wit4j.processor;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports, in one place. WIT-first ones are printed on the annotated
 * element (the {@code @WitWorld} annotation); Java-first ones ({@code JF_}) on the offending type,
 * method, parameter or record component. The text is a {@link String#format} pattern.
 */
public enum Message {
    /** The {@code wit} folder (or file) was not found; lists every place looked. */
    WIT_NOT_FOUND(
            Diagnostic.Kind.ERROR,
            "cannot find the WIT folder `%s` for world `%s`; looked in:%s%n"
                    + "Pass -Awit4j.projectDir=<project base directory> to javac, or give `wit` as an absolute path."),
    /** The {@code component} file was not found; lists every place looked. */
    COMPONENT_NOT_FOUND(
            Diagnostic.Kind.ERROR,
            "cannot find the component `%s` of world `%s`; looked in:%s%n"
                    + "Pass -Awit4j.projectDir=<project base directory> to javac, or give `component` as an absolute path."),
    /** The {@code component} file is not a valid component; the detail names what and where. */
    COMPONENT_INVALID(Diagnostic.Kind.ERROR, "the component `%s` is not valid: %s"),
    /** The component does not fit the world: an export missing, or an import the world does not have. */
    COMPONENT_MISMATCH(
            Diagnostic.Kind.ERROR,
            "the component `%s` does not fit world `%s`: %s%n"
                    + "Build the component from this world's WIT, or name the world it was built for."),
    /** Compiling the component at build time failed. */
    COMPONENT_NOT_COMPILED(Diagnostic.Kind.ERROR, "cannot compile the component `%s` into the application: %s"),
    /** Bindings from a component alone: the component's interface cannot be written as WIT. */
    COMPONENT_NOT_WIT(
            Diagnostic.Kind.ERROR,
            "cannot generate bindings from the component `%s` alone: %s%n"
                    + "Give the WIT it was built from in `wit`."),
    /** Bindings from a component alone need a world name to call the world by. */
    WORLD_NAME_INVALID(
            Diagnostic.Kind.ERROR,
            "`%s` is not a world name; with bindings read from the component alone, "
                    + "`world` names the world as `ns:pkg/world[@version]` or a bare `world` (kebab-case names)"),
    /** The WIT does not parse or resolve: one for each error, reading {@code file:line:col: message}. */
    WIT_INVALID(Diagnostic.Kind.ERROR, "invalid WIT: %s"),
    /** The named world does not exist. */
    UNKNOWN_WORLD(Diagnostic.Kind.ERROR, "%s; worlds found in `%s`: %s"),
    /** The {@code world} attribute is empty. */
    EMPTY_WORLD(
            Diagnostic.Kind.ERROR,
            "@WitWorld needs a world: `ns:pkg/world[@version]`, or a bare world name of the root package"),
    /**
     * A WIT construct the generator cannot map yet, at the WIT position of the function or type
     * declaring it ({@code file:line:col: }, empty for WIT read from a component).
     */
    NOT_SUPPORTED(Diagnostic.Kind.ERROR, "not supported yet: %s%s in %s"),
    /** Writing a generated file failed. */
    WRITE_FAILED(Diagnostic.Kind.ERROR, "cannot write generated file %s: %s"),
    /** The record of what the bindings were made from could not be written (a note: the bindings are fine). */
    INPUTS_NOT_RECORDED(
            Diagnostic.Kind.NOTE,
            "cannot record the WIT and component files these bindings were made from (%s): "
                    + "a change to those alone will not regenerate them; rebuild (mvn clean compile) after changing them"),
    /** A bug in the processor: reported instead of crashing javac. */
    INTERNAL_ERROR(Diagnostic.Kind.ERROR, "internal error in the wit4j processor (please report it): %s"),
    /** Summary after errors: nothing was generated for the world. */
    NOTHING_GENERATED(Diagnostic.Kind.NOTE, "no bindings were generated for world `%s` because of %d error(s) above"),
    /** An entry of {@code @WitWorld(with = …)} of the wrong form. */
    WITH_MALFORMED(
            Diagnostic.Kind.ERROR,
            "`with` entry `%s` is not `namespace:package/interface=java.Type`"
                    + " (for example `acme:log/logger=com.acme.log.Logger`)"),
    /** An entry of {@code @WitWorld(with = …)} naming an interface the WIT does not have. */
    WITH_UNKNOWN_INTERFACE(
            Diagnostic.Kind.ERROR,
            "`with` names interface `%s` (in `%s`), which the WIT does not"
                    + " declare; name an interface of the world's packages or their deps, with or without its version"),
    /** The wasi module's jar lists WIT files it does not hold. */
    SHIPPED_WIT_UNREADABLE(
            Diagnostic.Kind.WARNING,
            "the WASI WIT the wasi module ships (%s) cannot be read: %s;"
                    + " the world's folder must then hold the WASI packages it uses in its deps/ folder"),
    /** The world imports WASI, the wasi module is there, but the world's own interfaces use WASI types. */
    WASI_NOT_HOSTED(
            Diagnostic.Kind.NOTE,
            "the WASI interfaces world `%s` imports are generated for the application to"
                    + " implement, not left to the wasi module's WasiContext: %s (the host's WASI resources are other Java"
                    + " types than these bindings' would be); to have WasiContext define them, keep WASI types out of the"
                    + " world's own interfaces"),

    // Java-first (@WitInterface, @WitResource, @WitWorldOf)

    /** {@code @WitInterface} / {@code @WitResource} on something that is not a plain interface. */
    JF_NOT_AN_INTERFACE(
            Diagnostic.Kind.ERROR,
            "@%s needs a plain, non-generic Java interface, but `%s` is %s; declare it as `interface %s { ... }`"),
    /** The WIT package name is malformed. */
    JF_BAD_PACKAGE(
            Diagnostic.Kind.ERROR,
            "`%s` is not a WIT package name; write `namespace:package` or `namespace:package@1.0.0` (kebab-case)"),
    /** A Java name does not give a valid WIT identifier. */
    JF_BAD_NAME(
            Diagnostic.Kind.ERROR,
            "`%s` gives `%s`, which is not a WIT identifier (kebab-case words, each starting with a letter); rename it"),
    /** {@code Object} (or a type variable / wildcard bound to it) has no WIT meaning. */
    JF_OBJECT(
            Diagnostic.Kind.ERROR,
            "`%s` has no WIT meaning: WIT values have a static type; use a record, a sealed interface of records (variant) or a concrete type"),
    /** {@code Map} has no (stable) WIT meaning. */
    JF_MAP(
            Diagnostic.Kind.ERROR,
            "`%s` is not supported: WIT `map` is a gated feature; use `List<Tuple2<K, V>>` or a list of a record with a key and a value"),
    /** A boxed primitive outside a type argument. */
    JF_BOXED(
            Diagnostic.Kind.ERROR,
            "`%s` may be null, which WIT has no value for; use `%s`, or `Optional<%s>` for an absent value"),
    /** Java {@code char} (a UTF-16 unit). */
    JF_JAVA_CHAR(
            Diagnostic.Kind.ERROR,
            "`%s` is a UTF-16 unit, not a Unicode scalar value; use `@WitChar int` (a code point) for WIT `char`, or `String`"),
    /** Any other Java type without a WIT meaning. */
    JF_UNSUPPORTED_TYPE(Diagnostic.Kind.ERROR, "`%s` has no WIT meaning: %s"),
    /** Two methods with the same Java name. */
    JF_OVERLOADED(
            Diagnostic.Kind.ERROR,
            "overloaded method `%s`: WIT functions have unique names; rename one of the overloads"),
    /** A method with type parameters. */
    JF_GENERIC_METHOD(
            Diagnostic.Kind.ERROR, "generic method `%s`: WIT functions have no type parameters; use concrete types"),
    /** Two Java names that are the same in kebab-case. */
    JF_NAME_CLASH(Diagnostic.Kind.ERROR, "`%s` and `%s` are both `%s` in WIT; rename one of them"),
    /** A plain interface used as a value type. */
    JF_NOT_SEALED(
            Diagnostic.Kind.ERROR,
            "interface `%s` is not sealed: a WIT variant is a sealed interface whose permitted subclasses are records; make it `sealed` (or mark it @WitResource for a resource)"),
    /** A permitted subclass of a variant that is not a record of at most one component. */
    JF_BAD_CASE(
            Diagnostic.Kind.ERROR,
            "variant case `%s` must be a record with no component (a case without payload) or one component (the payload)%s"),
    /** A record component of an unsupported type (the detail is reported on the component). */
    JF_BAD_RECORD(Diagnostic.Kind.ERROR, "record `%s` cannot be a WIT record: %s"),
    /** Varargs. */
    JF_VARARGS(
            Diagnostic.Kind.ERROR,
            "varargs method `%s`: WIT has no variable arity; take a `List<T>` (or an array of numbers) instead"),
    /** Checked exceptions. */
    JF_CHECKED_EXCEPTION(
            Diagnostic.Kind.ERROR,
            "`%s` throws checked `%s`: a component cannot throw; return `Result<T, E>` with an error type instead (unchecked exceptions become traps)"),
    /** A recursive type. */
    JF_RECURSIVE(
            Diagnostic.Kind.ERROR,
            "`%s` refers to itself: WIT types cannot be recursive; use a resource, or an index into a list"),
    /** An annotation in a place where it means nothing. */
    JF_MISPLACED(Diagnostic.Kind.ERROR, "@%s does not apply to `%s`: %s"),
    /** A method of an exported Java-first resource that the generated handle class needs for itself. */
    JF_HANDLE_METHOD(
            Diagnostic.Kind.ERROR,
            "`%s` is exported by the component, so a generated handle class implements it, whose `close()` drops the handle and `handle()` returns it; rename method `%s`"),
    /** A {@code @WitConstructor} method that does not return a {@code @WitResource} type. */
    JF_BAD_CONSTRUCTOR(
            Diagnostic.Kind.ERROR,
            "@WitConstructor method `%s` returns `%s`, but a constructor returns the @WitResource interface it constructs; return that type, or drop the annotation for a plain function"),
    /** Two {@code @WitConstructor} methods for one resource. */
    JF_TWO_CONSTRUCTORS(
            Diagnostic.Kind.ERROR,
            "resource `%s` already has a constructor (`%s`); WIT allows one per resource: make `%s` a @WitStatic function"),
    /** {@code @WitStatic} naming a type that is not a {@code @WitResource} interface. */
    JF_BAD_STATIC(
            Diagnostic.Kind.ERROR,
            "@WitStatic(%s.class) on `%s`: static functions belong to a @WitResource interface; name one"),
    /** {@code @WitWorldOf} names a class that is not a {@code @WitInterface}. */
    JF_WORLD_MEMBER(
            Diagnostic.Kind.ERROR,
            "`%s` is not annotated @WitInterface; a world imports and exports @WitInterface interfaces"),
    /** A world member whose interface has errors. */
    JF_WORLD_MEMBER_INVALID(Diagnostic.Kind.ERROR, "`%s` has errors (reported on it); the world cannot be derived"),
    /** The derived WIT does not resolve (a bug, or a case the checks above miss). */
    JF_DERIVED_INVALID(Diagnostic.Kind.ERROR, "the WIT derived from `%s` is invalid (please report it): %s%n%s");

    private final Diagnostic.Kind kind;
    private final String format;

    Message(Diagnostic.Kind kind, String format) {
        this.kind = kind;
        this.format = format;
    }

    /** The diagnostic kind. */
    public Diagnostic.Kind kind() {
        return kind;
    }

    /** The message text for the given arguments. */
    public String format(Object... args) {
        return String.format(format, args);
    }
}
