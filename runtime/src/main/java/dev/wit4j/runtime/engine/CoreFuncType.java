package dev.wit4j.runtime.engine;

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

    @Override
    public String toString() {
        return "[" + params.stream().map(CoreValType::name).collect(Collectors.joining(" ")) + "] -> ["
                + results.stream().map(CoreValType::name).collect(Collectors.joining(" ")) + "]";
    }
}
