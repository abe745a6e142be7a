package dev.wit4j.runtime.internal.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * A defined value type. Its {@link #shape()} gives its structure; the object's identity is what
 * import and export definitions give a name to (Explainer, "External Visibility of Types"), so two
 * structurally equal types may differ in whether they are named. Type equality is structural and
 * lives in {@link Subtyping}.
 */
final class DefinedType implements ValType, AnyType {

    private final Shape shape;
    private Boolean containsBorrow;
    private long size = -1;
    private int depth = -1;

    DefinedType(Shape shape) {
        this.shape = shape;
    }

    Shape shape() {
        return shape;
    }

    /** The same structure under a new identity, as created by an import or export of the type. */
    DefinedType rename() {
        return new DefinedType(shape);
    }

    public String describe() {
        return "defined type";
    }

    @Override
    public String toString() {
        return shape.toString();
    }

    /** The value types directly inside this type. */
    List<ValType> children() {
        List<ValType> out = new ArrayList<>();
        if (shape instanceof Shape.Record r) {
            r.fields().forEach(f -> out.add(f.type()));
        } else if (shape instanceof Shape.Variant v) {
            v.cases().forEach(c -> addIfPresent(out, c.type()));
        } else if (shape instanceof Shape.ListOf l) {
            out.add(l.element());
        } else if (shape instanceof Shape.Tuple t) {
            out.addAll(t.types());
        } else if (shape instanceof Shape.Option o) {
            out.add(o.type());
        } else if (shape instanceof Shape.Result r) {
            addIfPresent(out, r.ok());
            addIfPresent(out, r.err());
        } else if (shape instanceof Shape.Stream st) {
            addIfPresent(out, st.element());
        } else if (shape instanceof Shape.Future f) {
            addIfPresent(out, f.element());
        } else if (shape instanceof Shape.MapOf m) {
            out.add(m.key());
            out.add(m.value());
        }
        return out;
    }

    private static void addIfPresent(List<ValType> out, ValType type) {
        if (type != null) out.add(type);
    }

    /** Whether a {@code borrow} handle occurs anywhere inside (streams and futures included). */
    boolean containsBorrow() {
        if (containsBorrow == null) {
            boolean found = shape instanceof Shape.Borrow;
            if (!found && !(shape instanceof Shape.Stream) && !(shape instanceof Shape.Future)) {
                for (ValType child : children()) {
                    if (child instanceof DefinedType d && d.containsBorrow()) {
                        found = true;
                        break;
                    }
                }
            }
            containsBorrow = found;
        }
        return containsBorrow;
    }

    /** Nesting depth of the type, for the type-nesting limit. */
    int depth() {
        if (depth < 0) {
            int max = 0;
            for (ValType child : children()) {
                if (child instanceof DefinedType d) max = Math.max(max, d.depth());
            }
            depth = max + 1;
        }
        return depth;
    }

    /**
     * The Canonical ABI {@code elem_size} of this type, saturated at {@link Long#MAX_VALUE}
     * (CanonicalABI.md, "Element Size"); validation requires it to be below 2^28.
     */
    long elemSize() {
        if (size < 0) size = TypeLayout.measure(this);
        return size;
    }
}
