package dev.wit4j.runtime.internal.link;

import dev.wit4j.binary.CanonOpt;
import dev.wit4j.binary.CoreSort;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.abi.CanonicalOptions;
import dev.wit4j.runtime.abi.GuestMemory;
import dev.wit4j.runtime.abi.Realloc;
import dev.wit4j.runtime.abi.StringEncoding;
import dev.wit4j.runtime.internal.engine.CoreFunction;
import dev.wit4j.runtime.internal.engine.CoreMemory;
import java.util.List;
import java.util.Optional;

/**
 * The canonical options of one {@code canon lift} or {@code canon lower} (CanonicalABI.md
 * "Canonical ABI Options"), resolved against the frame's core index spaces.
 *
 * @param canonical string encoding, memory and realloc as the ABI layer takes them
 * @param postReturn the post-return function, or null
 * @param async whether the {@code async} option is given (the validator allows it only where it
 *     means something: {@code lift}, {@code lower} and the copies of streams and futures)
 * @param callback the {@code callback} function of an {@code async} {@code lift}, or null
 */
record Options(CanonicalOptions canonical, CoreFunction postReturn, boolean async, CoreFunction callback) {

    /** Resolves {@code opts}; realloc runs with {@code may_leave} cleared in {@code state}. */
    static Options of(List<CanonOpt> opts, Frame frame, String what) {
        boolean async = false;
        CoreFunction callback = null;
        StringEncoding encoding = StringEncoding.UTF8;
        CoreMemory memory = null;
        CoreFunction realloc = null;
        CoreFunction postReturn = null;
        for (CanonOpt o : opts) {
            if (o instanceof CanonOpt.StringEncoding e) {
                encoding = switch (e.encoding()) {
                    case UTF8 -> StringEncoding.UTF8;
                    case UTF16 -> StringEncoding.UTF16;
                    case LATIN1_UTF16 -> StringEncoding.LATIN1_UTF16;
                };
            } else if (o instanceof CanonOpt.Memory m) {
                memory = (CoreMemory) frame.core(CoreSort.MEMORY, m.memoryIndex());
            } else if (o instanceof CanonOpt.Realloc r) {
                realloc = (CoreFunction) frame.core(CoreSort.FUNC, r.funcIndex());
            } else if (o instanceof CanonOpt.PostReturn p) {
                postReturn = (CoreFunction) frame.core(CoreSort.FUNC, p.funcIndex());
            } else if (o instanceof CanonOpt.Async) {
                async = true;
            } else if (o instanceof CanonOpt.Callback c) {
                callback = (CoreFunction) frame.core(CoreSort.FUNC, c.funcIndex());
            } else {
                throw new LinkException("not supported yet: the GC canonical ABI options of " + what);
            }
        }
        InstanceState state = frame.state;
        Optional<GuestMemory> mem = Optional.ofNullable(memory).map(MemoryView::new);
        Optional<Realloc> re = Optional.empty();
        if (realloc != null) {
            CoreFunction f = realloc;
            re = Optional.of((oldPtr, oldSize, align, newSize) -> state.realloc(f, oldPtr, oldSize, align, newSize));
        }
        return new Options(
                new CanonicalOptions(encoding, mem, re, frame.code.maxStringByteLength()), postReturn, async, callback);
    }
}
