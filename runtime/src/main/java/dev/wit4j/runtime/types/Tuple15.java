package dev.wit4j.runtime.types;

/**
 * The value of a WIT {@code tuple} with 15 elements. Elements are held as given (no copies;
 * {@code null} is not expected).
 *
 * @param first element 0
 * @param second element 1
 * @param third element 2
 * @param fourth element 3
 * @param fifth element 4
 * @param sixth element 5
 * @param seventh element 6
 * @param eighth element 7
 * @param ninth element 8
 * @param tenth element 9
 * @param eleventh element 10
 * @param twelfth element 11
 * @param thirteenth element 12
 * @param fourteenth element 13
 * @param fifteenth element 14
 * @param <A> type of element 0
 * @param <B> type of element 1
 * @param <C> type of element 2
 * @param <D> type of element 3
 * @param <E> type of element 4
 * @param <F> type of element 5
 * @param <G> type of element 6
 * @param <H> type of element 7
 * @param <I> type of element 8
 * @param <J> type of element 9
 * @param <K> type of element 10
 * @param <L> type of element 11
 * @param <M> type of element 12
 * @param <N> type of element 13
 * @param <O> type of element 14
 */
public record Tuple15<A, B, C, D, E, F, G, H, I, J, K, L, M, N, O>(
        A first,
        B second,
        C third,
        D fourth,
        E fifth,
        F sixth,
        G seventh,
        H eighth,
        I ninth,
        J tenth,
        K eleventh,
        L twelfth,
        M thirteenth,
        N fourteenth,
        O fifteenth) {}
