package dev.wit4j.runtime.types;

import java.util.Optional;
import java.util.function.Function;

/**
 * The value of a WIT {@code result<T, E>}: either {@link Ok} holding a {@code T} or {@link Err}
 * holding an {@code E}.
 *
 * <p>A result without an ok type ({@code result<_, E>} or plain {@code result}) is a
 * {@code Result<Void, E>} whose {@code Ok} holds {@code null}; likewise a missing error type is
 * {@code Void} and the {@code Err} holds {@code null}. Every other payload is non-null. Use
 * {@code instanceof} (or, from Java 21, a pattern {@code switch}) to tell the cases apart:
 *
 * <pre>{@code
 * if (r instanceof Result.Ok<Integer, String> ok) { use(ok.value()); }
 * }</pre>
 *
 * @param <T> the ok payload type ({@code Void} when there is none)
 * @param <E> the error payload type ({@code Void} when there is none)
 */
public sealed interface Result<T, E> permits Result.Ok, Result.Err {

    /** A successful result. @param value the payload, {@code null} only when {@code T} is {@code Void} */
    record Ok<T, E>(T value) implements Result<T, E> {}

    /** A failed result. @param error the payload, {@code null} only when {@code E} is {@code Void} */
    record Err<T, E>(E error) implements Result<T, E> {}

    /** An {@link Ok} holding {@code value}. */
    static <T, E> Result<T, E> ok(T value) {
        return new Ok<>(value);
    }

    /** An {@link Ok} without payload, for {@code result} / {@code result<_, E>}. */
    static <E> Result<Void, E> ok() {
        return new Ok<>(null);
    }

    /** An {@link Err} holding {@code error}. */
    static <T, E> Result<T, E> err(E error) {
        return new Err<>(error);
    }

    /** An {@link Err} without payload, for {@code result} / {@code result<T>}. */
    static <T> Result<T, Void> err() {
        return new Err<>(null);
    }

    /** Whether this is an {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The ok payload, or empty for an {@link Err} (and for an {@code Ok} holding {@code null}). */
    default Optional<T> okValue() {
        return this instanceof Ok<T, E> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    /** The error payload, or empty for an {@link Ok} (and for an {@code Err} holding {@code null}). */
    default Optional<E> errValue() {
        return this instanceof Err<T, E> err ? Optional.ofNullable(err.error()) : Optional.empty();
    }

    /**
     * The ok payload, or throws the exception {@code toException} makes of the error payload.
     *
     * @param <X> the exception type
     */
    default <X extends Exception> T orElseThrow(Function<? super E, X> toException) throws X {
        if (this instanceof Ok<T, E> ok) {
            return ok.value();
        }
        throw toException.apply(((Err<T, E>) this).error());
    }
}
