package dev.wit4j.runtime.internal.validate;

/**
 * The type of something a component imports or exports, or of an instantiation argument
 * (Explainer, {@code externtype}).
 */
sealed interface EntityType {

    /** The sort, for messages such as "expected func, found component". */
    String sort();

    record Module(CoreType.Module type) implements EntityType {
        public String sort() {
            return "module";
        }
    }

    record Func(FuncType type) implements EntityType {
        public String sort() {
            return "func";
        }
    }

    record Value(ValType type) implements EntityType {
        public String sort() {
            return "value";
        }
    }

    /**
     * A type. {@code referenced} is the type the bound refers to; {@code created} is the entry the
     * import or export adds to the type index space (a fresh resource for {@code (sub resource)}, a
     * renamed copy for an {@code eq} bound on a defined type).
     */
    record Type(AnyType referenced, AnyType created) implements EntityType {
        public String sort() {
            return "type";
        }
    }

    record Instance(InstanceType type) implements EntityType {
        public String sort() {
            return "instance";
        }
    }

    record Component(ComponentType type) implements EntityType {
        public String sort() {
            return "component";
        }
    }
}
