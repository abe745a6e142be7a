package dev.wit4j.runtime.types;

/**
 * The value of a WIT {@code tuple} with 3 elements. Elements are held as given (no copies;
 * {@code null} is not expected).
 *
 * @param first element 0
 * @param second element 1
 * @param third element 2
 * @param <A> type of element 0
 * @param <B> type of element 1
 * @param <C> type of element 2
 */
public record Tuple3<A, B, C>(A first, B second, C third) {}
