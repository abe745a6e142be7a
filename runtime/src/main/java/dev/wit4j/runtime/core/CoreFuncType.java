package dev.wit4j.runtime.core;

import java.util.List;
import java.util.stream.Collectors;

/** A core function signature: parameter types and result types. */
public record CoreFuncType(List<CoreValType> params, List<CoreValType> results) {

    public CoreFuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    public static CoreFuncType of(List<CoreValType> params, List<CoreValType> results) {
        return new CoreFuncType(params, results);
    }

    /*
     * equals and hashCode written out: the generated ones link an invokedynamic call site on first
     * use, and this is the first record compared on the way to instantiating a component (validating
     * a realloc's signature), where a fresh JVM paid for that linking.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CoreFuncType t && params.equals(t.params) && results.equals(t.results);
    }

    @Override
    public int hashCode() {
        return 31 * params.hashCode() + results.hashCode();
    }

    @Override
    public String toString() {
        return "[" + params.stream().map(CoreValType::name).collect(Collectors.joining(" ")) + "] -> ["
                + results.stream().map(CoreValType::name).collect(Collectors.joining(" ")) + "]";
    }
}
