package dev.wit4j.runtime.internal.validate;

import java.util.List;

/** The structure of a defined value type (Explainer, "Type Definitions", {@code defvaltype}). */
sealed interface Shape {

    /** A word for error messages, as in "expected record, found u32". */
    String describe();

    record Primitive(PrimitiveType type) implements Shape {
        public String describe() {
            return type.toString();
        }
    }

    record Field(String name, ValType type) {}

    record Record(List<Field> fields) implements Shape {
        public String describe() {
            return "record";
        }
    }

    /** A variant case; {@code type} is null for a case without payload. */
    record Case(String name, ValType type) {}

    record Variant(List<Case> cases) implements Shape {
        public String describe() {
            return "variant";
        }
    }

    /** A list; {@code length} is -1 unless it is a fixed-length list. */
    record ListOf(ValType element, long length) implements Shape {
        public String describe() {
            return "list";
        }
    }

    record Tuple(List<ValType> types) implements Shape {
        public String describe() {
            return "tuple";
        }
    }

    record Flags(List<String> names) implements Shape {
        public String describe() {
            return "flags";
        }
    }

    record Enum(List<String> names) implements Shape {
        public String describe() {
            return "enum";
        }
    }

    record Option(ValType type) implements Shape {
        public String describe() {
            return "option";
        }
    }

    /** A result; {@code ok} and {@code err} may each be null. */
    record Result(ValType ok, ValType err) implements Shape {
        public String describe() {
            return "result";
        }
    }

    /** An owned handle to {@code type}, the resource entry it was written with. */
    record Own(ResourceType type) implements Shape {
        ResourceId resource() {
            return type.id();
        }

        public String describe() {
            return "own";
        }
    }

    /** A borrowed handle to {@code type}, the resource entry it was written with. */
    record Borrow(ResourceType type) implements Shape {
        ResourceId resource() {
            return type.id();
        }

        public String describe() {
            return "borrow";
        }
    }

    /** A stream; {@code element} may be null. */
    record Stream(ValType element) implements Shape {
        public String describe() {
            return "stream";
        }
    }

    /** A future; {@code element} may be null. */
    record Future(ValType element) implements Shape {
        public String describe() {
            return "future";
        }
    }

    record MapOf(ValType key, ValType value) implements Shape {
        public String describe() {
            return "map";
        }
    }
}
