package dev.wit4j.binary;

import java.util.Map;

/** The name each {@code canon} built-in has in the text format and the spec (CanonicalABI.md). */
final class CanonNames {

    private CanonNames() {}

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(Canon.Lift.class, "lift"),
            Map.entry(Canon.Lower.class, "lower"),
            Map.entry(Canon.ResourceNew.class, "resource.new"),
            Map.entry(Canon.ResourceDrop.class, "resource.drop"),
            Map.entry(Canon.ResourceRep.class, "resource.rep"),
            Map.entry(Canon.BackpressureInc.class, "backpressure.inc"),
            Map.entry(Canon.BackpressureDec.class, "backpressure.dec"),
            Map.entry(Canon.TaskReturn.class, "task.return"),
            Map.entry(Canon.TaskCancel.class, "task.cancel"),
            Map.entry(Canon.ContextGet.class, "context.get"),
            Map.entry(Canon.ContextSet.class, "context.set"),
            Map.entry(Canon.SubtaskCancel.class, "subtask.cancel"),
            Map.entry(Canon.SubtaskDrop.class, "subtask.drop"),
            Map.entry(Canon.StreamNew.class, "stream.new"),
            Map.entry(Canon.StreamRead.class, "stream.read"),
            Map.entry(Canon.StreamWrite.class, "stream.write"),
            Map.entry(Canon.StreamCancelRead.class, "stream.cancel-read"),
            Map.entry(Canon.StreamCancelWrite.class, "stream.cancel-write"),
            Map.entry(Canon.StreamDropReadable.class, "stream.drop-readable"),
            Map.entry(Canon.StreamDropWritable.class, "stream.drop-writable"),
            Map.entry(Canon.FutureNew.class, "future.new"),
            Map.entry(Canon.FutureRead.class, "future.read"),
            Map.entry(Canon.FutureWrite.class, "future.write"),
            Map.entry(Canon.FutureCancelRead.class, "future.cancel-read"),
            Map.entry(Canon.FutureCancelWrite.class, "future.cancel-write"),
            Map.entry(Canon.FutureDropReadable.class, "future.drop-readable"),
            Map.entry(Canon.FutureDropWritable.class, "future.drop-writable"),
            Map.entry(Canon.ErrorContextNew.class, "error-context.new"),
            Map.entry(Canon.ErrorContextDebugMessage.class, "error-context.debug-message"),
            Map.entry(Canon.ErrorContextDrop.class, "error-context.drop"),
            Map.entry(Canon.WaitableSetNew.class, "waitable-set.new"),
            Map.entry(Canon.WaitableSetWait.class, "waitable-set.wait"),
            Map.entry(Canon.WaitableSetPoll.class, "waitable-set.poll"),
            Map.entry(Canon.WaitableSetDrop.class, "waitable-set.drop"),
            Map.entry(Canon.WaitableJoin.class, "waitable.join"),
            Map.entry(Canon.ThreadIndex.class, "thread.index"),
            Map.entry(Canon.ThreadNewIndirect.class, "thread.new-indirect"),
            Map.entry(Canon.ThreadResumeLater.class, "thread.resume-later"),
            Map.entry(Canon.ThreadSuspend.class, "thread.suspend"),
            Map.entry(Canon.ThreadYield.class, "thread.yield"),
            Map.entry(Canon.ThreadSuspendThenResume.class, "thread.suspend-then-resume"),
            Map.entry(Canon.ThreadYieldThenResume.class, "thread.yield-then-resume"),
            Map.entry(Canon.ThreadSuspendThenPromote.class, "thread.suspend-then-promote"),
            Map.entry(Canon.ThreadYieldThenPromote.class, "thread.yield-then-promote"),
            Map.entry(Canon.ThreadSpawnRef.class, "thread.spawn-ref"),
            Map.entry(Canon.ThreadSpawnIndirect.class, "thread.spawn-indirect"),
            Map.entry(Canon.ThreadAvailableParallelism.class, "thread.available-parallelism"));

    static String of(Canon canon) {
        return byClass(canon.getClass());
    }

    /** The name of the records of class {@code kind}, or null for a class that is not one. */
    static String byClass(Class<?> kind) {
        return NAMES.get(kind);
    }
}
