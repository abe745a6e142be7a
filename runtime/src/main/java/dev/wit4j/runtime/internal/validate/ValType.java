package dev.wit4j.runtime.internal.validate;

/** A component value type: a primitive or a reference to a defined value type. */
sealed interface ValType permits PrimitiveType, DefinedType {}
