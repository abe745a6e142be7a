/**
 * Small immutable value types that generated bindings use in their signatures: {@link
 * dev.wit4j.runtime.types.Result} for WIT {@code result<T, E>} and {@code Tuple1}…{@code Tuple16}
 * for WIT {@code tuple<…>}.
 *
 * <p>They carry no behaviour beyond construction, access, {@code equals}/{@code hashCode} and
 * {@code toString}, and they do not depend on the rest of the runtime.
 */
package dev.wit4j.runtime.types;
