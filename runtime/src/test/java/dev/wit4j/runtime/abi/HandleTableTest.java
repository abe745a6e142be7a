package dev.wit4j.runtime.abi;

import static dev.wit4j.runtime.abi.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.value.ResourceHandle;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.witx.model.TypeDef;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The handle table and the lifting and lowering of own / borrow. */
class HandleTableTest {

    static Trap.Reason trap(Executable e) {
        return assertThrows(Trap.class, e).reason();
    }

    final ResourceType file = new ResourceType("file", null);
    final ResourceType dir = new ResourceType("dir", null);

    @Test
    void indexZeroIsNeverValid() {
        HandleTable t = new HandleTable();
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, trap(() -> t.handle(0)));
        assertEquals(1, t.resourceNew(file, 42));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, trap(() -> t.handle(0)));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, trap(() -> t.handle(2)));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, trap(() -> t.handle(-1)));
    }

    @Test
    void freedSlotsAreReusedMostRecentFirst() {
        HandleTable t = new HandleTable();
        int a = t.resourceNew(file, 1);
        int b = t.resourceNew(file, 2);
        int c = t.resourceNew(file, 3);
        assertEquals(List.of(1, 2, 3), List.of(a, b, c));
        assertEquals(OptionalInt.of(1), t.resourceDrop(file, a));
        assertEquals(OptionalInt.of(3), t.resourceDrop(file, c));
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, trap(() -> t.resourceRep(file, c)));
        assertEquals(3, t.resourceNew(file, 4));
        assertEquals(1, t.resourceNew(file, 5));
        assertEquals(4, t.resourceNew(file, 6));
        assertEquals(4, t.liveCount());
    }

    @Test
    void resourceTypesAreComparedByIdentity() {
        HandleTable t = new HandleTable();
        ResourceType sameName = new ResourceType("file", null);
        int h = t.resourceNew(file, 7);
        assertEquals(Trap.Reason.HANDLE_TYPE_MISMATCH, trap(() -> t.resourceRep(sameName, h)));
        assertEquals(7, t.resourceRep(file, h));
        // lift_own removes the entry before checking it, as the spec does (the instance is dead anyway)
        assertEquals(Trap.Reason.HANDLE_TYPE_MISMATCH, trap(() -> t.liftOwn(h, dir)));
    }

    @Test
    void liftOwnTransfersOwnership() {
        HandleTable t = new HandleTable();
        int h = t.lowerOwn(9, file);
        assertEquals(9, t.liftOwn(h, file));
        assertEquals(0, t.liveCount());
        assertEquals(Trap.Reason.UNKNOWN_HANDLE, trap(() -> t.liftOwn(h, file)));
    }

    @Test
    void borrowsCannotBeLiftedAsOwn() {
        HandleTable t = new HandleTable();
        BorrowScope.Task task = new BorrowScope.Task();
        int h = t.lowerBorrow(5, file, task, null);
        assertEquals(Trap.Reason.HANDLE_NOT_OWNED, trap(() -> t.liftOwn(h, file)));
    }

    @Test
    void lentHandlesCannotBeMovedOrDropped() {
        HandleTable t = new HandleTable();
        int h = t.resourceNew(file, 5);
        BorrowScope.Subtask call = new BorrowScope.Subtask();
        assertEquals(5, t.liftBorrow(h, file, call));
        assertEquals(5, t.liftBorrow(h, file, call));
        assertEquals(2, t.handle(h).numLends());
        call.deliverResolve();
        assertEquals(0, t.handle(h).numLends());
        BorrowScope.Subtask call1 = new BorrowScope.Subtask();
        t.liftBorrow(h, file, call1);
        assertEquals(Trap.Reason.HANDLE_LENT, trap(() -> t.resourceDrop(file, h)));
        HandleTable t2 = new HandleTable();
        int h2 = t2.resourceNew(file, 6);
        BorrowScope.Subtask call2 = new BorrowScope.Subtask();
        t2.liftBorrow(h2, file, call2);
        assertEquals(Trap.Reason.HANDLE_LENT, trap(() -> t2.liftOwn(h2, file)));
        HandleTable t3 = new HandleTable();
        int h3 = t3.resourceNew(file, 7);
        BorrowScope.Subtask call3 = new BorrowScope.Subtask();
        t3.liftBorrow(h3, file, call3);
        call3.deliverResolve();
        assertEquals(0, t3.handle(h3).numLends());
        assertEquals(7, t3.liftOwn(h3, file));
    }

    @Test
    void receivedBorrowsMustBeDroppedBeforeReturn() {
        HandleTable t = new HandleTable();
        BorrowScope.Task task = new BorrowScope.Task();
        int b = t.lowerBorrow(5, file, task, "callee");
        assertEquals(1, task.numBorrows());
        assertEquals(Trap.Reason.BORROWS_OUTSTANDING, trap(task::checkAllBorrowsDropped));
        assertEquals(OptionalInt.empty(), t.resourceDrop(file, b));
        assertEquals(0, task.numBorrows());
        task.checkAllBorrowsDropped();
    }

    @Test
    void borrowToTheImplementerPassesTheRep() {
        Object instance = new Object();
        ResourceType mine = new ResourceType("mine", instance);
        HandleTable t = new HandleTable();
        BorrowScope.Task task = new BorrowScope.Task();
        assertEquals(77, t.lowerBorrow(77, mine, task, instance));
        assertEquals(0, t.liveCount());
        assertEquals(0, task.numBorrows());
    }

    // ---------------------------------------------------------------- through CanonicalAbi

    @Test
    void ownRoundTripBetweenTwoInstances() {
        TypeDef res = resource("file");
        ValueType ownT = own(res);
        ResourceTypes types = ResourceTypes.perDefinition();
        HandleTable guest = new HandleTable();
        LiftLowerContext cx = new LiftLowerContext(CanonicalOptions.SCALARS_ONLY, guest, "guest", null, types);
        int index = guest.resourceNew(types.of(res), 1234);
        Value lifted = CanonicalAbi.liftFlat(cx, new FlatCursor(new long[] {index}), ownT);
        ResourceHandle h = ((Value.Own) lifted).handle();
        assertEquals("file", h.resourceType());
        assertEquals(1234, h.rep());
        assertEquals(0, guest.liveCount());
        // lowering it again creates a fresh owned entry
        long[] flat = CanonicalAbi.lowerFlat(cx, lifted, ownT);
        assertEquals(index, (int) flat[0]);
        assertEquals(1234, guest.handle((int) flat[0]).rep());
        assertTrue(guest.handle((int) flat[0]).isOwn());
        // a host-made handle works too
        long[] flat2 = CanonicalAbi.lowerFlat(cx, Value.own(ResourceHandle.of("file", 55)), ownT);
        assertEquals(55, guest.resourceRep(types.of(res), (int) flat2[0]));
    }

    @Test
    void borrowParamsThroughContexts() {
        TypeDef res = resource("file");
        ValueType borrowT = borrow(res);
        ResourceTypes types = ResourceTypes.perDefinition();
        // caller side: lifting borrow<file> out of the caller lends the handle
        HandleTable caller = new HandleTable();
        BorrowScope.Subtask subtask = new BorrowScope.Subtask();
        LiftLowerContext callerCx =
                new LiftLowerContext(CanonicalOptions.SCALARS_ONLY, caller, "caller", subtask, types);
        int index = caller.resourceNew(types.of(res), 99);
        Value b = CanonicalAbi.liftFlat(callerCx, new FlatCursor(new long[] {index}), borrowT);
        assertEquals(1, caller.handle(index).numLends());
        // callee side: lowering it creates a borrow entry counted in the task
        HandleTable callee = new HandleTable();
        BorrowScope.Task task = new BorrowScope.Task();
        LiftLowerContext calleeCx = new LiftLowerContext(CanonicalOptions.SCALARS_ONLY, callee, "callee", task, types);
        long[] flat = CanonicalAbi.lowerFlat(calleeCx, b, borrowT);
        assertEquals(99, callee.handle((int) flat[0]).rep());
        assertEquals(1, task.numBorrows());
        callee.resourceDrop(types.of(res), (int) flat[0]);
        task.checkAllBorrowsDropped();
        subtask.deliverResolve();
        assertEquals(0, caller.handle(index).numLends());
    }

    @Test
    void handlesInsideCompoundValuesInMemory() {
        TypeDef res = resource("file");
        ValueType t = list(option(own(res)));
        ResourceTypes types = ResourceTypes.perDefinition();
        HandleTable table = new HandleTable();
        Mem mem = new Mem();
        LiftLowerContext cx = new LiftLowerContext(mem.options(StringEncoding.UTF8), table, null, null, types);
        Value v = Value.list(
                Value.some(Value.own(ResourceHandle.of("file", 1))),
                Value.none(),
                Value.some(Value.own(ResourceHandle.of("file", 2))));
        CanonicalAbi.store(cx, v, t, 8);
        assertEquals(2, table.liveCount());
        Value back = CanonicalAbi.load(cx, 8, t);
        assertEquals(0, table.liveCount());
        List<Value> elems = ((Value.ListValue) back).elements();
        assertEquals(
                2,
                ((Value.Own) ((Value.OptionValue) elems.get(2)).value().orElseThrow())
                        .handle()
                        .rep());
    }

    @Test
    void liftedHandleOfAnotherRuntimeTypeIsRejectedOnLowering() {
        TypeDef res = resource("file");
        LiftedResource foreign = new LiftedResource("file", new ResourceType("file", null), 3);
        LiftLowerContext cx = new LiftLowerContext(
                CanonicalOptions.SCALARS_ONLY, new HandleTable(), null, null, ResourceTypes.perDefinition());
        assertThrows(IllegalArgumentException.class, () -> CanonicalAbi.lowerFlat(cx, Value.own(foreign), own(res)));
    }

    @Test
    void liftingAWrongIndexTraps() {
        TypeDef res = resource("file");
        ResourceTypes types = ResourceTypes.perDefinition();
        HandleTable table = new HandleTable();
        LiftLowerContext cx =
                new LiftLowerContext(CanonicalOptions.SCALARS_ONLY, table, null, new BorrowScope.Subtask(), types);
        assertEquals(
                Trap.Reason.UNKNOWN_HANDLE,
                trap(() -> CanonicalAbi.liftFlat(cx, new FlatCursor(new long[] {0}), own(res))));
        assertEquals(
                Trap.Reason.UNKNOWN_HANDLE,
                trap(() -> CanonicalAbi.liftFlat(cx, new FlatCursor(new long[] {5}), borrow(res))));
        int other = table.resourceNew(new ResourceType("other", null), 1);
        assertEquals(
                Trap.Reason.HANDLE_TYPE_MISMATCH,
                trap(() -> CanonicalAbi.liftFlat(cx, new FlatCursor(new long[] {other}), borrow(res))));
    }

    /** Messages of handle traps name the offending index (the suites expect "handle index 2 ..."). */
    @Test
    void handleTrapsNameTheIndex() {
        List<Consumer<HandleTable>> wrongType = List.of(
                t -> t.resourceRep(dir, 2),
                t -> t.resourceDrop(dir, 2),
                t -> t.liftOwn(2, dir),
                t -> t.liftBorrow(2, dir, new BorrowScope.Subtask()));
        for (Consumer<HandleTable> use : wrongType) {
            HandleTable t = new HandleTable();
            t.resourceNew(file, 10);
            assertEquals(2, t.resourceNew(file, 11));
            Trap trap = assertThrows(Trap.class, () -> use.accept(t));
            assertEquals(Trap.Reason.HANDLE_TYPE_MISMATCH, trap.reason());
            assertTrue(trap.getMessage().matches(".*\\bindex 2\\b.*"), trap.getMessage());
            assertTrue(trap.getMessage().contains("expected dir, found file"), trap.getMessage());
        }
    }
}
