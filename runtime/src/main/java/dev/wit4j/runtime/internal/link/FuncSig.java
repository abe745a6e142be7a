package dev.wit4j.runtime.internal.link;

import dev.wit4j.runtime.abi.CoreSignature;
import dev.wit4j.runtime.abi.Layout;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component function type evaluated at run time: parameter names and value types (resources
 * already bound to their run-time definitions) and the optional result. Internal.
 */
public record FuncSig(List<String> paramNames, List<ValueType> paramTypes, Optional<ValueType> result, boolean async) {

    public FuncSig {
        paramNames = List.copyOf(paramNames);
        paramTypes = List.copyOf(paramTypes);
        Objects.requireNonNull(result, "result");
        if (paramNames.size() != paramTypes.size()) {
            throw new IllegalArgumentException("names and types differ in length");
        }
    }

    /** The result as a list of zero or one types. */
    List<ValueType> resultTypes() {
        return result.map(List::of).orElse(List.of());
    }

    /** {@code flatten_functype} for {@code context}. */
    CoreSignature flatten(CoreSignature.Context context) {
        return Layout.flattenFunctype(paramTypes, result, context);
    }
}
