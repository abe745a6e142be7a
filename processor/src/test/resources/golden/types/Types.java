package example.types;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExportedInstance;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.LinkerInstance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.bindings.GuestContext;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple1;
import dev.wit4j.runtime.types.Tuple3;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * <p><b>One call at a time:</b> like its {@link Instance}; a call from another thread while one runs is
 * refused with an {@link IllegalStateException}. Give each thread its own instance.
 *
 * <p>Values are lifted and lowered by code generated per function, straight through the runtime's
 * canonical ABI primitives ({@code dev.wit4j.runtime.bindings}).
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
@SuppressWarnings("deprecation")
public final class Types implements TypesExports {
    private final Instance instance;

    private final ExportFunction fnRun;

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

    private Types(Linker linker, Component component, Imports imports) {
        linkImports(linker, imports);
        this.instance = linker.instantiate(component);
        this.fnRun = instance.func("run").typed();
        this.shapesExport = new ShapesExportImpl(instance.exportedInstance("test:types/shapes@1.2.0"));
    }

    private Types(Linker linker, Component component) {
        this.instance = linker.instantiate(component);
        this.fnRun = instance.func("run").typed();
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
        return new Types(engine.linker(), component, imports);
    }

    /**
     * Instantiates {@code component} with the host's implementations of the imports defined in
     * {@code linker}, which may hold further definitions and sets the {@link Linker#limits limits}
     * the instance is held to. The handles the world's exports pass to the component are those
     * of these imports' resources.
     *
     * @throws LinkException if the component does not match the world (an import cannot be satisfied)
     * @throws IllegalArgumentException if {@code linker} already defines one of these imports
     * @throws java.util.NoSuchElementException if it lacks an export of the world
     * @throws Trap if its start code traps
     */
    public static Types instantiate(Linker linker, Component component, Imports imports) {
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(imports, "imports");
        return new Types(linker, component, imports);
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
        Objects.requireNonNull(args, "argument `args` of `run` is null");
        GuestContext _cx = fnRun.enter();
        try {
            long[] _a = new long[2];
            GuestContext.putPair(_cx.lowerList(args, 8, 4, (_c0, _e1, _p2) -> {
                _c0.storeString(Objects.requireNonNull(_e1, "an element of argument `args` of `run` is null"), _p2);
            }), _a, 0);
            long[] _r = fnRun.call(_a);
            int _v = (int) _r[0];
            fnRun.finish(_r);
            return _v;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
            throw fnRun.fail(_e);
        } finally {
            fnRun.exit();
        }
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
        li.flatFunc("area", "i32 i32 i32 -> f64", (_cx, _args) -> {
            try {
                double _r = impl.area(switch (GuestContext.checkDiscriminant(_args[0] & 0xFFFF_FFFFL, 3)) {
                            case 0 -> new Shapes.Shape.Circle(GuestContext.liftF32(_args[1]));
                            case 1 -> new Shapes.Shape.Polygon(_cx.<Shapes.Point>liftList(_args[1], _args[2], 16, 8, (_c0, _p1) -> loadShapesPoint(_c0, _p1)));
                            case 2 -> new Shapes.Shape.Empty();
                            default -> throw GuestContext.unreachable("case index");
                        });
                long[] _o = new long[1];
                _o[0] = GuestContext.lowerF64(_r);
                return _o;
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#area", _e);
            }
        });
        li.flatFunc("lists", "i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 -> ", (_cx, _args) -> {
            try {
                impl.lists(_cx.liftBytes(_args[0], _args[1]), _cx.liftShorts(_args[2], _args[3]), _cx.liftInts(_args[4], _args[5]), _cx.liftLongs(_args[6], _args[7]), _cx.liftFloats(_args[8], _args[9]), _cx.<String>liftList(_args[10], _args[11], 8, 4, (_c0, _p1) -> _c0.loadString(_p1)), _cx.<Boolean>liftList(_args[12], _args[13], 1, 1, (_c2, _p3) -> _c2.readBool(_p3)), _cx.<Integer>liftList(_args[14], _args[15], 4, 4, (_c4, _p5) -> _c4.readChar(_p5)));
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#lists", _e);
            }
        });
        li.flatFunc("options", "i32 i32 i32 i32 i32 i32 i32 -> ", (_cx, _args) -> {
            try {
                Optional<Shapes.Point> _r = impl.options(switch (GuestContext.checkDiscriminant(_args[0] & 0xFFFF_FFFFL, 2)) {
                            case 0 -> Optional.<Integer>empty();
                            case 1 -> Optional.<Integer>of((int) _args[1]);
                            default -> throw GuestContext.unreachable("case index");
                        }, switch (GuestContext.checkDiscriminant(_args[2] & 0xFFFF_FFFFL, 2)) {
                            case 0 -> Optional.<Optional<String>>empty();
                            case 1 -> Optional.<Optional<String>>of(switch (GuestContext.checkDiscriminant(_args[3] & 0xFFFF_FFFFL, 2)) {
                                case 0 -> Optional.<String>empty();
                                case 1 -> Optional.<String>of(_cx.liftString(_args[4], _args[5]));
                                default -> throw GuestContext.unreachable("case index");
                            });
                            default -> throw GuestContext.unreachable("case index");
                        });
                long _q = _cx.checkPointer(_args[6], 8, 24);
                Optional<Shapes.Point> _t0 = Objects.requireNonNull(_r, "result of `options` is null");
                if (_t0.isPresent()) {
                    _cx.writeByte(_q, (byte) 1);
                    storeShapesPoint(_cx, _t0.get(), _q + 8);
                } else {
                    _cx.writeByte(_q, (byte) 0);
                }
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#options", _e);
            }
        });
        li.flatFunc("results", "i32 i32 i32 i32 i32 i32 i32 -> ", (_cx, _args) -> {
            try {
                Result<List<Shapes.Point>, Shapes.Color> _r = impl.results(switch (GuestContext.checkDiscriminant(_args[0] & 0xFFFF_FFFFL, 2)) {
                            case 0 -> Result.<Void, Void>ok(null);
                            case 1 -> Result.<Void, Void>err(null);
                            default -> throw GuestContext.unreachable("case index");
                        }, switch (GuestContext.checkDiscriminant(_args[1] & 0xFFFF_FFFFL, 2)) {
                            case 0 -> Result.<Byte, Void>ok((byte) _args[2]);
                            case 1 -> Result.<Byte, Void>err(null);
                            default -> throw GuestContext.unreachable("case index");
                        }, switch (GuestContext.checkDiscriminant(_args[3] & 0xFFFF_FFFFL, 2)) {
                            case 0 -> Result.<Void, String>ok(null);
                            case 1 -> Result.<Void, String>err(_cx.liftString(_args[4], _args[5]));
                            default -> throw GuestContext.unreachable("case index");
                        });
                long _q = _cx.checkPointer(_args[6], 4, 12);
                Result<List<Shapes.Point>, Shapes.Color> _t0 = _r;
                if (_t0 instanceof Result.Ok<List<Shapes.Point>, Shapes.Color> _t1) {
                    _cx.writeByte(_q, (byte) 0);
                    _cx.storePair(_q + 4, _cx.lowerList(Objects.requireNonNull(_t1.value(), "`ok` value of result of `results` is null"), 16, 8, (_c3, _e4, _p5) -> {
                        storeShapesPoint(_c3, Objects.requireNonNull(_e4, "an element of `ok` value of result of `results` is null"), _p5);
                    }));
                } else if (_t0 instanceof Result.Err<List<Shapes.Point>, Shapes.Color> _t2) {
                    _cx.writeByte(_q, (byte) 1);
                    storeShapesColor(_cx, Objects.requireNonNull(_t2.error(), "`err` value of result of `results` is null"), _q + 4);
                } else {
                    throw new NullPointerException("result of `results` is null");
                }
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#results", _e);
            }
        });
        li.flatFunc("tuples", "i32 i32 i32 i32 -> i32", (_cx, _args) -> {
            try {
                Tuple1<Boolean> _r = impl.tuples(new Tuple3<Byte, Short, String>((byte) _args[0], (short) _args[1], _cx.liftString(_args[2], _args[3])));
                long[] _o = new long[1];
                Tuple1<Boolean> _t0 = Objects.requireNonNull(_r, "result of `tuples` is null");
                _o[0] = Objects.requireNonNull(_t0.first(), "element 1 of result of `tuples` is null") ? 1 : 0;
                return _o;
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#tuples", _e);
            }
        });
        li.flatFunc("set-permissions", "i32 -> i32", (_cx, _args) -> {
            try {
                Set<Shapes.Permissions> _r = impl.setPermissions(fromBitsShapesPermissions((int) _args[0]));
                long[] _o = new long[1];
                _o[0] = toBitsShapesPermissions(Objects.requireNonNull(_r, "result of `set-permissions` is null")) & 0xFFFF_FFFFL;
                return _o;
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#set-permissions", _e);
            }
        });
        li.flatFunc("old-thing", " -> ", (_cx, _args) -> {
            try {
                impl.oldThing();
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("test:types/shapes@1.2.0#old-thing", _e);
            }
        });
    }

    /**
     * Defines the world's own imports in {@code linker}.
     */
    private void linkTypesImports(Linker linker, TypesImports impl) {
        linker.flatFunc("log", "i32 i32 -> ", (_cx, _args) -> {
            try {
                impl.log(_cx.liftString(_args[0], _args[1]));
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("log", _e);
            }
        });
    }

    /**
     * An exception thrown by host code, as the trap the calling component sees (the exception
     * is its cause and {@link Trap#hostException()}).
     */
    private static Trap hostTrap(String function, RuntimeException e) {
        if (e instanceof Trap t) {
            return t;
        }
        return new Trap(Trap.Reason.CORE_TRAP, "host implementation of `" + function + "` threw " + e, e);
    }

    private Shapes.Point loadShapesPoint(GuestContext c, long p) {
        return new Shapes.Point(
            c.readF64(p),
            c.readF64(p + 8));
    }

    private void storeShapesPoint(GuestContext c, Shapes.Point v, long p) {
        c.writeF64(p, v.x());
        c.writeF64(p + 8, v.y());
    }

    private void storeShapesColor(GuestContext c, Shapes.Color v, long p) {
        c.writeByte(p, (byte) v.ordinal());
    }

    /**
     * {@code unpack_flags_from_int}: bits beyond the flags are ignored, as the spec says.
     */
    private static Set<Shapes.Permissions> fromBitsShapesPermissions(int bits) {
        Set<Shapes.Permissions> set = EnumSet.noneOf(Shapes.Permissions.class);
        if ((bits & 1) != 0) {
            set.add(Shapes.Permissions.READ);
        }
        if ((bits & 2) != 0) {
            set.add(Shapes.Permissions.WRITE);
        }
        if ((bits & 4) != 0) {
            set.add(Shapes.Permissions.EXEC);
        }
        return set;
    }

    /**
     * {@code pack_flags_into_int}.
     */
    private static int toBitsShapesPermissions(Set<Shapes.Permissions> v) {
        int bits = 0;
        if (v.contains(Shapes.Permissions.READ)) {
            bits |= 1;
        }
        if (v.contains(Shapes.Permissions.WRITE)) {
            bits |= 2;
        }
        if (v.contains(Shapes.Permissions.EXEC)) {
            bits |= 4;
        }
        return bits;
    }

    private void storeShapesExportPoint(GuestContext c, ShapesExport.Point v, long p) {
        c.writeF64(p, v.x());
        c.writeF64(p + 8, v.y());
    }

    private ShapesExport.Point loadShapesExportPoint(GuestContext c, long p) {
        return new ShapesExport.Point(
            c.readF64(p),
            c.readF64(p + 8));
    }

    /**
     * {@code load_variant}: traps if the case index is out of range.
     */
    private ShapesExport.Color loadShapesExportColor(GuestContext c, long p) {
        return switch (GuestContext.checkDiscriminant(c.readByte(p) & 0xFFL, 3)) {
            case 0 -> ShapesExport.Color.RED;
            case 1 -> ShapesExport.Color.DARK_GREEN;
            case 2 -> ShapesExport.Color.HTTP_BLUE;
            default -> throw GuestContext.unreachable("case index");
        };
    }

    /**
     * {@code pack_flags_into_int}.
     */
    private static int toBitsShapesExportPermissions(Set<ShapesExport.Permissions> v) {
        int bits = 0;
        if (v.contains(ShapesExport.Permissions.READ)) {
            bits |= 1;
        }
        if (v.contains(ShapesExport.Permissions.WRITE)) {
            bits |= 2;
        }
        if (v.contains(ShapesExport.Permissions.EXEC)) {
            bits |= 4;
        }
        return bits;
    }

    /**
     * {@code unpack_flags_from_int}: bits beyond the flags are ignored, as the spec says.
     */
    private static Set<ShapesExport.Permissions> fromBitsShapesExportPermissions(int bits) {
        Set<ShapesExport.Permissions> set = EnumSet.noneOf(ShapesExport.Permissions.class);
        if ((bits & 1) != 0) {
            set.add(ShapesExport.Permissions.READ);
        }
        if ((bits & 2) != 0) {
            set.add(ShapesExport.Permissions.WRITE);
        }
        if ((bits & 4) != 0) {
            set.add(ShapesExport.Permissions.EXEC);
        }
        return set;
    }

    /**
     * Calls into the component's export {@code test:types/shapes@1.2.0}.
     */
    private final class ShapesExportImpl implements ShapesExport {
        private final ExportFunction fnArea;

        private final ExportFunction fnLists;

        private final ExportFunction fnOptions;

        private final ExportFunction fnResults;

        private final ExportFunction fnTuples;

        private final ExportFunction fnSetPermissions;

        private final ExportFunction fnOldThing;

        ShapesExportImpl(ExportedInstance exports) {
            this.fnArea = exports.func("area").typed();
            this.fnLists = exports.func("lists").typed();
            this.fnOptions = exports.func("options").typed();
            this.fnResults = exports.func("results").typed();
            this.fnTuples = exports.func("tuples").typed();
            this.fnSetPermissions = exports.func("set-permissions").typed();
            this.fnOldThing = exports.func("old-thing").typed();
        }

        @Override
        public double area(ShapesExport.Shape s) {
            Objects.requireNonNull(s, "argument `s` of `area` is null");
            GuestContext _cx = fnArea.enter();
            try {
                long[] _a = new long[3];
                ShapesExport.Shape _t0 = s;
                if (_t0 instanceof ShapesExport.Shape.Circle _t1) {
                    _a[0] = 0;
                    _a[1] = GuestContext.lowerF32(_t1.value());
                } else if (_t0 instanceof ShapesExport.Shape.Polygon _t2) {
                    _a[0] = 1;
                    GuestContext.putPair(_cx.lowerList(Objects.requireNonNull(_t2.value(), "payload of case `polygon` of argument `s` of `area` is null"), 16, 8, (_c3, _e4, _p5) -> {
                        storeShapesExportPoint(_c3, Objects.requireNonNull(_e4, "an element of payload of case `polygon` of argument `s` of `area` is null"), _p5);
                    }), _a, 1);
                } else if (_t0 instanceof ShapesExport.Shape.Empty) {
                    _a[0] = 2;
                } else {
                    throw new NullPointerException("argument `s` of `area` is null");
                }
                long[] _r = fnArea.call(_a);
                double _v = GuestContext.liftF64(_r[0]);
                fnArea.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnArea.fail(_e);
            } finally {
                fnArea.exit();
            }
        }

        @Override
        public void lists(byte[] a, short[] b, int[] c, long[] d, float[] e, List<String> f,
                List<Boolean> g, List<Integer> h) {
            Objects.requireNonNull(a, "argument `a` of `lists` is null");
            Objects.requireNonNull(b, "argument `b` of `lists` is null");
            Objects.requireNonNull(c, "argument `c` of `lists` is null");
            Objects.requireNonNull(d, "argument `d` of `lists` is null");
            Objects.requireNonNull(e, "argument `e` of `lists` is null");
            Objects.requireNonNull(f, "argument `f` of `lists` is null");
            Objects.requireNonNull(g, "argument `g` of `lists` is null");
            Objects.requireNonNull(h, "argument `h` of `lists` is null");
            GuestContext _cx = fnLists.enter();
            try {
                long[] _a = new long[16];
                GuestContext.putPair(_cx.lowerBytes(a), _a, 0);
                GuestContext.putPair(_cx.lowerShorts(b), _a, 2);
                GuestContext.putPair(_cx.lowerInts(c), _a, 4);
                GuestContext.putPair(_cx.lowerLongs(d), _a, 6);
                GuestContext.putPair(_cx.lowerFloats(e), _a, 8);
                GuestContext.putPair(_cx.lowerList(f, 8, 4, (_c0, _e1, _p2) -> {
                    _c0.storeString(Objects.requireNonNull(_e1, "an element of argument `f` of `lists` is null"), _p2);
                }), _a, 10);
                GuestContext.putPair(_cx.lowerList(g, 1, 1, (_c3, _e4, _p5) -> {
                    _c3.writeBool(_p5, Objects.requireNonNull(_e4, "an element of argument `g` of `lists` is null"));
                }), _a, 12);
                GuestContext.putPair(_cx.lowerList(h, 4, 4, (_c6, _e7, _p8) -> {
                    _c6.writeChar(_p8, Objects.requireNonNull(_e7, "an element of argument `h` of `lists` is null"));
                }), _a, 14);
                long[] _r = fnLists.call(_a);
                fnLists.finish(_r);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnLists.fail(_e);
            } finally {
                fnLists.exit();
            }
        }

        @Override
        public Optional<ShapesExport.Point> options(Optional<Integer> a,
                Optional<Optional<String>> b) {
            Objects.requireNonNull(a, "argument `a` of `options` is null");
            Objects.requireNonNull(b, "argument `b` of `options` is null");
            GuestContext _cx = fnOptions.enter();
            try {
                long[] _a = new long[6];
                Optional<Integer> _t0 = a;
                if (_t0.isPresent()) {
                    _a[0] = 1;
                    _a[1] = _t0.get() & 0xFFFF_FFFFL;
                } else {
                    _a[0] = 0;
                }
                Optional<Optional<String>> _t1 = b;
                if (_t1.isPresent()) {
                    _a[2] = 1;
                    Optional<String> _t2 = _t1.get();
                    if (_t2.isPresent()) {
                        _a[3] = 1;
                        GuestContext.putPair(_cx.lowerString(_t2.get()), _a, 4);
                    } else {
                        _a[3] = 0;
                    }
                } else {
                    _a[2] = 0;
                }
                long[] _r = fnOptions.call(_a);
                long _q = _cx.checkPointer(_r[0], 8, 24);
                Optional<ShapesExport.Point> _v = switch (GuestContext.checkDiscriminant(_cx.readByte(_q) & 0xFFL, 2)) {
                            case 0 -> Optional.<ShapesExport.Point>empty();
                            case 1 -> Optional.<ShapesExport.Point>of(loadShapesExportPoint(_cx, _q + 8));
                            default -> throw GuestContext.unreachable("case index");
                        };
                fnOptions.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnOptions.fail(_e);
            } finally {
                fnOptions.exit();
            }
        }

        @Override
        public Result<List<ShapesExport.Point>, ShapesExport.Color> results(Result<Void, Void> a,
                Result<Byte, Void> b, Result<Void, String> c) {
            Objects.requireNonNull(a, "argument `a` of `results` is null");
            Objects.requireNonNull(b, "argument `b` of `results` is null");
            Objects.requireNonNull(c, "argument `c` of `results` is null");
            GuestContext _cx = fnResults.enter();
            try {
                long[] _a = new long[6];
                Result<Void, Void> _t0 = a;
                if (_t0 instanceof Result.Ok<Void, Void> _t1) {
                    _a[0] = 0;
                } else if (_t0 instanceof Result.Err<Void, Void> _t2) {
                    _a[0] = 1;
                } else {
                    throw new NullPointerException("argument `a` of `results` is null");
                }
                Result<Byte, Void> _t3 = b;
                if (_t3 instanceof Result.Ok<Byte, Void> _t4) {
                    _a[1] = 0;
                    _a[2] = Objects.requireNonNull(_t4.value(), "`ok` value of argument `b` of `results` is null") & 0xFFL;
                } else if (_t3 instanceof Result.Err<Byte, Void> _t5) {
                    _a[1] = 1;
                } else {
                    throw new NullPointerException("argument `b` of `results` is null");
                }
                Result<Void, String> _t6 = c;
                if (_t6 instanceof Result.Ok<Void, String> _t7) {
                    _a[3] = 0;
                } else if (_t6 instanceof Result.Err<Void, String> _t8) {
                    _a[3] = 1;
                    GuestContext.putPair(_cx.lowerString(Objects.requireNonNull(_t8.error(), "`err` value of argument `c` of `results` is null")), _a, 4);
                } else {
                    throw new NullPointerException("argument `c` of `results` is null");
                }
                long[] _r = fnResults.call(_a);
                long _q = _cx.checkPointer(_r[0], 4, 12);
                Result<List<ShapesExport.Point>, ShapesExport.Color> _v = switch (GuestContext.checkDiscriminant(_cx.readByte(_q) & 0xFFL, 2)) {
                            case 0 -> Result.<List<ShapesExport.Point>, ShapesExport.Color>ok(_cx.<ShapesExport.Point>liftList(_cx.readU32(_q + 4), _cx.readU32(_q + 4 + 4), 16, 8, (_c9, _p10) -> loadShapesExportPoint(_c9, _p10)));
                            case 1 -> Result.<List<ShapesExport.Point>, ShapesExport.Color>err(loadShapesExportColor(_cx, _q + 4));
                            default -> throw GuestContext.unreachable("case index");
                        };
                fnResults.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnResults.fail(_e);
            } finally {
                fnResults.exit();
            }
        }

        @Override
        public Tuple1<Boolean> tuples(Tuple3<Byte, Short, String> a) {
            Objects.requireNonNull(a, "argument `a` of `tuples` is null");
            GuestContext _cx = fnTuples.enter();
            try {
                long[] _a = new long[4];
                Tuple3<Byte, Short, String> _t0 = a;
                _a[0] = Objects.requireNonNull(_t0.first(), "element 1 of argument `a` of `tuples` is null") & 0xFFL;
                _a[1] = Objects.requireNonNull(_t0.second(), "element 2 of argument `a` of `tuples` is null") & 0xFFFF_FFFFL;
                GuestContext.putPair(_cx.lowerString(Objects.requireNonNull(_t0.third(), "element 3 of argument `a` of `tuples` is null")), _a, 2);
                long[] _r = fnTuples.call(_a);
                Tuple1<Boolean> _v = new Tuple1<Boolean>(_r[0] != 0);
                fnTuples.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnTuples.fail(_e);
            } finally {
                fnTuples.exit();
            }
        }

        @Override
        public Set<ShapesExport.Permissions> setPermissions(Set<ShapesExport.Permissions> p) {
            Objects.requireNonNull(p, "argument `p` of `set-permissions` is null");
            GuestContext _cx = fnSetPermissions.enter();
            try {
                long[] _a = new long[1];
                _a[0] = toBitsShapesExportPermissions(p) & 0xFFFF_FFFFL;
                long[] _r = fnSetPermissions.call(_a);
                Set<ShapesExport.Permissions> _v = fromBitsShapesExportPermissions((int) _r[0]);
                fnSetPermissions.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnSetPermissions.fail(_e);
            } finally {
                fnSetPermissions.exit();
            }
        }

        @Override
        public void oldThing() {
            GuestContext _cx = fnOldThing.enter();
            try {
                long[] _a = new long[0];
                long[] _r = fnOldThing.call(_a);
                fnOldThing.finish(_r);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnOldThing.fail(_e);
            } finally {
                fnOldThing.exit();
            }
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
