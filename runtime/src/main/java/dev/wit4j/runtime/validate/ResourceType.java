package dev.wit4j.runtime.validate;

/** A resource type in the type index space, known by its identity. */
record ResourceType(ResourceId id) implements AnyType {
    public String describe() {
        return "resource";
    }
}
