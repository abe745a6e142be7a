package dev.wit4j.witx.model;

import java.util.Objects;

/**
 * A named type definition: {@code type}, {@code record}, {@code variant}, {@code enum},
 * {@code flags}, {@code resource}, or a name brought in by {@code use} (an alias to the used
 * definition, {@code kind = Named(original)}).
 *
 * <p>Identity: a definition is identified by its {@link #owner()} and {@link #name()};
 * {@link #equals} and {@link #hashCode} use only those two, so comparing deep type graphs stays
 * cheap and a definition reached through different paths compares equal.
 */
public record TypeDef(String name, TypeOwner owner, TypeDefKind kind, Docs docs, Stability stability, SourcePos pos) {

    public TypeDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(pos, "pos");
    }

    /** Follows aliases ({@code type a = b;}, {@code use}) to the definition that is not an alias. */
    public TypeDef resolve() {
        TypeDef t = this;
        while (t.kind instanceof ValueType.Named n) {
            t = n.def();
        }
        return t;
    }

    /** Whether this definition is (an alias of) a resource. */
    public boolean isResource() {
        return resolve().kind instanceof TypeDefKind.Resource;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeDef t && t.name.equals(name) && t.owner.equals(owner);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + owner.hashCode();
    }

    @Override
    public String toString() {
        return owner + "." + name;
    }
}
