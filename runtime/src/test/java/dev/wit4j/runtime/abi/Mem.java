package dev.wit4j.runtime.abi;

import java.util.ArrayList;
import java.util.List;

/** A test memory with a bump allocator that records every realloc call. */
final class Mem {

    /** One realloc call and its result. */
    record Call(long old, long oldSize, long align, long newSize, long result) {
        @Override
        public String toString() {
            return "realloc(" + old + ", " + oldSize + ", " + align + ", " + newSize + ") = " + result;
        }
    }

    final ByteArrayMemory memory;
    final List<Call> calls = new ArrayList<>();
    final Realloc realloc;

    Mem(int size, long heapStart) {
        memory = new ByteArrayMemory(size);
        Realloc bump = memory.bumpAllocator(heapStart);
        realloc = (old, oldSize, align, newSize) -> {
            long r = bump.realloc(old, oldSize, align, newSize);
            calls.add(new Call(old, oldSize, align, newSize, r));
            return r;
        };
    }

    Mem() {
        this(1024, 64);
    }

    CanonicalOptions options(StringEncoding encoding) {
        return CanonicalOptions.of(encoding, memory, realloc);
    }

    LiftLowerContext context(StringEncoding encoding) {
        return LiftLowerContext.withoutHandles(options(encoding));
    }

    /** The sizes requested from realloc, as (oldSize, align, newSize) triples. */
    List<List<Long>> requests() {
        List<List<Long>> out = new ArrayList<>();
        for (Call c : calls) {
            out.add(List.of(c.oldSize(), c.align(), c.newSize()));
        }
        return out;
    }
}
