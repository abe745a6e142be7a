package dev.wit4j.runtime.internal.engine.split;

import java.util.List;

/** A function type: parameter and result types. */
record FuncType(List<ValType> params, List<ValType> results) {

    static final FuncType EMPTY = new FuncType(List.of(), List.of());

    FuncType {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }
}
