package dev.wit4j.binary;

import java.util.List;
import java.util.Optional;

/**
 * A {@code defvaltype} (Binary.md, "Type Definitions"). Emptiness rules ({@code record} needs a
 * field, {@code flags} at most 32 labels, a fixed-length list a non-zero length, ...) are
 * validation rules and are not checked by the decoder.
 */
public sealed interface DefValType extends DefType {

    /** A primitive used as a type definition, e.g. {@code (type string)}. */
    record PrimitiveType(long offset, PrimValType type) implements DefValType {}

    /** {@code 0x72 lt*:vec(<labelvaltype>)}. */
    record RecordType(long offset, List<DefType.LabeledType> fields) implements DefValType {
        public RecordType {
            fields = List.copyOf(fields);
        }
    }

    /** {@code 0x71 case*:vec(<case>)}. */
    record VariantType(long offset, List<Case> cases) implements DefValType {
        public VariantType {
            cases = List.copyOf(cases);
        }
    }

    /** {@code 0x70 t:<valtype>}. */
    record ListType(long offset, ComponentValType element) implements DefValType {}

    /** {@code 0x67 t:<valtype> len:<u32>} (🔧). */
    record FixedListType(long offset, ComponentValType element, long length) implements DefValType {}

    /** {@code 0x6f t*:vec(<valtype>)}. */
    record TupleType(long offset, List<ComponentValType> types) implements DefValType {
        public TupleType {
            types = List.copyOf(types);
        }
    }

    /** {@code 0x6e l*:vec(<labellit>)}. */
    record FlagsType(long offset, List<String> labels) implements DefValType {
        public FlagsType {
            labels = List.copyOf(labels);
        }
    }

    /** {@code 0x6d l*:vec(<labellit>)}. */
    record EnumType(long offset, List<String> labels) implements DefValType {
        public EnumType {
            labels = List.copyOf(labels);
        }
    }

    /** {@code 0x6b t:<valtype>}. */
    record OptionType(long offset, ComponentValType type) implements DefValType {}

    /** {@code 0x6a t?:<valtype>? u?:<valtype>?}. */
    record ResultType(long offset, Optional<ComponentValType> ok, Optional<ComponentValType> error)
            implements DefValType {}

    /** {@code 0x69 i:<typeidx>}. */
    record OwnType(long offset, long typeIndex) implements DefValType {}

    /** {@code 0x68 i:<typeidx>}. */
    record BorrowType(long offset, long typeIndex) implements DefValType {}

    /** {@code 0x66 t?:<valtype>?} (🔀). */
    record StreamType(long offset, Optional<ComponentValType> element) implements DefValType {}

    /** {@code 0x65 t?:<valtype>?} (🔀). */
    record FutureType(long offset, Optional<ComponentValType> element) implements DefValType {}

    /** {@code 0x63 k:<valtype> v:<valtype>} (🗺️). */
    record MapType(long offset, ComponentValType key, ComponentValType value) implements DefValType {}

    /**
     * A variant {@code case}: {@code l:<labellit> t?:<valtype>? 0x00}. The trailing byte must be
     * zero (Binary.md reserves it), so it is not stored.
     */
    record Case(String label, Optional<ComponentValType> type) {}
}
