package dev.wit4j.witx.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function of an interface or world. Resource members are desugared as in WIT.md: the name is
 * {@code [constructor]r}, {@code [method]r.m} or {@code [static]r.s}, methods get a first
 * {@code self: borrow<r>} parameter and constructors return {@code r} (or the declared
 * {@code result<r, E>}).
 *
 * @param result the result type, empty for a function without {@code ->}
 */
public record Function(
        String name,
        Kind kind,
        boolean async,
        List<Param> params,
        Optional<ValueType> result,
        Docs docs,
        Stability stability,
        SourcePos pos) {

    public Function {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        params = List.copyOf(params);
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(docs, "docs");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(pos, "pos");
    }

    /** A named parameter. */
    public record Param(String name, ValueType type) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** Whether the function is free-standing or a member of a resource. */
    public sealed interface Kind {
        /** A plain function. */
        record Freestanding() implements Kind {}

        /** {@code m: func(...)} inside {@code resource r { }}. */
        record Method(TypeDef resource) implements Kind {}

        /** {@code s: static func(...)} inside a resource. */
        record Static(TypeDef resource) implements Kind {}

        /** {@code constructor(...)} inside a resource. */
        record Constructor(TypeDef resource) implements Kind {}

        /** The single free-standing kind value. */
        Kind FREESTANDING = new Freestanding();
    }

    /**
     * The name as written in source: {@code m} for {@code [method]r.m}, {@code r} for a constructor.
     */
    public String itemName() {
        if (name.startsWith("[")) {
            String rest = name.substring(name.indexOf(']') + 1);
            int dot = rest.indexOf('.');
            return dot >= 0 ? rest.substring(dot + 1) : rest;
        }
        return name;
    }

    /** The resource this function belongs to, if it is a constructor, method or static function. */
    public Optional<TypeDef> resource() {
        if (kind instanceof Kind.Method m) {
            return Optional.of(m.resource());
        } else if (kind instanceof Kind.Static s) {
            return Optional.of(s.resource());
        } else if (kind instanceof Kind.Constructor c) {
            return Optional.of(c.resource());
        }
        return Optional.empty();
    }
}
