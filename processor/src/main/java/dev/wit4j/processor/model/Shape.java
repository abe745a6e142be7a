package dev.wit4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.runtime.value.ErrorContext;
import dev.wit4j.witx.model.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The WIT structure of a value as the conversion glue needs it: what a Java value of that type
 * becomes as a runtime {@code Value} and back. Composite shapes carry their Java type (boxed where
 * it is a type argument) so that the glue can spell it; named types refer to their
 * {@link TypeModel} by Java name.
 */
public sealed interface Shape {

    /** Scalars and strings, each with the Java type that holds it (unsigned ones in the signed type of their width). */
    enum Primitive implements Shape {
        BOOL(TypeName.BOOLEAN),
        S8(TypeName.BYTE),
        U8(TypeName.BYTE),
        S16(TypeName.SHORT),
        U16(TypeName.SHORT),
        S32(TypeName.INT),
        U32(TypeName.INT),
        S64(TypeName.LONG),
        U64(TypeName.LONG),
        F32(TypeName.FLOAT),
        F64(TypeName.DOUBLE),
        CHAR(TypeName.INT),
        STRING(ClassName.get(String.class)),
        /** A handle in the instance's table, as the runtime's {@code ErrorContext}. */
        ERROR_CONTEXT(ClassName.get(ErrorContext.class));

        private final TypeName java;

        Primitive(TypeName java) {
            this.java = java;
        }

        /** The Java type of a value of this primitive. */
        public TypeName java() {
            return java;
        }

        /** The shape of a WIT primitive. */
        public static Primitive of(ValueType.Primitive p) {
            return valueOf(p.name());
        }
    }

    /**
     * {@code list<T>} / {@code list<T, N>}: a primitive array when {@code array} (the element is then a
     * numeric {@link Primitive}), else a {@code List}.
     */
    record ListOf(Shape element, boolean array, OptionalInt length, TypeName java) implements Shape {}

    /** {@code tuple<…>} → {@code TupleN}. */
    record TupleOf(List<Shape> elements, TypeName java) implements Shape {
        public TupleOf {
            elements = List.copyOf(elements);
        }
    }

    /** {@code option<T>} → {@code Optional<T>}. */
    record OptionOf(Shape value, TypeName java) implements Shape {}

    /** {@code result<T, E>} → {@code Result<T, E>}; a missing side is {@code Void}. */
    record ResultOf(Optional<Shape> ok, Optional<Shape> err, TypeName java) implements Shape {}

    /** {@code map<K, V>} → {@code Map<K, V>}. */
    record MapOf(Shape key, Shape value, TypeName java) implements Shape {}

    /** A record, enum, flags or variant of the bindings ({@code java} is {@code Set<E>} for flags). */
    record Named(ClassName type, TypeName java) implements Shape {}

    /**
     * {@code own<r>} / {@code borrow<r>} of an imported (host) or exported (component) resource.
     * {@code java} is the type that signatures use: {@code resource} itself, or (Java-first) the
     * user's resource interface that the generated handle class {@code resource} implements.
     */
    record Handle(ClassName resource, boolean borrow, boolean exported, TypeName java) implements Shape {
        /** A handle whose Java type is the resource's class. */
        public Handle(ClassName resource, boolean borrow, boolean exported) {
            this(resource, borrow, exported, resource);
        }
    }

    /** Something reported as not supported (nothing is generated then). */
    record Unsupported(String what) implements Shape {}
}
