package dev.wit4j.binary;

import java.util.List;
import java.util.Optional;

/**
 * A {@code canon} definition (Binary.md, "Canonical Definitions"): {@code lift} defines a component
 * function, everything else a core function. One record per opcode; the opcode is available as
 * {@link #opcode()}. Flags written {@code async?}, {@code cancel?} and {@code sh?} in Binary.md are
 * booleans (the byte must be {@code 0x00} or {@code 0x01}).
 *
 * <p>Binary.md gives {@code thread.spawn-ref}, {@code thread.spawn-indirect} and
 * {@code thread.available-parallelism} a leading {@code sh?} byte, which this layer follows; the
 * wasm-tools encoder at the time of writing omits it.
 */
public sealed interface Canon {

    /** Absolute offset of the definition's first byte. */
    long offset();

    /** The leading opcode byte ({@code 0x00} for lift, {@code 0x01} for lower). */
    int opcode();

    /** The built-in's name as the text format and the spec write it: {@code lift}, {@code resource.drop}, … */
    default String builtinName() {
        return CanonNames.of(this);
    }

    /** {@code 0x00 0x00 f:<core:funcidx> opts ft:<typeidx>}: {@code (canon lift f opts ft)}. */
    record Lift(long offset, long coreFuncIndex, List<CanonOpt> options, long typeIndex) implements Canon {
        public Lift {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x00;
        }
    }

    /** {@code 0x01 0x00 f:<funcidx> opts}: {@code (canon lower f opts (core func))}. */
    record Lower(long offset, long funcIndex, List<CanonOpt> options) implements Canon {
        public Lower {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x01;
        }
    }

    /** {@code 0x02 rt:<typeidx>}: {@code resource.new}. */
    record ResourceNew(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x02;
        }
    }

    /** {@code 0x03 rt:<typeidx>}: {@code resource.drop}. */
    record ResourceDrop(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x03;
        }
    }

    /** {@code 0x04 rt:<typeidx>}: {@code resource.rep}. */
    record ResourceRep(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x04;
        }
    }

    /** {@code 0x24}: {@code backpressure.inc} (🔀). */
    record BackpressureInc(long offset) implements Canon {
        public int opcode() {
            return 0x24;
        }
    }

    /** {@code 0x25}: {@code backpressure.dec} (🔀). */
    record BackpressureDec(long offset) implements Canon {
        public int opcode() {
            return 0x25;
        }
    }

    /** {@code 0x09 rs:<resultlist> opts}: {@code task.return} (🔀). */
    record TaskReturn(long offset, Optional<ComponentValType> result, List<CanonOpt> options) implements Canon {
        public TaskReturn {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x09;
        }
    }

    /** {@code 0x05}: {@code task.cancel} (🔀). */
    record TaskCancel(long offset) implements Canon {
        public int opcode() {
            return 0x05;
        }
    }

    /** {@code 0x0a t:<core:valtype> i:<u32>}: {@code context.get} (🔀). */
    record ContextGet(long offset, CoreValueType type, long slot) implements Canon {
        public int opcode() {
            return 0x0a;
        }
    }

    /** {@code 0x0b t:<core:valtype> i:<u32>}: {@code context.set} (🔀). */
    record ContextSet(long offset, CoreValueType type, long slot) implements Canon {
        public int opcode() {
            return 0x0b;
        }
    }

    /** {@code 0x06 async?}: {@code subtask.cancel} (🔀). */
    record SubtaskCancel(long offset, boolean async) implements Canon {
        public int opcode() {
            return 0x06;
        }
    }

    /** {@code 0x0d}: {@code subtask.drop} (🔀). */
    record SubtaskDrop(long offset) implements Canon {
        public int opcode() {
            return 0x0d;
        }
    }

    /** {@code 0x0e t:<typeidx>}: {@code stream.new} (🔀). */
    record StreamNew(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x0e;
        }
    }

    /** {@code 0x0f t opts}: {@code stream.read} (🔀). */
    record StreamRead(long offset, long typeIndex, List<CanonOpt> options) implements Canon {
        public StreamRead {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x0f;
        }
    }

    /** {@code 0x10 t opts}: {@code stream.write} (🔀). */
    record StreamWrite(long offset, long typeIndex, List<CanonOpt> options) implements Canon {
        public StreamWrite {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x10;
        }
    }

    /** {@code 0x11 t async?}: {@code stream.cancel-read} (🔀). */
    record StreamCancelRead(long offset, long typeIndex, boolean async) implements Canon {
        public int opcode() {
            return 0x11;
        }
    }

    /** {@code 0x12 t async?}: {@code stream.cancel-write} (🔀). */
    record StreamCancelWrite(long offset, long typeIndex, boolean async) implements Canon {
        public int opcode() {
            return 0x12;
        }
    }

    /** {@code 0x13 t}: {@code stream.drop-readable} (🔀). */
    record StreamDropReadable(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x13;
        }
    }

    /** {@code 0x14 t}: {@code stream.drop-writable} (🔀). */
    record StreamDropWritable(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x14;
        }
    }

    /** {@code 0x15 t:<typeidx>}: {@code future.new} (🔀). */
    record FutureNew(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x15;
        }
    }

    /** {@code 0x16 t opts}: {@code future.read} (🔀). */
    record FutureRead(long offset, long typeIndex, List<CanonOpt> options) implements Canon {
        public FutureRead {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x16;
        }
    }

    /** {@code 0x17 t opts}: {@code future.write} (🔀). */
    record FutureWrite(long offset, long typeIndex, List<CanonOpt> options) implements Canon {
        public FutureWrite {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x17;
        }
    }

    /** {@code 0x18 t async?}: {@code future.cancel-read} (🔀). */
    record FutureCancelRead(long offset, long typeIndex, boolean async) implements Canon {
        public int opcode() {
            return 0x18;
        }
    }

    /** {@code 0x19 t async?}: {@code future.cancel-write} (🔀). */
    record FutureCancelWrite(long offset, long typeIndex, boolean async) implements Canon {
        public int opcode() {
            return 0x19;
        }
    }

    /** {@code 0x1a t}: {@code future.drop-readable} (🔀). */
    record FutureDropReadable(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x1a;
        }
    }

    /** {@code 0x1b t}: {@code future.drop-writable} (🔀). */
    record FutureDropWritable(long offset, long typeIndex) implements Canon {
        public int opcode() {
            return 0x1b;
        }
    }

    /** {@code 0x1c opts}: {@code error-context.new} (📝). */
    record ErrorContextNew(long offset, List<CanonOpt> options) implements Canon {
        public ErrorContextNew {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x1c;
        }
    }

    /** {@code 0x1d opts}: {@code error-context.debug-message} (📝). */
    record ErrorContextDebugMessage(long offset, List<CanonOpt> options) implements Canon {
        public ErrorContextDebugMessage {
            options = List.copyOf(options);
        }

        public int opcode() {
            return 0x1d;
        }
    }

    /** {@code 0x1e}: {@code error-context.drop} (📝). */
    record ErrorContextDrop(long offset) implements Canon {
        public int opcode() {
            return 0x1e;
        }
    }

    /** {@code 0x1f}: {@code waitable-set.new} (🔀). */
    record WaitableSetNew(long offset) implements Canon {
        public int opcode() {
            return 0x1f;
        }
    }

    /** {@code 0x20 cancel? m:<core:memoryidx>}: {@code waitable-set.wait} (🔀). */
    record WaitableSetWait(long offset, boolean cancellable, long memoryIndex) implements Canon {
        public int opcode() {
            return 0x20;
        }
    }

    /** {@code 0x21 cancel? m:<core:memoryidx>}: {@code waitable-set.poll} (🔀). */
    record WaitableSetPoll(long offset, boolean cancellable, long memoryIndex) implements Canon {
        public int opcode() {
            return 0x21;
        }
    }

    /** {@code 0x22}: {@code waitable-set.drop} (🔀). */
    record WaitableSetDrop(long offset) implements Canon {
        public int opcode() {
            return 0x22;
        }
    }

    /** {@code 0x23}: {@code waitable.join} (🔀). */
    record WaitableJoin(long offset) implements Canon {
        public int opcode() {
            return 0x23;
        }
    }

    /** {@code 0x26}: {@code thread.index} (🧵). */
    record ThreadIndex(long offset) implements Canon {
        public int opcode() {
            return 0x26;
        }
    }

    /** {@code 0x27 ft:<core:typeidx> tbl:<core:tableidx>}: {@code thread.new-indirect} (🧵). */
    record ThreadNewIndirect(long offset, long coreTypeIndex, long tableIndex) implements Canon {
        public int opcode() {
            return 0x27;
        }
    }

    /** {@code 0x28}: {@code thread.resume-later} (🧵). */
    record ThreadResumeLater(long offset) implements Canon {
        public int opcode() {
            return 0x28;
        }
    }

    /** {@code 0x29 cancel?}: {@code thread.suspend} (🧵). */
    record ThreadSuspend(long offset, boolean cancellable) implements Canon {
        public int opcode() {
            return 0x29;
        }
    }

    /** {@code 0x0c cancel?}: {@code thread.yield} (🔀). */
    record ThreadYield(long offset, boolean cancellable) implements Canon {
        public int opcode() {
            return 0x0c;
        }
    }

    /** {@code 0x2a cancel?}: {@code thread.suspend-then-resume} (🧵). */
    record ThreadSuspendThenResume(long offset, boolean cancellable) implements Canon {
        public int opcode() {
            return 0x2a;
        }
    }

    /** {@code 0x2b cancel?}: {@code thread.yield-then-resume} (🧵). */
    record ThreadYieldThenResume(long offset, boolean cancellable) implements Canon {
        public int opcode() {
            return 0x2b;
        }
    }

    /** {@code 0x2c cancel?}: {@code thread.suspend-then-promote} (🧵). */
    record ThreadSuspendThenPromote(long offset, boolean cancellable) implements Canon {
        public int opcode() {
            return 0x2c;
        }
    }

    /** {@code 0x2d cancel?}: {@code thread.yield-then-promote} (🧵). */
    record ThreadYieldThenPromote(long offset, boolean cancellable) implements Canon {
        public int opcode() {
            return 0x2d;
        }
    }

    /** {@code 0x40 shared?:<sh?> ft:<core:typeidx>}: {@code thread.spawn-ref} (🧵②). */
    record ThreadSpawnRef(long offset, boolean shared, long coreTypeIndex) implements Canon {
        public int opcode() {
            return 0x40;
        }
    }

    /** {@code 0x41 shared?:<sh?> ft tbl}: {@code thread.spawn-indirect} (🧵②). */
    record ThreadSpawnIndirect(long offset, boolean shared, long coreTypeIndex, long tableIndex) implements Canon {
        public int opcode() {
            return 0x41;
        }
    }

    /** {@code 0x42 shared?:<sh?>}: {@code thread.available-parallelism} (🧵②). */
    record ThreadAvailableParallelism(long offset, boolean shared) implements Canon {
        public int opcode() {
            return 0x42;
        }
    }
}
