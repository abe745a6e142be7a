package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.EnumType;
import dev.wit4j.witx.model.ValueType.OptionType;
import dev.wit4j.witx.model.ValueType.VariantType;
import java.util.Optional;

/**
 * Translation between case indices and values of the variant-like types (variant, enum, option,
 * result), following {@code despecialize} in CanonicalABI.md: option is {@code none(0) | some(1)},
 * result is {@code ok(0) | error(1)}.
 */
final class Cases {

    private Cases() {}

    /** A case index and payload of a variant-like value ({@code match_case}). */
    record Selected(int index, Optional<Value> payload) {}

    /** The case of {@code v}, a value of the resolved variant-like type {@code t}. */
    static Selected match(ValueType t, Value v) {
        if (t instanceof VariantType vt) {
            Value.VariantValue vv = (Value.VariantValue) v;
            for (int i = 0; i < vt.cases().size(); i++) {
                if (vt.cases().get(i).name().equals(vv.caseName())) {
                    return new Selected(i, vv.payload());
                }
            }
            throw new IllegalArgumentException("unknown case `" + vv.caseName() + "`");
        } else if (t instanceof EnumType et) {
            String name = ((Value.EnumValue) v).caseName();
            for (int i = 0; i < et.cases().size(); i++) {
                if (et.cases().get(i).name().equals(name)) {
                    return new Selected(i, Optional.empty());
                }
            }
            throw new IllegalArgumentException("unknown enum case `" + name + "`");
        } else if (t instanceof OptionType) {
            Value.OptionValue o = (Value.OptionValue) v;
            return new Selected(o.isSome() ? 1 : 0, o.value());
        }
        Value.ResultValue r = (Value.ResultValue) v;
        return new Selected(r.isOk() ? 0 : 1, r.payload());
    }

    /** The value of case {@code index} with {@code payload} of the resolved variant-like type {@code t}. */
    static Value make(ValueType t, int index, Optional<Value> payload) {
        if (t instanceof VariantType vt) {
            return new Value.VariantValue(vt.cases().get(index).name(), payload);
        } else if (t instanceof EnumType et) {
            return Value.enumCase(et.cases().get(index).name());
        } else if (t instanceof OptionType) {
            return index == 0 ? Value.none() : Value.some(payload.orElseThrow());
        }
        return new Value.ResultValue(index == 0, payload);
    }

    /** Traps unless {@code discriminant} (unsigned) is below {@code caseCount}. */
    static int checkDiscriminant(long discriminant, int caseCount) {
        if (discriminant < 0 || discriminant >= caseCount) {
            throw new Trap(
                    Trap.Reason.INVALID_DISCRIMINANT,
                    Long.toUnsignedString(discriminant) + " with " + caseCount + " cases");
        }
        return (int) discriminant;
    }
}
