package dev.wit4j.runtime.internal.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Streams and futures (CanonicalABI.md 🔀 "Stream State", "Future State" and their built-ins)
 * between two components of {@code resources/link/streams.wat}: {@code $P} makes them and writes,
 * {@code $C} reads them through a waitable set; events come back as {@code code | index << 8 |
 * payload << 32}.
 */
class StreamsAndFuturesTest {

    private static final long BLOCKED = 0xFFFF_FFFFL;
    private static final int STREAM_READ = 2;
    private static final int FUTURE_READ = 4;
    private static final int COMPLETED = 0;
    private static final int DROPPED = 1;
    private static final int CANCELLED = 2;

    private static Instance instance(ExecutionMode mode) {
        Engine engine = Wasm.engine(mode);
        return engine.linker().instantiate(Wasm.load(engine, "streams"));
    }

    private static long call(Instance in, String name, Value... args) {
        Value v = in.func(name).call(args).orElseThrow();
        return v instanceof Value.U64 u ? u.value() : Integer.toUnsignedLong(((Value.U32) v).value());
    }

    private static long event(int code, long index, long payload) {
        return code | index << 8 | payload << 32;
    }

    /** What a stream copy returns or delivers: its result and how many values it moved. */
    private static long copied(int result, int count) {
        return result | (long) count << 4;
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void bytesMoveFromTheWritersMemoryIntoTheReaders(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = call(in, "open-stream");
        in.func("join").call();
        assertEquals(BLOCKED, call(in, "read", Value.u32(4)), "nothing written yet");
        // the writer offers 6 bytes, the reader's buffer takes 4: the write completes with 4
        assertEquals(copied(COMPLETED, 4), call(in, "p-write", Value.u32(6)));
        assertEquals(event(STREAM_READ, r, copied(COMPLETED, 4)), call(in, "poll"));
        assertEquals(0x6463_6261L, call(in, "received"), "abcd");
        assertEquals(0, call(in, "poll"), "the event was delivered once");
        assertFalse(in.isPoisoned());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aWriteWaitsForItsReader(ExecutionMode mode) {
        Instance in = instance(mode);
        call(in, "open-stream");
        assertEquals(BLOCKED, call(in, "p-write", Value.u32(3)));
        assertEquals(copied(COMPLETED, 3), call(in, "read", Value.u32(8)), "the read takes what is offered at once");
        assertEquals(0x63_6261L, call(in, "received"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void droppingTheWriterEndsTheRead(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = call(in, "open-stream");
        in.func("join").call();
        assertEquals(BLOCKED, call(in, "read", Value.u32(4)));
        in.func("p-close").call();
        assertEquals(event(STREAM_READ, r, copied(DROPPED, 0)), call(in, "wait"));
        Trap t = assertThrows(Trap.class, () -> in.func("read").call(Value.u32(4)));
        assertTrue(
                t.getMessage().contains("cannot read from stream after being notified that the writable end dropped"),
                t.getMessage());
        Trap after = assertThrows(Trap.class, () -> in.func("poll").call());
        assertEquals(Trap.Reason.CANNOT_ENTER, after.reason(), "the trap poisoned the reader's instance");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aCancelledWriteGetsItsBufferBack(ExecutionMode mode) {
        Instance in = instance(mode);
        call(in, "open-stream");
        assertEquals(BLOCKED, call(in, "p-write", Value.u32(4)));
        assertEquals(copied(CANCELLED, 0), call(in, "p-cancel-write"));
        Trap t = assertThrows(Trap.class, () -> in.func("p-cancel-write").call());
        assertTrue(t.getMessage().contains("no asynchronous copy"), t.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFutureDeliversOneValue(ExecutionMode mode) {
        Instance in = instance(mode);
        long r = call(in, "open-future");
        in.func("join").call();
        assertEquals(BLOCKED, call(in, "read-future"));
        assertEquals(COMPLETED, call(in, "p-resolve", Value.u32(42)));
        assertEquals(event(FUTURE_READ, r, COMPLETED), call(in, "wait"));
        assertEquals(42, call(in, "received"));
        Trap t = assertThrows(Trap.class, () -> in.func("read-future").call());
        assertTrue(t.getMessage().contains("cannot read from future after previous read succeeded"), t.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aFutureIsWrittenBeforeItsWriterIsDropped(ExecutionMode mode) {
        Instance in = instance(mode);
        call(in, "open-future");
        Trap t = assertThrows(Trap.class, () -> in.func("p-close-future").call());
        assertTrue(t.getMessage().contains("cannot drop future write end without first writing a value"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aTaskThatWouldBlockTraps(ExecutionMode mode) {
        Instance sync = instance(mode);
        call(sync, "open-stream");
        Trap t = assertThrows(Trap.class, () -> sync.func("read-sync").call(Value.u32(4)));
        assertTrue(t.getMessage().contains("cannot block a synchronous task before returning"), t.getMessage());

        Instance async = instance(mode);
        call(async, "open-stream");
        t = assertThrows(Trap.class, () -> async.func("read-sync-async").call(Value.u32(4)));
        assertTrue(t.getMessage().contains("deadlock detected"), t.getMessage());

        Instance joined = instance(mode);
        call(joined, "open-stream");
        joined.func("join").call();
        t = assertThrows(Trap.class, () -> joined.func("read-sync").call(Value.u32(4)));
        assertTrue(t.getMessage().contains("waitable cannot be used synchronously while added to a waitable set"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSynchronousReadOfWhatIsOfferedDoesNotBlock(ExecutionMode mode) {
        Instance in = instance(mode);
        call(in, "open-stream");
        assertEquals(BLOCKED, call(in, "p-write", Value.u32(2)));
        assertEquals(copied(COMPLETED, 2), call(in, "read-sync", Value.u32(4)));
        assertEquals(0x6261L, call(in, "received"));
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void theHostPassesAStreamOnOnce(ExecutionMode mode) {
        Instance in = instance(mode);
        Value stream = in.func("p-make-stream").call().orElseThrow();
        ResourceHandle handle =
                assertInstanceOf(Value.StreamValue.class, stream).handle();
        assertEquals("stream<u8>", handle.resourceType());
        in.func("take").call(stream);
        in.func("join").call();
        assertEquals(BLOCKED, call(in, "read", Value.u32(2)));
        assertEquals(copied(COMPLETED, 2), call(in, "p-write", Value.u32(2)));
        assertEquals(STREAM_READ, call(in, "poll") & 0xFF);

        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class, () -> in.func("take").call(stream));
        assertTrue(twice.getMessage().contains("already passed"), twice.getMessage());
        // as with any ill-typed argument, the instance it was lowered into is not used again
        Instance other = instance(mode);
        Value madeUp = new Value.StreamValue(ResourceHandle.of("stream<u8>", 1));
        IllegalArgumentException notOurs = assertThrows(
                IllegalArgumentException.class, () -> other.func("take").call(madeUp));
        assertTrue(notOurs.getMessage().contains("not lifted out of a component instance"), notOurs.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSetIsDroppedOnlyWhenEmpty(ExecutionMode mode) {
        Instance in = instance(mode);
        call(in, "open-stream");
        in.func("join").call();
        in.func("leave").call();
        in.func("drop-set").call();
        assertFalse(in.isPoisoned());

        Instance full = instance(mode);
        call(full, "open-stream");
        full.func("join").call();
        Trap t = assertThrows(Trap.class, () -> full.func("drop-set").call());
        assertTrue(t.getMessage().contains("waitables in it"), t.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aBusyEndIsNotDropped(ExecutionMode mode) {
        Instance in = instance(mode);
        call(in, "open-stream");
        assertEquals(BLOCKED, call(in, "read", Value.u32(4)));
        Trap t = assertThrows(Trap.class, () -> in.func("close").call());
        assertTrue(t.getMessage().contains("cannot drop busy stream"), t.getMessage());
    }
}
