package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.core.CoreExternType;
import dev.wit4j.runtime.core.CoreFuncType;
import dev.wit4j.runtime.core.CoreValType;
import java.util.List;

/**
 * Core extern subtyping, as the core specification defines it for imports ("Import Subtyping"):
 * functions and tags need equal types, tables equal element types and subsuming limits, memories
 * subsuming limits (and the same address type and sharing), globals the same mutability and value
 * type. Messages follow wasmtime's wording ({@code expected global found func},
 * {@code expected type `(func (param i32))`, found type `(func)`}). Internal.
 *
 * <p>Reference types are compared by their spelling: concrete {@code (ref $t)} types from different
 * modules are only equal when their indices coincide, which is stricter than the spec's iso-recursive
 * type equality but never accepts a mismatch of the common (abstract) reference types.
 */
final class CoreExternMatch {

    private CoreExternMatch() {}

    /** Why {@code actual} cannot be used where {@code expected} is wanted, or null if it can. */
    static String problem(CoreExternType expected, CoreExternType actual) {
        if (!expected.kind().equals(actual.kind())) {
            return "expected " + expected.kind() + " found " + actual.kind();
        }
        boolean ok;
        if (expected instanceof CoreExternType.Func e) {
            ok = e.type().equals(((CoreExternType.Func) actual).type());
        } else if (expected instanceof CoreExternType.Tag e) {
            ok = e.type().equals(((CoreExternType.Tag) actual).type());
        } else if (expected instanceof CoreExternType.Table e) {
            CoreExternType.Table a = (CoreExternType.Table) actual;
            ok = e.element().equals(a.element())
                    && e.shared() == a.shared()
                    && limits(e.min(), e.max(), a.min(), a.max());
        } else if (expected instanceof CoreExternType.Memory e) {
            CoreExternType.Memory a = (CoreExternType.Memory) actual;
            ok = e.shared() == a.shared() && e.memory64() == a.memory64() && limits(e.min(), e.max(), a.min(), a.max());
        } else {
            CoreExternType.Global e = (CoreExternType.Global) expected;
            CoreExternType.Global a = (CoreExternType.Global) actual;
            ok = e.mutable() == a.mutable() && e.type().equals(a.type());
        }
        return ok ? null : "expected type `" + text(expected) + "`, found type `" + text(actual) + "`";
    }

    /**
     * Limits subsumption: the actual minimum is at least the expected one, and if a maximum is
     * expected the actual one exists and is at most it (-1 means no maximum).
     */
    private static boolean limits(long expectedMin, long expectedMax, long actualMin, long actualMax) {
        if (Long.compareUnsigned(actualMin, expectedMin) < 0) {
            return false;
        }
        return expectedMax == -1 || actualMax != -1 && Long.compareUnsigned(actualMax, expectedMax) <= 0;
    }

    /** The text-format spelling of a core extern type, for messages. */
    static String text(CoreExternType t) {
        if (t instanceof CoreExternType.Func f) {
            return "(func" + signature(f.type()) + ")";
        } else if (t instanceof CoreExternType.Tag g) {
            return "(tag" + signature(g.type()) + ")";
        } else if (t instanceof CoreExternType.Table tb) {
            return "(table " + limitsText(tb.min(), tb.max()) + (tb.shared() ? " shared " : " ") + tb.element() + ")";
        } else if (t instanceof CoreExternType.Memory m) {
            return "(memory " + (m.memory64() ? "i64 " : "") + limitsText(m.min(), m.max())
                    + (m.shared() ? " shared" : "") + ")";
        }
        CoreExternType.Global g = (CoreExternType.Global) t;
        return "(global " + (g.mutable() ? "(mut " + g.type() + ")" : g.type().toString()) + ")";
    }

    private static String signature(CoreFuncType type) {
        return group("param", type.params()) + group("result", type.results());
    }

    private static String group(String keyword, List<CoreValType> types) {
        if (types.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" (").append(keyword);
        types.forEach(v -> out.append(' ').append(v));
        return out.append(')').toString();
    }

    private static String limitsText(long min, long max) {
        return Long.toUnsignedString(min) + (max == -1 ? "" : " " + Long.toUnsignedString(max));
    }
}
