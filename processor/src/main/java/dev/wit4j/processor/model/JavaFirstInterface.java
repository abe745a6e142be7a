package dev.wit4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/**
 * The WIT derived from one Java-first {@code @WitInterface} (the parse step's result, read by
 * {@code dev.wit4j.processor.gen.WitSourceGenerator}). Names are WIT (kebab-case) names; types are
 * WIT type expressions ({@code list<u8>}, {@code option<point>}, {@code borrow<counter>}).
 *
 * <p>Next to each WIT name the model keeps the Java it came from (the interface, its methods and
 * their parameter and result types, records and their component accessors, enum constants,
 * variant case classes): the bindings of a world built from these interfaces use the user's own
 * types instead of generating new ones, so a Java implementation of the interface is handed to a
 * component as it is. Java types are without type annotations.
 *
 * @param javaName the qualified Java name of the interface
 * @param javaType the Java interface
 * @param packageName the WIT package, {@code ns:pkg[@version]}
 * @param name the WIT interface name
 * @param types the types declared in the interface, each after the types it uses
 * @param functions the interface's functions
 * @param docs the interface's Javadoc as WIT documentation (empty if none); so is every {@code docs} below
 */
public record JavaFirstInterface(
        String javaName,
        ClassName javaType,
        String packageName,
        String name,
        List<TypeDecl> types,
        List<Function> functions,
        String docs) {

    public JavaFirstInterface {
        types = List.copyOf(types);
        functions = List.copyOf(functions);
    }

    /** The qualified WIT name as witx spells it: {@code ns:pkg/name[@version]}. */
    public String qualifiedName() {
        int at = packageName.indexOf('@');
        return at < 0
                ? packageName + "/" + name
                : packageName.substring(0, at) + "/" + name + packageName.substring(at);
    }

    /**
     * A named field, parameter or case payload.
     *
     * @param javaName the record component (accessor) or parameter name
     * @param javaType its Java type
     */
    public record Field(String name, String type, String javaName, TypeName javaType, String docs) {}

    /**
     * A function (or resource method, without {@code self}).
     *
     * @param javaName the Java method name
     * @param javaResult the Java return type, empty for {@code void}
     */
    public record Function(
            String name,
            List<Field> params,
            Optional<String> result,
            String javaName,
            Optional<TypeName> javaResult,
            String docs) {
        public Function {
            params = List.copyOf(params);
        }
    }

    /**
     * A variant case; {@code payload} is a WIT type or empty.
     *
     * @param javaClass the record of the case
     * @param javaPayload the record's one component, if any (its accessor name and type)
     */
    public record Case(
            String name, Optional<String> payload, ClassName javaClass, Optional<Field> javaPayload, String docs) {}

    /** An enum case or flag and the enum constant it comes from. */
    public record Constant(String name, String javaName, String docs) {}

    /** A WIT type declared in the interface. */
    public sealed interface TypeDecl {
        /** The WIT name. */
        String name();

        /** The Java type it was derived from (the enum for flags). */
        ClassName javaType();

        /** Its Javadoc as WIT documentation, empty if none. */
        String docs();
    }

    /** {@code record}. */
    public record RecordDecl(String name, ClassName javaType, List<Field> fields, String docs) implements TypeDecl {
        public RecordDecl {
            fields = List.copyOf(fields);
        }
    }

    /** {@code enum}. */
    public record EnumDecl(String name, ClassName javaType, List<Constant> cases, String docs) implements TypeDecl {
        public EnumDecl {
            cases = List.copyOf(cases);
        }
    }

    /** {@code flags}. */
    public record FlagsDecl(String name, ClassName javaType, List<Constant> flags, String docs) implements TypeDecl {
        public FlagsDecl {
            flags = List.copyOf(flags);
        }
    }

    /** {@code variant}. */
    public record VariantDecl(String name, ClassName javaType, List<Case> cases, String docs) implements TypeDecl {
        public VariantDecl {
            cases = List.copyOf(cases);
        }
    }

    /**
     * {@code resource} with its methods, and the constructor and static functions that the
     * interface declares for it ({@code @WitConstructor}, {@code @WitStatic} methods of the interface).
     */
    public record ResourceDecl(
            String name,
            ClassName javaType,
            List<Function> methods,
            Optional<Function> constructor,
            List<Function> statics,
            String docs)
            implements TypeDecl {
        public ResourceDecl {
            methods = List.copyOf(methods);
            statics = List.copyOf(statics);
        }
    }
}
