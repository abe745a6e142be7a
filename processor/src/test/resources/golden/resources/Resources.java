package example.resources;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExportedInstance;
import dev.wit4j.runtime.HostResource;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Linker;
import dev.wit4j.runtime.LinkerInstance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.abi.ResourceType;
import dev.wit4j.runtime.bindings.ExportFunction;
import dev.wit4j.runtime.bindings.GuestContext;
import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.value.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * World {@code test:resources/resources}: instantiates a component of this world with the host's implementations of
 * its imports and calls its exports with Java values.
 *
 * <pre>{@code
 * Resources w = Resources.instantiate(Engine.create(), Path.of("resources.wasm"), imports);
 * }</pre>
 *
 * <p>{@link Resources.Imports} bundles the implementations of the imports; an exception thrown by one
 * traps the calling component (a {@link Trap}).
 *
 * <p><b>One call at a time:</b> like its {@link Instance}; a call from another thread while one runs is
 * refused with an {@link IllegalStateException}. Give each thread its own instance.
 *
 * <p>Values are lifted and lowered by code generated per function, straight through the runtime's
 * canonical ABI primitives ({@code dev.wit4j.runtime.bindings}).
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
public final class Resources {
    private final Instance instance;

    private final HandleTable<Files.File> filesFileTable = new HandleTable<>("file");

    private final CountersImpl counters;

    private final ResourceType rtCounter;

    /**
     * An object without component instance: it only owns the handle tables of the host functions
     * that {@link #link} defines.
     */
    private Resources() {
        this.instance = null;
        this.counters = null;
        this.rtCounter = null;
    }

    private Resources(Linker linker, Component component, Imports imports) {
        linkImports(linker, imports);
        this.instance = linker.instantiate(component);
        this.counters = new CountersImpl(instance.exportedInstance("test:resources/counters"));
        this.rtCounter = this.counters.fnConstructorCounter.resource(0);
    }

    private Resources(Linker linker, Component component) {
        this.instance = linker.instantiate(component);
        this.counters = new CountersImpl(instance.exportedInstance("test:resources/counters"));
        this.rtCounter = this.counters.fnConstructorCounter.resource(0);
    }

    /**
     * Defines the host's implementations of the imports of world {@code test:resources/resources} in {@code linker}, which
     * may define further imports of a component; the {@code instantiate} factories link the same way.
     *
     * <pre>{@code
     * Linker linker = engine.linker();
     * Resources.link(linker, imports).func("log", args -> Optional.empty());
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
        new Resources().linkImports(linker, imports);
        return linker;
    }

    /**
     * Instantiates {@code component} (loaded by {@code engine}) with the host's implementations of the imports.
     *
     * @throws LinkException if the component does not match the world (an import cannot be satisfied)
     * @throws java.util.NoSuchElementException if it lacks an export of the world
     * @throws Trap if its start code traps
     */
    public static Resources instantiate(Engine engine, Component component, Imports imports) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(imports, "imports");
        return new Resources(engine.linker(), component, imports);
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
    public static Resources instantiate(Linker linker, Component component, Imports imports) {
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(imports, "imports");
        return new Resources(linker, component, imports);
    }

    /**
     * Loads the component file {@code wasm} and instantiates it.
     */
    public static Resources instantiate(Engine engine, Path wasm, Imports imports) {
        return instantiate(engine, engine.load(wasm), imports);
    }

    /**
     * Loads the component binary {@code wasm} and instantiates it.
     */
    public static Resources instantiate(Engine engine, byte[] wasm, Imports imports) {
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
    public static Resources instantiate(Linker linker, Component component) {
        Objects.requireNonNull(linker, "linker");
        Objects.requireNonNull(component, "component");
        return new Resources(linker, component);
    }

    /**
     * Loads the component file {@code wasm} with a new default engine and instantiates it.
     * Create one {@link Engine} and share it when loading several components.
     */
    public static Resources instantiate(Path wasm, Imports imports) {
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
     * The component's export {@code test:resources/counters}, calling into this instance.
     */
    public Counters counters() {
        return counters;
    }

    /**
     * Defines all imports in {@code linker}, their resources backed by this object's handle tables.
     */
    private void linkImports(Linker linker, Imports imports) {
        linkFiles(linker, imports.files);
        linkScratch(linker, imports.scratch);
    }

    /**
     * Defines the import {@code test:resources/files} in {@code linker}.
     */
    private void linkFiles(Linker linker, Files impl) {
        LinkerInstance li = linker.instance("test:resources/files");
        li.resource("file", filesFileTable.type());
        li.flatFunc("[constructor]file", "i32 i32 -> i32", (_cx, _args) -> {
            try {
                Files.File _r = impl.newFile(_cx.liftString(_args[0], _args[1]));
                long[] _o = new long[1];
                _o[0] = _cx.lowerOwn(filesFileTable.addRep(Objects.requireNonNull(_r, "result of `[constructor]file` is null")), filesFileTable.rt());
                return _o;
            } catch (RuntimeException _e) {
                throw hostTrap("test:resources/files#[constructor]file", _e);
            }
        });
        li.flatFunc("[static]file.open", "i32 i32 i32 -> ", (_cx, _args) -> {
            try {
                Result<Files.File, String> _r = impl.fileOpen(_cx.liftString(_args[0], _args[1]));
                long _q = _cx.checkPointer(_args[2], 4, 12);
                Result<Files.File, String> _t0 = _r;
                if (_t0 instanceof Result.Ok<Files.File, String> _t1) {
                    _cx.writeByte(_q, (byte) 0);
                    _cx.writeInt(_q + 4, (int) _cx.lowerOwn(filesFileTable.addRep(Objects.requireNonNull(_t1.value(), "`ok` value of result of `[static]file.open` is null")), filesFileTable.rt()));
                } else if (_t0 instanceof Result.Err<Files.File, String> _t2) {
                    _cx.writeByte(_q, (byte) 1);
                    _cx.storeString(Objects.requireNonNull(_t2.error(), "`err` value of result of `[static]file.open` is null"), _q + 4);
                } else {
                    throw new NullPointerException("result of `[static]file.open` is null");
                }
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("test:resources/files#[static]file.open", _e);
            }
        });
        li.flatFunc("list-dir", "i32 i32 i32 -> ", (_cx, _args) -> {
            try {
                List<Files.Entry> _r = impl.listDir(_cx.liftString(_args[0], _args[1]));
                long _q = _cx.checkPointer(_args[2], 4, 8);
                _cx.storePair(_q, _cx.lowerList(Objects.requireNonNull(_r, "result of `list-dir` is null"), 16, 4, (_c0, _e1, _p2) -> {
                    storeFilesEntry(_c0, Objects.requireNonNull(_e1, "an element of result of `list-dir` is null"), _p2);
                }));
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("test:resources/files#list-dir", _e);
            }
        });
        li.flatFunc("[method]file.read", "i32 i32 i32 -> ", (_cx, _args) -> {
            try {
                Result<byte[], String> _r = filesFileTable.getRep(_cx.liftBorrow(_args[0], filesFileTable.rt())).read((int) _args[1]);
                long _q = _cx.checkPointer(_args[2], 4, 12);
                Result<byte[], String> _t0 = _r;
                if (_t0 instanceof Result.Ok<byte[], String> _t1) {
                    _cx.writeByte(_q, (byte) 0);
                    _cx.storePair(_q + 4, _cx.lowerBytes(Objects.requireNonNull(_t1.value(), "`ok` value of result of `[method]file.read` is null")));
                } else if (_t0 instanceof Result.Err<byte[], String> _t2) {
                    _cx.writeByte(_q, (byte) 1);
                    _cx.storeString(Objects.requireNonNull(_t2.error(), "`err` value of result of `[method]file.read` is null"), _q + 4);
                } else {
                    throw new NullPointerException("result of `[method]file.read` is null");
                }
                return new long[0];
            } catch (RuntimeException _e) {
                throw hostTrap("test:resources/files#[method]file.read", _e);
            }
        });
        li.flatFunc("[method]file.equals", "i32 i32 -> i32", (_cx, _args) -> {
            try {
                boolean _r = filesFileTable.getRep(_cx.liftBorrow(_args[0], filesFileTable.rt())).equals_(filesFileTable.getRep(_cx.liftBorrow(_args[1], filesFileTable.rt())));
                long[] _o = new long[1];
                _o[0] = _r ? 1 : 0;
                return _o;
            } catch (RuntimeException _e) {
                throw hostTrap("test:resources/files#[method]file.equals", _e);
            }
        });
    }

    /**
     * Defines the import {@code scratch} in {@code linker}.
     */
    private void linkScratch(Linker linker, Scratch impl) {
        LinkerInstance li = linker.instance("scratch");
        li.flatFunc("get", " -> i32", (_cx, _args) -> {
            try {
                Scratch.Files _r = impl.get();
                long[] _o = new long[1];
                Scratch.Files _t0 = Objects.requireNonNull(_r, "result of `get` is null");
                _o[0] = _t0.count() & 0xFFFF_FFFFL;
                return _o;
            } catch (RuntimeException _e) {
                throw hostTrap("scratch#get", _e);
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

    private void storeFilesEntry(GuestContext c, Files.Entry v, long p) {
        c.storeString(v.name(), p);
        Optional<Files.File> _t0 = v.handle();
        if (_t0.isPresent()) {
            c.writeByte(p + 8, (byte) 1);
            c.writeInt(p + 8 + 4, (int) c.lowerOwn(filesFileTable.addRep(_t0.get()), filesFileTable.rt()));
        } else {
            c.writeByte(p + 8, (byte) 0);
        }
    }

    /**
     * Calls into the component's export {@code test:resources/counters}.
     */
    private final class CountersImpl implements Counters, Counters.Counter.Ops {
        private final ExportFunction fnConstructorCounter;

        private final ExportFunction fnMake;

        private final ExportFunction fnMethodCounterIncrement;

        private final ExportFunction fnMethodCounterClose;

        CountersImpl(ExportedInstance exports) {
            this.fnConstructorCounter = exports.func("[constructor]counter").typed();
            this.fnMake = exports.func("make").typed();
            this.fnMethodCounterIncrement = exports.func("[method]counter.increment").typed();
            this.fnMethodCounterClose = exports.func("[method]counter.close").typed();
        }

        @Override
        public Counters.Counter newCounter(long start) {
            GuestContext _cx = fnConstructorCounter.enter();
            try {
                long[] _a = new long[1];
                _a[0] = start;
                long[] _r = fnConstructorCounter.call(_a);
                Counters.Counter _v = new Counters.Counter(counters, _cx.liftOwnHandle(_r[0], rtCounter, "counter"));
                fnConstructorCounter.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnConstructorCounter.fail(_e);
            } finally {
                fnConstructorCounter.exit();
            }
        }

        @Override
        public Counters.Counter make() {
            GuestContext _cx = fnMake.enter();
            try {
                long[] _a = new long[0];
                long[] _r = fnMake.call(_a);
                Counters.Counter _v = new Counters.Counter(counters, _cx.liftOwnHandle(_r[0], rtCounter, "counter"));
                fnMake.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnMake.fail(_e);
            } finally {
                fnMake.exit();
            }
        }

        @Override
        public long increment(Counters.Counter self) {
            GuestContext _cx = fnMethodCounterIncrement.enter();
            try {
                long[] _a = new long[1];
                _a[0] = _cx.lowerBorrowHandle(self.handle(), rtCounter);
                long[] _r = fnMethodCounterIncrement.call(_a);
                long _v = _r[0];
                fnMethodCounterIncrement.finish(_r);
                return _v;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnMethodCounterIncrement.fail(_e);
            } finally {
                fnMethodCounterIncrement.exit();
            }
        }

        @Override
        public void close_(Counters.Counter self) {
            GuestContext _cx = fnMethodCounterClose.enter();
            try {
                long[] _a = new long[1];
                _a[0] = _cx.lowerBorrowHandle(self.handle(), rtCounter);
                long[] _r = fnMethodCounterClose.call(_a);
                fnMethodCounterClose.finish(_r);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError _e) {
                throw fnMethodCounterClose.fail(_e);
            } finally {
                fnMethodCounterClose.exit();
            }
        }
    }

    /**
     * The host's implementations of the imports of world {@code test:resources/resources}; build with {@link #builder()}.
     */
    public static final class Imports {
        private final Files files;

        private final Scratch scratch;

        private Imports(Builder b) {
            this.files = b.files;
            this.scratch = b.scratch;
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
            private Files files;

            private Scratch scratch;

            private Builder() {
            }

            /**
             * Sets the implementation of imported interface {@code test:resources/files}.
             */
            public Builder files(Files implementation) {
                this.files = Objects.requireNonNull(implementation, "files");
                return this;
            }

            /**
             * Sets the implementation of imported interface {@code test:resources/resources#scratch}.
             */
            public Builder scratch(Scratch implementation) {
                this.scratch = Objects.requireNonNull(implementation, "scratch");
                return this;
            }

            /**
             * The imports.
             *
             * @throws IllegalStateException naming every import without implementation
             */
            public Imports build() {
                List<String> missing = new ArrayList<>();
                if (files == null) {
                    missing.add("imported interface `test:resources/files` (Files): call files(...)");
                }
                if (scratch == null) {
                    missing.add("imported interface `test:resources/resources#scratch` (Scratch): call scratch(...)");
                }
                if (!missing.isEmpty()) {
                    throw new IllegalStateException("no implementation of " + String.join("; of ", missing));
                }
                return new Imports(this);
            }
        }
    }

    /**
     * The host objects of one imported resource type by representation: the component holds
     * handles to them; its drop of an owned handle closes an {@link AutoCloseable} object.
     * An object lent to the component ({@code borrow}) stays registered.
     */
    private static final class HandleTable<T> {
        private final HostResource type;

        private final Map<Integer, T> objects = new HashMap<>();

        private final Map<T, Integer> reps = new IdentityHashMap<>();

        private int next;

        HandleTable(String name) {
            this.type = HostResource.create(name, this::drop);
        }

        HostResource type() {
            return type;
        }

        Value.Own own(T object) {
            return type.own(add(object));
        }

        Value.Borrow borrow(T object) {
            Integer rep = reps.get(Objects.requireNonNull(object, "resource object"));
            return type.borrow(rep != null ? rep : add(object));
        }

        /**
         * The run-time resource type, for the typed glue.
         */
        ResourceType rt() {
            return type.type();
        }

        /**
         * A new representation for {@code object}, moved to the component as an owned handle.
         */
        int addRep(T object) {
            return add(object);
        }

        /**
         * The representation of {@code object} lent to the component (registered if new).
         */
        int borrowRep(T object) {
            Integer rep = reps.get(Objects.requireNonNull(object, "resource object"));
            return rep != null ? rep : add(object);
        }

        T getRep(int rep) {
            T object = objects.get(rep);
            if (object == null) {
                throw new IllegalStateException("no host object for representation " + rep);
            }
            return object;
        }

        /**
         * Ownership passes to the host: the object leaves the table.
         */
        T takeRep(int rep) {
            T object = getRep(rep);
            objects.remove(rep);
            reps.remove(object);
            return object;
        }

        T get(Value handle) {
            T object = objects.get(HostResource.rep(handle));
            if (object == null) {
                throw new IllegalStateException("no host object for handle " + handle);
            }
            return object;
        }

        /**
         * Ownership passes to the host: the object leaves the table.
         */
        T take(Value handle) {
            T object = get(handle);
            objects.remove(HostResource.rep(handle));
            reps.remove(object);
            return object;
        }

        private int add(T object) {
            Objects.requireNonNull(object, "resource object");
            int rep = ++next;
            objects.put(rep, object);
            reps.put(object, rep);
            return rep;
        }

        private void drop(int rep) {
            T object = objects.remove(rep);
            if (object == null) {
                return;
            }
            reps.remove(object);
            if (object instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    throw hostTrap(type.name() + " destructor", e);
                } catch (Exception e) {
                    throw hostTrap(type.name() + " destructor", new RuntimeException(e));
                }
            }
        }
    }
}
