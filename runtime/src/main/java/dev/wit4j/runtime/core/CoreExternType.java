package dev.wit4j.runtime.core;

/**
 * The type of something a core module imports or exports: a function, table, memory, global or
 * tag.
 */
public sealed interface CoreExternType {

    /** A short word for error messages: "func", "table", "memory", "global" or "tag". */
    String kind();

    /** A function with the given signature. */
    record Func(CoreFuncType type) implements CoreExternType {
        public String kind() {
            return "func";
        }
    }

    /** A table of {@code element} references; {@code max} is -1 when unbounded. */
    record Table(CoreValType element, long min, long max, boolean shared) implements CoreExternType {
        public String kind() {
            return "table";
        }
    }

    /** A linear memory measured in pages; {@code max} is -1 when unbounded. */
    record Memory(long min, long max, boolean shared, boolean memory64) implements CoreExternType {
        public String kind() {
            return "memory";
        }
    }

    /** A global variable. */
    record Global(CoreValType type, boolean mutable) implements CoreExternType {
        public String kind() {
            return "global";
        }
    }

    /** An exception tag whose payload is described by a function signature. */
    record Tag(CoreFuncType type) implements CoreExternType {
        public String kind() {
            return "tag";
        }
    }
}
