package dev.wit4j.runtime;

import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreImport;
import dev.wit4j.witx.model.ValueType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A read-only view of the component-level types the validator computed (Explainer, "Type
 * Definitions"), for tools that need a component's interface, such as recovering its WIT world.
 * Obtained from {@link dev.wit4j.runtime.Component#type()}.
 *
 * <p>Identity matters in component types: import and export definitions give names to type
 * <em>definitions</em>, so two structurally equal types may be different definitions. The view
 * keeps identity explicit: a {@link Defined} type carries an {@link Defined#id() id} unique within
 * one view (the same definition reached along different paths has the same id), and a
 * {@link Resource} names both the resource ({@link Resource#resource()}) and the index-space entry
 * through which it was written ({@link Resource#entry()}; each import or export of a resource type
 * creates a new entry for the same resource).
 */
public sealed interface TypeView {

    /**
     * A component type: what a component imports and exports, by name, in binary order; and, for
     * instance imports and exports with a plain name, the interface they say they implement
     * ({@code implements} attribute: {@code import primary: wasi:keyvalue/store} in WIT).
     */
    record Component(
            Map<String, Extern> imports,
            Map<String, Extern> exports,
            Map<String, String> importsImplement,
            Map<String, String> exportsImplement)
            implements TypeView {
        public Component {
            imports = frozen(imports);
            exports = frozen(exports);
            importsImplement = frozen(importsImplement);
            exportsImplement = frozen(exportsImplement);
        }
    }

    /** An instance type: its exports by name, in binary order. */
    record Instance(Map<String, Extern> exports) implements TypeView {
        public Instance {
            exports = frozen(exports);
        }
    }

    /** A function type; {@code result} is empty for a function without result. */
    record Func(boolean async, List<Param> params, Optional<Val> result) implements TypeView {
        public Func {
            params = List.copyOf(params);
            Objects.requireNonNull(result, "result");
        }
    }

    /** A named function parameter. */
    record Param(String name, Val type) {}

    /** A resource type entry: the resource's identity and the entry's own identity. */
    record Resource(long resource, long entry) implements TypeView {}

    /** A component value type: a primitive or a defined type. */
    sealed interface Val permits Primitive, Defined {}

    /** A primitive value type (including {@code string} and {@code error-context}). */
    record Primitive(ValueType.Primitive type) implements Val {
        public Primitive {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A defined value type; {@code id} identifies the definition within this view. Equality of two
     * views of the same definition is by {@code id}; the shape is there to read the structure.
     */
    record Defined(long id, Shape shape) implements Val, TypeView {
        public Defined {
            Objects.requireNonNull(shape, "shape");
        }
    }

    /** The structure of a defined value type. */
    sealed interface Shape {
        /** A primitive given a definition of its own, e.g. by {@code (type u64)}. */
        record Prim(ValueType.Primitive type) implements Shape {}

        /** A record field. */
        record Field(String name, Val type) {}

        /** {@code record}. */
        record Record(List<Field> fields) implements Shape {
            public Record {
                fields = List.copyOf(fields);
            }
        }

        /** A variant case; {@code type} is empty for a case without payload. */
        record Case(String name, Optional<Val> type) {}

        /** {@code variant}. */
        record Variant(List<Case> cases) implements Shape {
            public Variant {
                cases = List.copyOf(cases);
            }
        }

        /** {@code list}; {@code length} is present for a fixed-length list. */
        record ListOf(Val element, OptionalLong length) implements Shape {}

        /** {@code tuple}. */
        record Tuple(List<Val> types) implements Shape {
            public Tuple {
                types = List.copyOf(types);
            }
        }

        /** {@code flags}. */
        record Flags(List<String> names) implements Shape {
            public Flags {
                names = List.copyOf(names);
            }
        }

        /** {@code enum}. */
        record Enum(List<String> names) implements Shape {
            public Enum {
                names = List.copyOf(names);
            }
        }

        /** {@code option}. */
        record Option(Val type) implements Shape {}

        /** {@code result}; {@code ok} and {@code err} may each be empty. */
        record Result(Optional<Val> ok, Optional<Val> err) implements Shape {}

        /** {@code own} of a resource, through the entry it was written with. */
        record Own(Resource resource) implements Shape {}

        /** {@code borrow} of a resource, through the entry it was written with. */
        record Borrow(Resource resource) implements Shape {}

        /** {@code stream}; the element may be empty. */
        record Stream(Optional<Val> element) implements Shape {}

        /** {@code future}; the element may be empty. */
        record Future(Optional<Val> element) implements Shape {}

        /** {@code map}. */
        record MapOf(Val key, Val value) implements Shape {}
    }

    /** The type of an import or export (Explainer, {@code externdesc}). */
    sealed interface Extern {
        /**
         * A core module of a core module type (Explainer.md {@code core:moduletype}): the imports
         * it may have, in order, and the exports it must have, by name.
         */
        record ModuleItem(List<CoreImport> imports, Map<String, CoreExternType> exports) implements Extern {
            public ModuleItem {
                imports = List.copyOf(imports);
                exports = frozen(exports);
            }
        }

        /** A function. */
        record FuncItem(Func type) implements Extern {}

        /** A value. */
        record ValueItem(Val type) implements Extern {}

        /**
         * A type: {@code referenced} is the type the bound refers to (for {@code (sub resource)} a
         * fresh resource); {@code created} is the new definition the import or export introduces,
         * which later types use to refer to it by this name.
         */
        record TypeItem(TypeView referenced, TypeView created) implements Extern {}

        /** An instance. */
        record InstanceItem(Instance type) implements Extern {}

        /** A component. */
        record ComponentItem(Component type) implements Extern {}
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
