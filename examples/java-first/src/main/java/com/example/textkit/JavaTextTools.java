package com.example.textkit;

import dev.wit4j.runtime.types.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TextTools} in Java, with the same behaviour as the textkit component: it can stand in for
 * that component wherever a component imports {@code example:textkit/text-tools} (virtualisation).
 */
public final class JavaTextTools implements TextTools {
    private final Logger logger;

    /** Text tools that log through {@code logger}, as the component logs through its import. */
    public JavaTextTools(Logger logger) {
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public String shout(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        logger.log(bytes.length > 10 ? Logger.Level.WARN : Logger.Level.INFO, text);
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in text");
        }
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> sb.appendCodePoint(c >= 'a' && c <= 'z' ? c - 32 : c));
        return sb.append('!').toString();
    }

    @Override
    public int count(List<String> words) {
        return words.size();
    }

    @Override
    public long total(int[] xs) {
        long s = 0;
        for (int x : xs) {
            s += x;
        }
        return s;
    }

    @Override
    public Span align(Span span, Side to, int width) {
        return new Span(to == Side.RIGHT ? width - span.lengthUTF8() : 0, span.lengthUTF8());
    }

    @Override
    public Optional<Span> nonEmpty(Span span) {
        return span.lengthUTF8() == 0 ? Optional.empty() : Optional.of(span);
    }

    @Override
    public long covered(List<Span> spans) {
        return spans.stream()
                .mapToLong(s -> Integer.toUnsignedLong(s.lengthUTF8()))
                .sum();
    }

    @Override
    public Token twice(Token token) {
        return token instanceof Num n ? new Num(2 * n.value()) : token;
    }

    @Override
    public Result<Span, String> fit(Span span, int width) {
        long end = Integer.toUnsignedLong(span.start()) + Integer.toUnsignedLong(span.lengthUTF8());
        return end <= Integer.toUnsignedLong(width) ? Result.ok(span) : Result.err("span ends after width");
    }

    @Override
    public long peek(Tally tally) {
        return tally.sum();
    }

    @Override
    public Tally newTally() {
        return startingAt(0);
    }

    @Override
    public Tally startingAt(long start) {
        return new Tally() {
            private long sum = start;

            @Override
            public void add(int n) {
                sum += Integer.toUnsignedLong(n);
            }

            @Override
            public long sum() {
                return sum;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
