package dev.wit4j.runtime.types;

/**
 * The value of a WIT {@code tuple} with 1 element. Elements are held as given (no copies;
 * {@code null} is not expected).
 *
 * @param first element 0
 * @param <A> type of element 0
 */
public record Tuple1<A>(A first) {}
