package dev.wit4j.processor.model;

import java.util.List;
import java.util.Optional;

/**
 * The WIT derived from one Java-first {@code @WitInterface} (the parse step's result, read by
 * {@code dev.wit4j.processor.gen.WitSourceGenerator}). Names are WIT (kebab-case) names; types are
 * WIT type expressions ({@code list<u8>}, {@code option<point>}, {@code borrow<counter>}).
 *
 * @param javaName the qualified Java name of the interface
 * @param packageName the WIT package, {@code ns:pkg[@version]}
 * @param name the WIT interface name
 * @param types the types declared in the interface, each after the types it uses
 * @param functions the interface's functions
 */
public record JavaFirstInterface(String javaName, String packageName, String name, List<TypeDecl> types,
        List<Function> functions) {

    public JavaFirstInterface {
        types = List.copyOf(types);
        functions = List.copyOf(functions);
    }

    /** A named field, parameter or case payload. */
    public record Field(String name, String type) {
    }

    /** A function (or resource method, without {@code self}). */
    public record Function(String name, List<Field> params, Optional<String> result) {
        public Function {
            params = List.copyOf(params);
        }
    }

    /** A variant case; {@code payload} is a WIT type or empty. */
    public record Case(String name, Optional<String> payload) {
    }

    /** A WIT type declared in the interface. */
    public sealed interface TypeDecl {
        /** The WIT name. */
        String name();
    }

    /** {@code record}. */
    public record RecordDecl(String name, List<Field> fields) implements TypeDecl {
        public RecordDecl {
            fields = List.copyOf(fields);
        }
    }

    /** {@code enum}. */
    public record EnumDecl(String name, List<String> cases) implements TypeDecl {
        public EnumDecl {
            cases = List.copyOf(cases);
        }
    }

    /** {@code flags}. */
    public record FlagsDecl(String name, List<String> flags) implements TypeDecl {
        public FlagsDecl {
            flags = List.copyOf(flags);
        }
    }

    /** {@code variant}. */
    public record VariantDecl(String name, List<Case> cases) implements TypeDecl {
        public VariantDecl {
            cases = List.copyOf(cases);
        }
    }

    /** {@code resource} with its methods. */
    public record ResourceDecl(String name, List<Function> methods) implements TypeDecl {
        public ResourceDecl {
            methods = List.copyOf(methods);
        }
    }
}
