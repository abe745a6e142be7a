package dev.wit4j.runtime.types;

/**
 * The value of a WIT {@code tuple} with 4 elements. Elements are held as given (no copies;
 * {@code null} is not expected).
 *
 * @param first element 0
 * @param second element 1
 * @param third element 2
 * @param fourth element 3
 * @param <A> type of element 0
 * @param <B> type of element 1
 * @param <C> type of element 2
 * @param <D> type of element 3
 */
public record Tuple4<A, B, C, D>(A first, B second, C third, D fourth) {}
