package dev.wit4j.runtime.internal.validate;

import dev.wit4j.witx.model.ValueType;

/**
 * A primitive component value type among the validator's types: one of WIT's primitives
 * ({@link ValueType.Primitive}, the one list of them), with one instance each so that primitives
 * compare by identity as the other types do.
 */
final class PrimitiveType implements ValType {

    private static final PrimitiveType[] ALL = new PrimitiveType[ValueType.Primitive.values().length];

    static {
        for (ValueType.Primitive p : ValueType.Primitive.values()) {
            ALL[p.ordinal()] = new PrimitiveType(p);
        }
    }

    static final PrimitiveType CHAR = of(ValueType.Primitive.CHAR);
    static final PrimitiveType STRING = of(ValueType.Primitive.STRING);
    static final PrimitiveType F32 = of(ValueType.Primitive.F32);
    static final PrimitiveType F64 = of(ValueType.Primitive.F64);
    static final PrimitiveType ERROR_CONTEXT = of(ValueType.Primitive.ERROR_CONTEXT);

    private final ValueType.Primitive type;

    private PrimitiveType(ValueType.Primitive type) {
        this.type = type;
    }

    static PrimitiveType of(ValueType.Primitive type) {
        return ALL[type.ordinal()];
    }

    /** The primitive in the WIT model. */
    ValueType.Primitive type() {
        return type;
    }

    /** The primitive's constant name ({@code U32}), as the layout rules' kinds name them too. */
    String name() {
        return type.name();
    }

    @Override
    public String toString() {
        return type.witName();
    }
}
