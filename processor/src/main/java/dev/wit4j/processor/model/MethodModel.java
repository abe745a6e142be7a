package dev.wit4j.processor.model;

import com.palantir.javapoet.TypeName;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Stability;
import java.util.List;
import java.util.Optional;

/**
 * A Java method for a WIT function.
 *
 * @param witName the WIT function name as written ({@code m} for {@code [method]r.m})
 * @param abiName the full WIT function name as the component names it ({@code [method]r.m})
 * @param role freestanding function, resource constructor, static function or method
 * @param resource the WIT resource name for constructors, statics and methods, else empty
 * @param returns the Java return type, empty for {@code void}
 * @param result the WIT shape of the result, empty for none
 */
public record MethodModel(
        String javaName,
        String witName,
        String abiName,
        Role role,
        Optional<String> resource,
        List<Param> params,
        Optional<TypeName> returns,
        Optional<Shape> result,
        String returnWitType,
        Docs docs,
        Stability stability) {

    public MethodModel {
        params = List.copyOf(params);
    }

    /** A parameter. */
    public record Param(String javaName, String witName, TypeName type, Shape shape, String witType) {}

    /** Where the function comes from. */
    public enum Role {
        FUNCTION,
        CONSTRUCTOR,
        STATIC,
        METHOD
    }
}
