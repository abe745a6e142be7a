package dev.wit4j.runtime.internal.validate;

/**
 * An entry of a component's type index space: a defined value type, a function type, a component
 * type, an instance type or a resource type.
 */
sealed interface AnyType permits DefinedType, FuncType, ComponentType, InstanceType, ResourceType {

    /** A word for error messages, as in "expected resource, found defined type". */
    String describe();
}
