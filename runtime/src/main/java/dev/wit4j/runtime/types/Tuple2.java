package dev.wit4j.runtime.types;

/**
 * The value of a WIT {@code tuple} with 2 elements. Elements are held as given (no copies;
 * {@code null} is not expected).
 *
 * @param first element 0
 * @param second element 1
 * @param <A> type of element 0
 * @param <B> type of element 1
 */
public record Tuple2<A, B>(A first, B second) {}
