package dev.wit4j.runtime.abi;

import java.util.Arrays;

/**
 * What the lifting pass of a component-to-component transfer takes out of the source side for the
 * lowering pass, in traversal order: the strings (validated, with their source encoding and length
 * so they are stored with the spec's exact transcoding steps; see {@link StringSource}) and the
 * representations of the handles lifted out of the source's handle table. Everything else the lowering pass reads
 * again from the source, which cannot change in between (see {@link CallTransfer}).
 */
final class Captured {

    private StringSource[] strings;
    private int stringCount;
    private int stringRead;
    private int[] reps;
    private int repCount;
    private int repRead;

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
}
