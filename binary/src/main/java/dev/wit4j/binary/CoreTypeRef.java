package dev.wit4j.binary;

import java.util.OptionalInt;
import java.util.OptionalLong;

/** A core {@code externtype}, as found in module type imports and exports. */
public sealed interface CoreTypeRef {

    /** {@code 0x00 typeidx}. */
    record Func(long typeIndex) implements CoreTypeRef {}

    /** {@code 0x20 typeidx} (custom descriptors): a function of exactly this type. */
    record FuncExact(long typeIndex) implements CoreTypeRef {}

    /**
     * {@code 0x01 reftype limits}; limits are read as u64 (memory64), {@code maximum} absent when
     * the flags say so.
     */
    record Table(CoreValueType.Ref element, boolean table64, boolean shared, long initial, OptionalLong maximum)
            implements CoreTypeRef {}

    /** {@code 0x02 limits}, with the memory64, shared and custom-page-size flags. */
    record Memory(boolean memory64, boolean shared, long initial, OptionalLong maximum, OptionalInt pageSizeLog2)
            implements CoreTypeRef {}

    /** {@code 0x03 valtype mut} with the shared flag. */
    record Global(CoreValueType type, boolean mutable, boolean shared) implements CoreTypeRef {}

    /** {@code 0x04 0x00 typeidx}: an exception tag. */
    record Tag(long typeIndex) implements CoreTypeRef {}
}
