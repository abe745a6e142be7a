package example.types;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExportedInstance;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.LinkerInstance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple1;
import dev.wit4j.runtime.types.Tuple3;
import dev.wit4j.runtime.types.ValueConversions;
import dev.wit4j.runtime.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * World {@code test:types/types@1.2.0}: instantiates a component of this world with the host's implementations of
 * its imports and calls its exports with Java values.
 *
 * <pre>{@code
 * Types w = Types.instantiate(Engine.create(), Path.of("types.wasm"), imports);
 * }</pre>
 *
 * <p>{@link Types.Imports} bundles the implementations of the imports; an exception thrown by one
 * traps the calling component (a {@link Trap}).
 *
 * <p>The world's exported functions are methods of this class; exported interfaces are reached
 * through their accessors.
 *
 * <p><b>Not thread-safe:</b> like its {@link Instance}, use it from one thread at a time.
 *
 * <p>Values cross the boundary through the runtime's dynamic {@link Value} (conversion code generated
 * per function); it will be replaced by code that lifts and lowers directly through the canonical ABI.
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
@SuppressWarnings("deprecation")
public final class Types implements TypesExports {
    private final Instance instance;

    private final Func fnRun;

    private final ShapesExportImpl shapesExport;

    /**
     * An object without component instance: it only owns the handle tables of the host functions
     * that {@link #link} defines.
     */
    private Types() {
        this.instance = null;
        this.fnRun = null;
        this.shapesExport = null;
    }

    private Types(Engine engine, Component component, Imports imports) {
        Linker linker = engine.linker();
        linkImports(linker, imports);
        this.instance = linker.instantiate(component);
        this.fnRun = instance.func("run");
        this.shapesExport = new ShapesExportImpl(instance.exportedInstance("test:types/shapes@1.2.0"));
    }

    private Types(Linker linker, Component component) {
        this.instance = linker.instantiate(component);
        this.fnRun = instance.func("run");
        this.shapesExport = new ShapesExportImpl(instance.exportedInstance("test:types/shapes@1.2.0"));
    }

    /**
     * Defines the host's implementations of the imports of world {@code test:types/types@1.2.0} in {@code linker}, which
     * may define further imports of a component; the {@code instantiate} factories link the same way.
     *
     * <pre>{@code
     * Linker linker = engine.linker();
     * Types.link(linker, imports).func("log", args -> Optional.empty());
     * Instance instance = linker.instantiate(component);
     * }</pre>
     *
     * <p>Each call defines new resource types for the imported resources, distinct from those of
     * other calls and of the instances that the factories create.
     *
     * @param linker the linker to define the imports in
     * @param imports the implementations
     * @return {@code linker}, for chaining
     * @throws IllegalArgumentException if {@code linker} already defines one of these functions or resources
     */
    public static Linker link(Linker linker, Imports imports) {
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(imports, "imports");
        new Types().linkImports(linker, imports);
        return linker;
    }

    /**
     * Instantiates {@code component} (loaded by {@code engine}) with the host's implementations of the imports.
     *
     * @throws LinkException if the component does not match the world (an import cannot be satisfied)
     * @throws java.util.NoSuchElementException if it lacks an export of the world
     * @throws Trap if its start code traps
     */
    public static Types instantiate(Engine engine, Component component, Imports imports) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(imports, "imports");
        return new Types(engine, component, imports);
    }

    /**
     * Loads the component file {@code wasm} and instantiates it.
     */
    public static Types instantiate(Engine engine, Path wasm, Imports imports) {
        return instantiate(engine, engine.load(wasm), imports);
    }

    /**
     * Loads the component binary {@code wasm} and instantiates it.
     */
    public static Types instantiate(Engine engine, byte[] wasm, Imports imports) {
        return instantiate(engine, engine.load(wasm), imports);
    }

    /**
     * Instantiates {@code component} with the imports defined in {@code linker}, whatever defines
     * them: the {@code link} method of this or another world class (Java implementations), another
     * component instance's exports ({@link Linker#instance(String, ExportedInstance)}), WASI, host functions. This is how
     * a Java implementation stands in for a component (virtualisation): link it where the other
     * component's export would go; the canonical ABI applies at the boundary either way.
     *
     * @throws LinkException if an import is missing or does not match
     * @throws java.util.NoSuchElementException if the component lacks an export of the world
     * @throws Trap if its start code traps
     */
    public static Types instantiate(Linker linker, Component component) {
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(component, "component");
        return new Types(linker, component);
    }

    /**
     * Loads the component file {@code wasm} with a new default engine and instantiates it.
     * Create one {@link Engine} and share it when loading several components.
     */
    public static Types instantiate(Path wasm, Imports imports) {
        Engine engine = Engine.create();
        return instantiate(engine, engine.load(wasm), imports);
    }

    /**
     * The component instance, for the dynamic API ({@link Instance#func(String)} and friends).
     */
    public Instance instance() {
        return instance;
    }

    /**
     * The component's export {@code test:types/shapes@1.2.0}, calling into this instance.
     */
    public ShapesExport shapesExport() {
        return shapesExport;
    }

    @Override
    public int run(List<String> args) {
        Value _v = fnRun.call(new Value.ListValue(args.stream().<Value>map(_e0 -> new Value.Str(_e0)).toList())).orElseThrow();
        return ((Value.S32) _v).value();
    }

    /**
     * Defines all imports in {@code linker}, their resources backed by this object's handle tables.
     */
    private void linkImports(Linker linker, Imports imports) {
        linkShapes(linker, imports.shapes);
        linkTypesImports(linker, imports.typesImports);
    }

    /**
     * Defines the import {@code test:types/shapes@1.2.0} in {@code linker}.
     */
    private void linkShapes(Linker linker, Shapes impl) {
        LinkerInstance li = linker.instance("test:types/shapes@1.2.0");
        li.func("area", _args -> {
            try {
                double _r = impl.area(shapesShapeFromValue(_args.get(0)));
                return Optional.of(new Value.F64(_r));
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#area", _e);
            }
        });
        li.func("lists", _args -> {
            try {
                impl.lists(ValueConversions.u8sFromValue(_args.get(0)), ValueConversions.u16sFromValue(_args.get(1)), ValueConversions.s32sFromValue(_args.get(2)), ValueConversions.u64sFromValue(_args.get(3)), ValueConversions.f32sFromValue(_args.get(4)), ValueConversions.elements(_args.get(5)).stream().<String>map(_e0 -> ((Value.Str) _e0).value()).toList(), ValueConversions.elements(_args.get(6)).stream().<Boolean>map(_e0 -> ((Value.Bool) _e0).value()).toList(), ValueConversions.elements(_args.get(7)).stream().<Integer>map(_e0 -> ((Value.Char) _e0).codePoint()).toList());
                return Optional.empty();
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#lists", _e);
            }
        });
        li.func("options", _args -> {
            try {
                Optional<Shapes.Point> _r = impl.options(((Value.OptionValue) _args.get(0)).value().<Integer>map(_e0 -> ((Value.U32) _e0).value()), ((Value.OptionValue) _args.get(1)).value().<Optional<String>>map(_e0 -> ((Value.OptionValue) _e0).value().<String>map(_e1 -> ((Value.Str) _e1).value())));
                return Optional.of(_r.<Value>map(_e0 -> Value.some(shapesPointToValue(_e0))).orElse(Value.none()));
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#options", _e);
            }
        });
        li.func("results", _args -> {
            try {
                Result<List<Shapes.Point>, Shapes.Color> _r = impl.results(ValueConversions.<Void, Void>resultFromValue(_args.get(0), null, null), ValueConversions.<Byte, Void>resultFromValue(_args.get(1), _e0 -> ((Value.U8) _e0).value(), null), ValueConversions.<Void, String>resultFromValue(_args.get(2), null, _e0 -> ((Value.Str) _e0).value()));
                return Optional.of(ValueConversions.resultToValue(_r, _e0 -> new Value.ListValue(_e0.stream().<Value>map(_e1 -> shapesPointToValue(_e1)).toList()), _e0 -> shapesColorToValue(_e0)));
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#results", _e);
            }
        });
        li.func("tuples", _args -> {
            try {
                Tuple1<Boolean> _r = impl.tuples(new Tuple3<Byte, Short, String>(((Value.U8) ((Value.TupleValue) _args.get(0)).elements().get(0)).value(), ((Value.S16) ((Value.TupleValue) _args.get(0)).elements().get(1)).value(), ((Value.Str) ((Value.TupleValue) _args.get(0)).elements().get(2)).value()));
                return Optional.of(Value.tuple(Value.bool(_r.first())));
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#tuples", _e);
            }
        });
        li.func("set-permissions", _args -> {
            try {
                Set<Shapes.Permissions> _r = impl.setPermissions(shapesPermissionsFromValue(_args.get(0)));
                return Optional.of(shapesPermissionsToValue(_r));
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#set-permissions", _e);
            }
        });
        li.func("old-thing", _args -> {
            try {
                impl.oldThing();
                return Optional.empty();
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#old-thing", _e);
            }
        });
    }

    /**
     * Defines the world's own imports in {@code linker}.
     */
    private void linkTypesImports(Linker linker, TypesImports impl) {
        linker.func("log", _args -> {
            try {
                impl.log(((Value.Str) _args.get(0)).value());
                return Optional.empty();
            } catch (RuntimeException _e) {
                throw hostTrap("log", _e);
            }
        });
    }

    /**
     * An exception thrown by host code, as the trap the calling component sees (the exception
     * is attached as suppressed).
     */
    private static Trap hostTrap(String function, RuntimeException e) {
        if (e instanceof Trap t) {
            return t;
        }
        Trap t = new Trap(Trap.Reason.CORE_TRAP, "host implementation of `" + function + "` threw " + e);
        t.addSuppressed(e);
        return t;
    }

    private Shapes.Shape shapesShapeFromValue(Value v) {
        Value.VariantValue x = (Value.VariantValue) v;
        return switch (x.caseName()) {
            case "circle" -> new Shapes.Shape.Circle(((Value.F32) x.payload().orElseThrow()).value());
            case "polygon" -> new Shapes.Shape.Polygon(ValueConversions.elements(x.payload().orElseThrow()).stream().<Shapes.Point>map(_e0 -> shapesPointFromValue(_e0)).toList());
            case "empty" -> new Shapes.Shape.Empty();
            default -> throw new IllegalArgumentException("unknown case of variant `shape`: " + x.caseName());
        };
    }

    private Value shapesPointToValue(Shapes.Point v) {
        return Value.recordBuilder()
            .field("x", new Value.F64(v.x()))
            .field("y", new Value.F64(v.y()))
            .build();
    }

    private Value shapesColorToValue(Shapes.Color v) {
        return new Value.EnumValue(switch (v) {
            case RED -> "red";
            case DARK_GREEN -> "dark-green";
            case HTTP_BLUE -> "HTTP-blue";
        });
    }

    private Set<Shapes.Permissions> shapesPermissionsFromValue(Value v) {
        Value.FlagsValue flags = (Value.FlagsValue) v;
        Set<Shapes.Permissions> set = EnumSet.noneOf(Shapes.Permissions.class);
        if (flags.isSet("read")) {
            set.add(Shapes.Permissions.READ);
        }
        if (flags.isSet("write")) {
            set.add(Shapes.Permissions.WRITE);
        }
        if (flags.isSet("exec")) {
            set.add(Shapes.Permissions.EXEC);
        }
        return set;
    }

    private Value shapesPermissionsToValue(Set<Shapes.Permissions> v) {
        Set<String> names = new LinkedHashSet<>();
        if (v.contains(Shapes.Permissions.READ)) {
            names.add("read");
        }
        if (v.contains(Shapes.Permissions.WRITE)) {
            names.add("write");
        }
        if (v.contains(Shapes.Permissions.EXEC)) {
            names.add("exec");
        }
        return new Value.FlagsValue(names);
    }

    private Value shapesExportShapeToValue(ShapesExport.Shape v) {
        if (v instanceof ShapesExport.Shape.Circle c) {
            return Value.variant("circle", new Value.F32(c.value()));
        }
        if (v instanceof ShapesExport.Shape.Polygon c) {
            return Value.variant("polygon", new Value.ListValue(c.value().stream().<Value>map(_e0 -> shapesExportPointToValue(_e0)).toList()));
        }
        if (v instanceof ShapesExport.Shape.Empty) {
            return Value.variant("empty");
        }
        throw new NullPointerException("variant `shape` is null");
    }

    private ShapesExport.Point shapesExportPointFromValue(Value v) {
        Value.RecordValue r = (Value.RecordValue) v;
        return new ShapesExport.Point(
            ((Value.F64) ValueConversions.field(r, "x")).value(),
            ((Value.F64) ValueConversions.field(r, "y")).value());
    }

    private ShapesExport.Color shapesExportColorFromValue(Value v) {
        String name = ((Value.EnumValue) v).caseName();
        return switch (name) {
            case "red" -> ShapesExport.Color.RED;
            case "dark-green" -> ShapesExport.Color.DARK_GREEN;
            case "HTTP-blue" -> ShapesExport.Color.HTTP_BLUE;
            default -> throw new IllegalArgumentException("unknown case of enum `color`: " + name);
        };
    }

    private Value shapesExportPermissionsToValue(Set<ShapesExport.Permissions> v) {
        Set<String> names = new LinkedHashSet<>();
        if (v.contains(ShapesExport.Permissions.READ)) {
            names.add("read");
        }
        if (v.contains(ShapesExport.Permissions.WRITE)) {
            names.add("write");
        }
        if (v.contains(ShapesExport.Permissions.EXEC)) {
            names.add("exec");
        }
        return new Value.FlagsValue(names);
    }

    private Set<ShapesExport.Permissions> shapesExportPermissionsFromValue(Value v) {
        Value.FlagsValue flags = (Value.FlagsValue) v;
        Set<ShapesExport.Permissions> set = EnumSet.noneOf(ShapesExport.Permissions.class);
        if (flags.isSet("read")) {
            set.add(ShapesExport.Permissions.READ);
        }
        if (flags.isSet("write")) {
            set.add(ShapesExport.Permissions.WRITE);
        }
        if (flags.isSet("exec")) {
            set.add(ShapesExport.Permissions.EXEC);
        }
        return set;
    }

    private Shapes.Point shapesPointFromValue(Value v) {
        Value.RecordValue r = (Value.RecordValue) v;
        return new Shapes.Point(
            ((Value.F64) ValueConversions.field(r, "x")).value(),
            ((Value.F64) ValueConversions.field(r, "y")).value());
    }

    private Value shapesExportPointToValue(ShapesExport.Point v) {
        return Value.recordBuilder()
            .field("x", new Value.F64(v.x()))
            .field("y", new Value.F64(v.y()))
            .build();
    }

    /**
     * Calls into the component's export {@code test:types/shapes@1.2.0}.
     */
    private final class ShapesExportImpl implements ShapesExport {
        private final Func fnArea;

        private final Func fnLists;

        private final Func fnOptions;

        private final Func fnResults;

        private final Func fnTuples;

        private final Func fnSetPermissions;

        private final Func fnOldThing;

        ShapesExportImpl(ExportedInstance exports) {
            this.fnArea = exports.func("area");
            this.fnLists = exports.func("lists");
            this.fnOptions = exports.func("options");
            this.fnResults = exports.func("results");
            this.fnTuples = exports.func("tuples");
            this.fnSetPermissions = exports.func("set-permissions");
            this.fnOldThing = exports.func("old-thing");
        }

        @Override
        public double area(ShapesExport.Shape s) {
            Value _v = fnArea.call(shapesExportShapeToValue(s)).orElseThrow();
            return ((Value.F64) _v).value();
        }

        @Override
        public void lists(byte[] a, short[] b, int[] c, long[] d, float[] e, List<String> f,
                List<Boolean> g, List<Integer> h) {
            fnLists.call(new Value.ListValue(ValueConversions.u8sToValue(a)), new Value.ListValue(ValueConversions.u16sToValue(b)), new Value.ListValue(ValueConversions.s32sToValue(c)), new Value.ListValue(ValueConversions.u64sToValue(d)), new Value.ListValue(ValueConversions.f32sToValue(e)), new Value.ListValue(f.stream().<Value>map(_e0 -> new Value.Str(_e0)).toList()), new Value.ListValue(g.stream().<Value>map(_e0 -> Value.bool(_e0)).toList()), new Value.ListValue(h.stream().<Value>map(_e0 -> new Value.Char(_e0)).toList()));
        }

        @Override
        public Optional<ShapesExport.Point> options(Optional<Integer> a,
                Optional<Optional<String>> b) {
            Value _v = fnOptions.call(a.<Value>map(_e0 -> Value.some(new Value.U32(_e0))).orElse(Value.none()), b.<Value>map(_e0 -> Value.some(_e0.<Value>map(_e1 -> Value.some(new Value.Str(_e1))).orElse(Value.none()))).orElse(Value.none())).orElseThrow();
            return ((Value.OptionValue) _v).value().<ShapesExport.Point>map(_e0 -> shapesExportPointFromValue(_e0));
        }

        @Override
        public Result<List<ShapesExport.Point>, ShapesExport.Color> results(Result<Void, Void> a,
                Result<Byte, Void> b, Result<Void, String> c) {
            Value _v = fnResults.call(ValueConversions.resultToValue(a, null, null), ValueConversions.resultToValue(b, _e0 -> new Value.U8(_e0), null), ValueConversions.resultToValue(c, null, _e0 -> new Value.Str(_e0))).orElseThrow();
            return ValueConversions.<List<ShapesExport.Point>, ShapesExport.Color>resultFromValue(_v, _e0 -> ValueConversions.elements(_e0).stream().<ShapesExport.Point>map(_e1 -> shapesExportPointFromValue(_e1)).toList(), _e0 -> shapesExportColorFromValue(_e0));
        }

        @Override
        public Tuple1<Boolean> tuples(Tuple3<Byte, Short, String> a) {
            Value _v = fnTuples.call(Value.tuple(new Value.U8(a.first()), new Value.S16(a.second()), new Value.Str(a.third()))).orElseThrow();
            return new Tuple1<Boolean>(((Value.Bool) ((Value.TupleValue) _v).elements().get(0)).value());
        }

        @Override
        public Set<ShapesExport.Permissions> setPermissions(Set<ShapesExport.Permissions> p) {
            Value _v = fnSetPermissions.call(shapesExportPermissionsToValue(p)).orElseThrow();
            return shapesExportPermissionsFromValue(_v);
        }

        @Override
        public void oldThing() {
            fnOldThing.call();
        }
    }

    /**
     * The host's implementations of the imports of world {@code test:types/types@1.2.0}; build with {@link #builder()}.
     */
    public static final class Imports {
        private final Shapes shapes;

        private final TypesImports typesImports;

        private Imports(Builder b) {
            this.shapes = b.shapes;
            this.typesImports = b.typesImports;
        }

        /**
         * A builder with no implementation set.
         */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Collects the implementations; {@link #build()} checks that none is missing.
         */
        public static final class Builder {
            private Shapes shapes;

            private TypesImports typesImports;

            private Builder() {
            }

            /**
             * Sets the implementation of imported interface {@code test:types/shapes@1.2.0}.
             */
            public Builder shapes(Shapes implementation) {
                this.shapes = Objects.requireNonNull(implementation, "shapes");
                return this;
            }

            /**
             * Sets the implementation of the functions that the world imports directly.
             */
            public Builder typesImports(TypesImports implementation) {
                this.typesImports = Objects.requireNonNull(implementation, "typesImports");
                return this;
            }

            /**
             * The imports.
             *
             * @throws IllegalStateException naming every import without implementation
             */
            public Imports build() {
                List<String> missing = new ArrayList<>();
                if (shapes == null) {
                    missing.add("imported interface `test:types/shapes@1.2.0` (Shapes): call shapes(...)");
                }
                if (typesImports == null) {
                    missing.add("the functions world `test:types/types@1.2.0` imports (TypesImports): call typesImports(...)");
                }
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("no implementation of " + String.join("; of ", missing));
                }
                return new Imports(this);
            }
        }
    }
}
