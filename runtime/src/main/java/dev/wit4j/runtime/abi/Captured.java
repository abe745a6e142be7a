package dev.wit4j.runtime.abi;

import dev.wit4j.runtime.value.ErrorContext;
import java.util.Arrays;

/**
 * What the lifting pass of a component-to-component transfer takes out of the source side for the
 * lowering pass, in traversal order: the strings (validated, with their source encoding and length
 * so they are stored with the spec's exact transcoding steps; see {@link StringSource}) and the
 * representations of the handles lifted out of the source's handle table, and the error contexts
 * found in it. Everything else the lowering pass reads
 * again from the source, which cannot change in between (see {@link CallTransfer}).
 */
final class Captured {

    private Taken<StringSource> strings;
    private int[] reps;
    private int repCount;
    private int repRead;
    private Taken<ErrorContext> errorContexts;

    void string(StringSource s) {
        if (strings == null) {
            strings = new Taken<>();
        }
        strings.add(s);
    }

    StringSource nextString() {
        return Taken.next(strings, "strings");
    }

    void rep(int rep) {
        if (reps == null) {
            reps = new int[4];
        } else if (repCount == reps.length) {
            reps = Arrays.copyOf(reps, repCount * 2);
        }
        reps[repCount++] = rep;
    }

    int nextRep() {
        if (repRead >= repCount) {
            throw new IllegalStateException("the lowering pass read more handles than the lifting pass took");
        }
        return reps[repRead++];
    }

    void errorContext(ErrorContext e) {
        if (errorContexts == null) {
            errorContexts = new Taken<>();
        }
        errorContexts.add(e);
    }

    ErrorContext nextErrorContext() {
        return Taken.next(errorContexts, "error contexts");
    }

    /**
     * Objects of one kind in the order the lifting pass took them, each read once by the lowering
     * pass (and let go then, so that a string's text can be collected once it is stored).
     */
    private static final class Taken<T> {
        private Object[] items = new Object[4];
        private int count;
        private int read;

        void add(T item) {
            if (count == items.length) {
                items = Arrays.copyOf(items, count * 2);
            }
            items[count++] = item;
        }

        /** The next of {@code taken} (null if nothing was taken); {@code what} names them in the error. */
        @SuppressWarnings("unchecked")
        static <T> T next(Taken<T> taken, String what) {
            if (taken == null || taken.read >= taken.count) {
                throw new IllegalStateException("the lowering pass read more " + what + " than the lifting pass took");
            }
            T item = (T) taken.items[taken.read];
            taken.items[taken.read++] = null;
            return item;
        }
    }
}
