package dev.wit4j.runtime.internal.validate;

import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.TypeView.Shape;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.ValueType;
import java.util.Optional;

/**
 * The structure of a {@link TypeView} value type as a witx {@link ValueType}, written once for the
 * places that need a component's types in the WIT model. What has no structure to convert is the
 * caller's ({@link Leaves}): WIT recovery and the spelling of types in messages name definitions
 * and resources, the import check wants only types in which no resource, stream or future occurs.
 * Internal.
 */
public final class ViewTypes {

    private ViewTypes() {}

    /** What {@link #of} leaves to its caller. */
    public interface Leaves {
        /** A nested value type: a primitive, or a defined type the caller may have named. */
        ValueType value(TypeView.Val type);

        /** {@code own} or {@code borrow} of a resource entry. */
        ValueType handle(TypeView.Resource resource, boolean borrow);

        /** {@code stream}, of the element converted. */
        default ValueType stream(Optional<ValueType> element) {
            return new ValueType.StreamType(element);
        }

        /** {@code future}, of the element converted. */
        default ValueType future(Optional<ValueType> element) {
            return new ValueType.FutureType(element);
        }
    }

    /** {@code shape} as a witx type, its nested types and handles converted by {@code leaves}. */
    public static ValueType of(Shape shape, Leaves leaves) {
        if (shape instanceof Shape.Prim p) {
            return p.type();
        } else if (shape instanceof Shape.Record r) {
            return new ValueType.RecordType(r.fields().stream()
                    .map(f -> new ValueType.Field(f.name(), leaves.value(f.type()), Docs.NONE))
                    .toList());
        } else if (shape instanceof Shape.Variant v) {
            return new ValueType.VariantType(v.cases().stream()
                    .map(c -> new ValueType.Case(c.name(), c.type().map(leaves::value), Docs.NONE))
                    .toList());
        } else if (shape instanceof Shape.ListOf l) {
            ValueType element = leaves.value(l.element());
            return l.length().isPresent()
                    ? new ValueType.FixedListType(element, l.length().getAsLong())
                    : new ValueType.ListType(element);
        } else if (shape instanceof Shape.Tuple t) {
            return new ValueType.TupleType(t.types().stream().map(leaves::value).toList());
        } else if (shape instanceof Shape.Flags f) {
            return new ValueType.FlagsType(f.names().stream()
                    .map(n -> new ValueType.Flag(n, Docs.NONE))
                    .toList());
        } else if (shape instanceof Shape.Enum e) {
            return new ValueType.EnumType(e.names().stream()
                    .map(n -> new ValueType.EnumCase(n, Docs.NONE))
                    .toList());
        } else if (shape instanceof Shape.Option o) {
            return new ValueType.OptionType(leaves.value(o.type()));
        } else if (shape instanceof Shape.Result r) {
            return new ValueType.ResultType(r.ok().map(leaves::value), r.err().map(leaves::value));
        } else if (shape instanceof Shape.Own o) {
            return leaves.handle(o.resource(), false);
        } else if (shape instanceof Shape.Borrow b) {
            return leaves.handle(b.resource(), true);
        } else if (shape instanceof Shape.Stream s) {
            return leaves.stream(s.element().map(leaves::value));
        } else if (shape instanceof Shape.Future f) {
            return leaves.future(f.element().map(leaves::value));
        }
        Shape.MapOf m = (Shape.MapOf) shape;
        return new ValueType.MapType(leaves.value(m.key()), leaves.value(m.value()));
    }
}
