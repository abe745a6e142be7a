package dev.wit4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.wit4j.witx.model.Docs;
import dev.wit4j.witx.model.Stability;
import java.util.List;
import java.util.Optional;

/** One generated Java type for one named WIT type. */
public sealed interface TypeModel {
    /** The Java name (nested in its holder). */
    ClassName name();

    /** The WIT name. */
    String witName();

    /** WIT documentation. */
    Docs docs();

    /** WIT feature gate. */
    Stability stability();

    /** A record field / Java record component. */
    record Field(String javaName, String witName, TypeName type, Shape shape, String witType, Docs docs) {}

    /** An enum case or flag. */
    record Constant(String javaName, String witName, Docs docs) {}

    /**
     * A variant case: a record nested in the sealed interface (or, Java-first, the user's record).
     *
     * @param payloadAccessor the record component holding the payload ({@code value} when generated)
     */
    record Case(
            ClassName name,
            String witName,
            Optional<TypeName> payload,
            Optional<Shape> payloadShape,
            String payloadWitType,
            Docs docs,
            String payloadAccessor) {}

    /** WIT {@code record} → Java record. */
    record RecordModel(ClassName name, String witName, Docs docs, Stability stability, List<Field> fields)
            implements TypeModel {
        public RecordModel {
            fields = List.copyOf(fields);
        }
    }

    /** WIT {@code enum} → Java enum. */
    record EnumModel(ClassName name, String witName, Docs docs, Stability stability, List<Constant> cases)
            implements TypeModel {
        public EnumModel {
            cases = List.copyOf(cases);
        }
    }

    /** WIT {@code flags} → Java enum, used as {@code Set<E>}. */
    record FlagsModel(ClassName name, String witName, Docs docs, Stability stability, List<Constant> flags)
            implements TypeModel {
        public FlagsModel {
            flags = List.copyOf(flags);
        }
    }

    /** WIT {@code variant} → sealed interface with one record per case. */
    record VariantModel(ClassName name, String witName, Docs docs, Stability stability, List<Case> cases)
            implements TypeModel {
        public VariantModel {
            cases = List.copyOf(cases);
        }
    }

    /**
     * WIT {@code resource}: an interface the host implements when imported, a final class holding
     * the handle when exported. {@code methods} are the WIT methods (without {@code self}).
     *
     * @param javaInterface Java-first, exported: the user's resource interface that the generated
     *     top-level handle class {@code name} implements
     */
    record ResourceModel(
            ClassName name,
            String witName,
            Docs docs,
            Stability stability,
            boolean exported,
            List<MethodModel> methods,
            Optional<ClassName> javaInterface)
            implements TypeModel {
        public ResourceModel {
            methods = List.copyOf(methods);
        }
    }
}
