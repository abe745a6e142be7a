package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.Canon;
import dev.wit4j.binary.CanonOpt;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.runtime.abi.LiftLowerContext;
import dev.wit4j.runtime.abi.Waitables;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.witx.model.ValueType;
import java.util.List;

/**
 * The built-ins of streams and futures (CanonicalABI.md 🔀 {@code canon {stream,future}.new},
 * {@code .read}, {@code .write}, {@code .cancel-read}, {@code .cancel-write},
 * {@code .drop-readable}, {@code .drop-writable}) as core functions of the instance that defines
 * them; what they do is {@link Waitables}'. Each first traps unless the instance may leave. A
 * synchronous copy or cancellation that cannot finish at once blocks its task
 * ({@link InstanceState#block}).
 */
final class Copies {

    private Copies() {}

    private static final long[] NONE = new long[0];
    private static final CoreValType I32 = CoreValType.I32;

    /** Whether {@code canon} is one of these built-ins. */
    static boolean covers(Canon canon) {
        return canon instanceof Canon.StreamNew
                || canon instanceof Canon.StreamRead
                || canon instanceof Canon.StreamWrite
                || canon instanceof Canon.StreamCancelRead
                || canon instanceof Canon.StreamCancelWrite
                || canon instanceof Canon.StreamDropReadable
                || canon instanceof Canon.StreamDropWritable
                || canon instanceof Canon.FutureNew
                || canon instanceof Canon.FutureRead
                || canon instanceof Canon.FutureWrite
                || canon instanceof Canon.FutureCancelRead
                || canon instanceof Canon.FutureCancelWrite
                || canon instanceof Canon.FutureDropReadable
                || canon instanceof Canon.FutureDropWritable;
    }

    static CoreFunction builtin(Frame frame, Canon canon) {
        InstanceState state = frame.state;
        Waitables.Blocker block = state::block;
        if (canon instanceof Canon.StreamNew n) {
            return channelNew(state, element(frame, n.typeIndex(), false), false);
        } else if (canon instanceof Canon.FutureNew n) {
            return channelNew(state, element(frame, n.typeIndex(), true), true);
        } else if (canon instanceof Canon.StreamRead r) {
            return copy(frame, false, true, r.typeIndex(), r.options(), block);
        } else if (canon instanceof Canon.StreamWrite w) {
            return copy(frame, false, false, w.typeIndex(), w.options(), block);
        } else if (canon instanceof Canon.FutureRead r) {
            return copy(frame, true, true, r.typeIndex(), r.options(), block);
        } else if (canon instanceof Canon.FutureWrite w) {
            return copy(frame, true, false, w.typeIndex(), w.options(), block);
        } else if (canon instanceof Canon.StreamCancelRead c) {
            return cancel(frame, false, true, c.typeIndex(), c.async(), block);
        } else if (canon instanceof Canon.StreamCancelWrite c) {
            return cancel(frame, false, false, c.typeIndex(), c.async(), block);
        } else if (canon instanceof Canon.FutureCancelRead c) {
            return cancel(frame, true, true, c.typeIndex(), c.async(), block);
        } else if (canon instanceof Canon.FutureCancelWrite c) {
            return cancel(frame, true, false, c.typeIndex(), c.async(), block);
        } else if (canon instanceof Canon.StreamDropReadable d) {
            return drop(frame, false, true, d.typeIndex());
        } else if (canon instanceof Canon.StreamDropWritable d) {
            return drop(frame, false, false, d.typeIndex());
        } else if (canon instanceof Canon.FutureDropReadable d) {
            return drop(frame, true, true, d.typeIndex());
        } else if (canon instanceof Canon.FutureDropWritable d) {
            return drop(frame, true, false, d.typeIndex());
        }
        throw new IllegalArgumentException("not a stream or future built-in: " + canon.builtinName());
    }

    /** The element type of the stream or future type at {@code typeIndex}, or null for none. */
    private static ValueType element(Frame frame, long typeIndex, boolean future) {
        RtType t = frame.type(typeIndex);
        if (t instanceof RtType.Val v) {
            ValueType vt = Layout.resolve(v.type());
            if (future && vt instanceof ValueType.FutureType f) {
                return f.element().orElse(null);
            }
            if (!future && vt instanceof ValueType.StreamType s) {
                return s.element().orElse(null);
            }
        }
        // the validator makes sure of this; a message rather than a cast failure if it did not
        throw new LinkException("type " + typeIndex + " is not a " + (future ? "future" : "stream") + " type");
    }

    private static CoreFunction channelNew(InstanceState state, ValueType element, boolean future) {
        return CoreFunction.host(CoreFuncType.of(List.of(), List.of(CoreValType.I64)), args -> {
            state.checkMayLeave();
            return new long[] {Waitables.newChannel(state.handles(), future, element)};
        });
    }

    private static CoreFunction copy(
            Frame frame, boolean future, boolean read, long typeIndex, List<CanonOpt> opts, Waitables.Blocker block) {
        InstanceState state = frame.state;
        ValueType element = element(frame, typeIndex, future);
        String what = "canon " + (future ? "future" : "stream") + (read ? ".read" : ".write");
        Options options = Options.of(opts, frame, what);
        List<CoreValType> params = future ? List.of(I32, I32) : List.of(I32, I32, I32);
        return CoreFunction.host(CoreFuncType.of(params, List.of(I32)), args -> {
            state.checkMayLeave();
            LiftLowerContext cx = Canons.context(options, state);
            long ptr = Integer.toUnsignedLong((int) args[1]);
            long n = future ? 1 : Integer.toUnsignedLong((int) args[2]);
            int result = Waitables.copy(cx, future, read, element, (int) args[0], ptr, n, options.async(), block);
            return new long[] {Integer.toUnsignedLong(result)};
        });
    }

    private static CoreFunction cancel(
            Frame frame, boolean future, boolean read, long typeIndex, boolean async, Waitables.Blocker block) {
        InstanceState state = frame.state;
        ValueType element = element(frame, typeIndex, future);
        return CoreFunction.host(CoreFuncType.of(List.of(I32), List.of(I32)), args -> {
            state.checkMayLeave();
            int result = Waitables.cancelCopy(state.handles(), future, read, element, (int) args[0], async, block);
            return new long[] {Integer.toUnsignedLong(result)};
        });
    }

    private static CoreFunction drop(Frame frame, boolean future, boolean readable, long typeIndex) {
        InstanceState state = frame.state;
        ValueType element = element(frame, typeIndex, future);
        return CoreFunction.host(CoreFuncType.of(List.of(I32), List.of()), args -> {
            state.checkMayLeave();
            Waitables.dropEnd(state.handles(), future, readable, element, (int) args[0]);
            return NONE;
        });
    }
}
