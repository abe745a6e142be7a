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

    private StringSource[] strings;
    private int stringCount;
    private int stringRead;
    private int[] reps;
    private int repCount;
    private int repRead;
    private ErrorContext[] errorContexts;
    private int errorContextCount;
    private int errorContextRead;

    void string(StringSource s) {
        if (strings == null) {
            strings = new StringSource[4];
        } else if (stringCount == strings.length) {
            strings = Arrays.copyOf(strings, stringCount * 2);
        }
        strings[stringCount++] = s;
    }

    StringSource nextString() {
        if (stringRead >= stringCount) {
            throw new IllegalStateException("the lowering pass read more strings than the lifting pass took");
        }
        StringSource s = strings[stringRead];
        strings[stringRead++] = null; // the text can be collected once stored
        return s;
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
            errorContexts = new ErrorContext[4];
        } else if (errorContextCount == errorContexts.length) {
            errorContexts = Arrays.copyOf(errorContexts, errorContextCount * 2);
        }
        errorContexts[errorContextCount++] = e;
    }

    ErrorContext nextErrorContext() {
        if (errorContextRead >= errorContextCount) {
            throw new IllegalStateException("the lowering pass read more error contexts than the lifting pass took");
        }
        return errorContexts[errorContextRead++];
    }
}
