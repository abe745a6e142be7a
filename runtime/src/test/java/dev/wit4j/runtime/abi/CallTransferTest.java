package dev.wit4j.runtime.abi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.witx.model.ValueType;
import dev.wit4j.witx.model.ValueType.Primitive;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which function types component-to-component calls move without {@code Value}s. */
class CallTransferTest {

    @Test
    void everyWasi02TypeIsTransferredDirectly() {
        List<ValueType> types = List.of(
                Primitive.BOOL,
                Primitive.U64,
                Primitive.F32,
                Primitive.CHAR,
                Primitive.STRING,
                new ValueType.ListType(Primitive.U8),
                new ValueType.TupleType(List.of(Primitive.S16, new ValueType.OptionType(Primitive.STRING))),
                new ValueType.ResultType(Optional.of(Primitive.U32), Optional.empty()),
                new ValueType.ListType(new ValueType.ListType(Primitive.CHAR)));
        assertTrue(CallTransfer.of(types, Optional.of(new ValueType.ListType(Primitive.STRING)))
                .isPresent());
        assertTrue(CallTransfer.of(List.of(), Optional.empty()).isPresent());
    }

    @Test
    void mapsAndFixedLengthListsAreTransferredDirectly() {
        ValueType map = new ValueType.MapType(Primitive.STRING, Primitive.U32);
        assertTrue(CallTransfer.of(List.of(map), Optional.empty()).isPresent());
        assertTrue(CallTransfer.of(List.of(), Optional.of(new ValueType.ListType(map)))
                .isPresent());
        assertTrue(CallTransfer.of(List.of(new ValueType.FixedListType(Primitive.U8, 4)), Optional.empty())
                .isPresent());
        assertTrue(CallTransfer.of(
                        List.of(new ValueType.FixedListType(new ValueType.MapType(Primitive.U8, Primitive.STRING), 3)),
                        Optional.empty())
                .isPresent());
    }

    @Test
    void errorContextsAreTransferredDirectly() {
        assertTrue(CallTransfer.of(List.of(Primitive.ERROR_CONTEXT), Optional.empty())
                .isPresent());
        assertTrue(CallTransfer.of(List.of(), Optional.of(new ValueType.ListType(Primitive.ERROR_CONTEXT)))
                .isPresent());
    }

    @Test
    void streamsAndFuturesGoThroughValues() {
        assertFalse(CallTransfer.of(List.of(), Optional.of(new ValueType.StreamType(Optional.of(Primitive.U8))))
                .isPresent());
        assertFalse(CallTransfer.of(List.of(new ValueType.FutureType(Optional.empty())), Optional.empty())
                .isPresent());
    }
}
