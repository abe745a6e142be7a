package dev.wit4j.runtime.internal.validate;

import java.util.List;

/** A component function type; {@code result} is null when the function returns nothing. */
record FuncType(boolean async, List<Param> params, ValType result) implements AnyType {

    record Param(String name, ValType type) {}

    FuncType {
        params = List.copyOf(params);
    }

    public String describe() {
        return "func type";
    }
}
