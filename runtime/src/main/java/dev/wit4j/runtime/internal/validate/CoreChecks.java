package dev.wit4j.runtime.internal.validate;

import static dev.wit4j.runtime.internal.validate.Scope.error;

import dev.wit4j.binary.CoreTypeRef;
import dev.wit4j.runtime.core.CoreImport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Core WebAssembly rules that the validator applies itself: to core module types, which the core
 * engine never sees, and the component-specific rule on core module imports.
 */
final class CoreChecks {

    private CoreChecks() {}

    /**
     * Core modules and core module types in a component may not import the same two-level name
     * twice: instantiation resolves imports by name (Explainer, "Instance Definitions": the first
     * name selects an instantiation argument, the second an export of it), and the pair mangles to
     * a single {@code module:name} key. Same rule and wording as wasm-tools.
     */
    static void uniqueImports(List<CoreImport> imports, long offset) {
        Set<String> seen = new HashSet<>();
        for (CoreImport i : imports) {
            String key = i.module() + ":" + i.name();
            if (!seen.add(key)) {
                throw error(
                        offset, "module has a duplicate import name `" + key + "` that is not allowed in components");
            }
        }
    }

    /**
     * Memory limits (core spec, "Memory Types" with the memory64 and custom-page-sizes proposals):
     * a 32-bit memory spans at most 2^32 bytes (65536 pages of 64KiB), a 64-bit one at most 2^64
     * bytes; the minimum may not exceed the maximum; a shared memory needs a maximum.
     */
    static void memory(CoreTypeRef.Memory m, long offset) {
        int log2 = m.pageSizeLog2().orElse(16);
        if (log2 != 0 && log2 != 16) throw error(offset, "invalid custom page size");
        limits(m.initial(), m.maximum().isPresent() ? m.maximum().getAsLong() : null, offset);
        String limit;
        boolean tooBig;
        if (m.memory64()) {
            limit = "2^" + (64 - log2) + " pages (16EiB)";
            tooBig = log2 != 0
                    && (exceeds(m.initial(), 1L << (64 - log2))
                            || exceeds(m.maximum().orElse(0), 1L << (64 - log2)));
        } else {
            long pages = (1L << 32) >> log2;
            limit = pages + " pages (4GiB)";
            tooBig = exceeds(m.initial(), pages) || exceeds(m.maximum().orElse(0), pages);
        }
        if (tooBig) throw error(offset, "memory size must be at most " + limit);
        if (m.shared() && m.maximum().isEmpty()) throw error(offset, "shared memory must have maximum size");
    }

    /** Table limits: the minimum may not exceed the maximum. */
    static void table(CoreTypeRef.Table t, long offset) {
        limits(t.initial(), t.maximum().isPresent() ? t.maximum().getAsLong() : null, offset);
    }

    private static void limits(long initial, Long maximum, long offset) {
        if (maximum != null && Long.compareUnsigned(initial, maximum) > 0) {
            throw error(offset, "size minimum must not be greater than maximum");
        }
    }

    /** Whether the unsigned 64-bit {@code value} is above {@code max}. */
    private static boolean exceeds(long value, long max) {
        return Long.compareUnsigned(value, max) > 0;
    }
}
