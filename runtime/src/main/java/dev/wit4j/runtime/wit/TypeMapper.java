package dev.wit4j.runtime.wit;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Shape;
import dev.wit4j.runtime.internal.validate.ViewTypes;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.SourcePos;
import dev.wit4j.witx.model.Stability;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.TypeDefKind;
import dev.wit4j.witx.model.TypeOwner;
import dev.wit4j.witx.model.ValueType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps component types to WIT types. A type export gives its {@code created} definition a name;
 * every later use of that definition becomes a reference to the named {@link TypeDef}, and a type
 * export whose {@code referenced} definition already has a name becomes an alias of it (which the
 * printer shows as {@code use} when the name lives in another interface). Anonymous types
 * ({@code list}, {@code option}, handles, ...) are converted structurally.
 */
final class TypeMapper {
    /** Defined value types by view id: a reference to a named definition, or an anonymous type. */
    private final Map<Long, ValueType> defined = new HashMap<>();
    /** Resource entries, and (for entries never named directly) the first name of each resource. */
    private final Map<TypeView.Resource, TypeDef> entries = new HashMap<>();

    private final Map<Long, TypeDef> resources = new HashMap<>();
    /** Resources by owner and name, for {@code [method]r.m} and friends. */
    private final Map<TypeOwner, Map<String, TypeDef>> byOwner = new HashMap<>();

    /** Declares the type export {@code name} of {@code owner}: a new definition or an alias. */
    TypeDef typeExport(String name, TypeView.Extern.TypeItem item, TypeOwner owner) {
        TypeDefKind kind =
                known(item.referenced()).<TypeDefKind>map(k -> k).orElseGet(() -> declare(name, item.referenced()));
        TypeDef def = new TypeDef(name, owner, kind, Docs.NONE, Stability.UNKNOWN, SourcePos.NONE);
        if (kind instanceof TypeDefKind.Resource) {
            byOwner.computeIfAbsent(owner, o -> new HashMap<>()).put(name, def);
        }
        if (named(item.created())) {
            throw new WitDecodingException(
                    "cannot represent this component in WIT: the type `" + name
                            + "` appears more than once (for example, when an imported instance is re-exported under a new name)");
        }
        name(item.created(), def);
        return def;
    }

    /** Whether exactly this definition or resource entry already has a name. */
    private boolean named(TypeView created) {
        return created instanceof TypeView.Defined d
                ? defined.containsKey(d.id())
                : created instanceof TypeView.Resource r && entries.containsKey(r);
    }

    /** Records that {@code created} (of a type export seen again) is the existing {@code def}. */
    void alsoNamed(TypeView created, TypeDef def) {
        if (!named(created)) {
            name(created, def);
        }
    }

    private TypeDefKind declare(String name, TypeView referenced) {
        if (referenced instanceof TypeView.Defined d) {
            return shape(d.shape());
        } else if (referenced instanceof TypeView.Resource) {
            return TypeDefKind.RESOURCE;
        }
        throw new WitDecodingException("type export `" + name + "` is not a value type or resource");
    }

    private void name(TypeView created, TypeDef def) {
        if (created instanceof TypeView.Defined d) {
            defined.put(d.id(), new ValueType.Named(def));
        } else if (created instanceof TypeView.Resource r) {
            entries.put(r, def);
            resources.putIfAbsent(r.resource(), def);
        }
    }

    /** What a type is already known as: a reference to a named definition or an anonymous type. */
    private Optional<ValueType> known(TypeView t) {
        if (t instanceof TypeView.Defined d) {
            return Optional.ofNullable(defined.get(d.id()));
        } else if (t instanceof TypeView.Resource r) {
            return resourceName(r).map(ValueType.Named::new);
        }
        return Optional.empty();
    }

    private Optional<TypeDef> resourceName(TypeView.Resource r) {
        TypeDef def = entries.get(r);
        return Optional.ofNullable(def != null ? def : resources.get(r.resource()));
    }

    /** The resource named {@code name} in {@code owner}, for a constructor, method or static function. */
    TypeDef resource(TypeOwner owner, String name, String function) {
        TypeDef def = byOwner.getOrDefault(owner, Map.of()).get(name);
        if (def == null) {
            throw new WitDecodingException(
                    "function `" + function + "` refers to resource `" + name + "`, which is not defined next to it");
        }
        return def;
    }

    /** A value type as WIT: a primitive, a reference to a named definition, or an anonymous type. */
    ValueType value(TypeView.Val v) {
        if (v instanceof TypeView.Primitive p) {
            return p.type();
        }
        TypeView.Defined d = (TypeView.Defined) v;
        ValueType k = defined.get(d.id());
        if (k != null) {
            return k;
        }
        ValueType t = shape(d.shape());
        if (t instanceof ValueType.RecordType
                || t instanceof ValueType.VariantType
                || t instanceof ValueType.EnumType
                || t instanceof ValueType.FlagsType) {
            throw new WitDecodingException("cannot represent this component in WIT: an unnamed "
                    + t.getClass().getSimpleName().replace("Type", "").toLowerCase() + " type");
        }
        defined.put(d.id(), t);
        return t;
    }

    private Optional<ValueType> value(Optional<TypeView.Val> v) {
        return v.map(this::value);
    }

    private ValueType shape(Shape s) {
        return ViewTypes.of(s, new ViewTypes.Leaves() {
            @Override
            public ValueType value(TypeView.Val type) {
                return TypeMapper.this.value(type);
            }

            @Override
            public ValueType handle(TypeView.Resource resource, boolean borrow) {
                return new ValueType.HandleType(handleTarget(resource), borrow);
            }
        });
    }

    private TypeDef handleTarget(TypeView.Resource r) {
        return resourceName(r)
                .orElseThrow(() -> new WitDecodingException(
                        "cannot represent this component in WIT: a handle to a resource that has no name"));
    }
}
