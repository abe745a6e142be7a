package com.example.textkit;

import dev.wit4j.annotations.Borrow;
import dev.wit4j.annotations.Unsigned;
import dev.wit4j.annotations.WitConstructor;
import dev.wit4j.annotations.WitInterface;
import dev.wit4j.annotations.WitResource;
import dev.wit4j.annotations.WitStatic;
import dev.wit4j.runtime.types.Result;
import java.util.List;
import java.util.Optional;

/**
 * Exported by the component (src/main/wat/textkit.wat). The processor derives
 * {@code META-INF/wit/example/textkit/text-tools.wit} from this interface, and the world class's
 * {@code textTools()} returns an implementation of this very interface that calls the component.
 */
@WitInterface(packageName = "example:textkit@1.0.0")
public interface TextTools {
    /** A run of bytes in a line (WIT {@code record span { start: u32, length-utf8: u32 }}). */
    record Span(@Unsigned int start, @Unsigned int lengthUTF8) {}

    /** Which end of a line (WIT {@code enum side}). */
    enum Side {
        LEFT,
        RIGHT
    }

    /** A token (WIT {@code variant token { word(string), num(s64), gap }}). */
    sealed interface Token permits Word, Num, Gap {}

    /** A word. */
    record Word(String text) implements Token {}

    /** A number. */
    record Num(long value) implements Token {}

    /** A gap between words. */
    record Gap() implements Token {}

    /**
     * A running sum kept by the component (WIT {@code resource tally}). Closeable: {@code close()}
     * is its lifetime, not a WIT method (the component's handle is dropped; a Java tally lent to a
     * component is closed when the component drops it).
     */
    @WitResource
    interface Tally extends AutoCloseable {
        /** Adds {@code n}. */
        void add(@Unsigned int n);

        /** The sum so far. */
        @Unsigned
        long sum();

        /** Done with the tally. */
        @Override
        void close();
    }

    /** Upper-cases the ASCII letters of {@code text} and appends "!"; logs {@code text} first. Traps on NUL. */
    String shout(String text);

    /** The number of words. */
    @Unsigned
    int count(List<String> words);

    /** The sum of {@code xs}, without overflow. */
    long total(int[] xs);

    /** {@code span} moved to one end of a line of {@code width} bytes. */
    Span align(Span span, Side to, @Unsigned int width);

    /** {@code span}, unless it is empty. */
    Optional<Span> nonEmpty(Span span);

    /** The sum of the lengths of {@code spans}. */
    @Unsigned
    long covered(List<Span> spans);

    /** A word as it is, a number doubled, a gap as it is. */
    Token twice(Token token);

    /** {@code span} if it ends within {@code width} bytes, else why not. */
    Result<Span, String> fit(Span span, @Unsigned int width);

    /** The sum of a tally, borrowed. */
    @Unsigned
    long peek(@Borrow Tally tally);

    /** A new tally at 0: the resource's constructor. */
    @WitConstructor
    Tally newTally();

    /** A new tally at {@code sum}: a static function of the resource. */
    @WitStatic(Tally.class)
    Tally startingAt(@Unsigned long sum);
}
