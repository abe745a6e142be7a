package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a Java-first {@code int} (or {@code Integer} inside a type argument) a WIT {@code char}: a
 * Unicode scalar value held as a code point. Java's {@code char} itself has no WIT meaning (it is a
 * UTF-16 unit, not a scalar value) and is rejected.
 *
 * <pre>{@code
 * @WitChar int firstLetter(String word);     // first-letter: func(word: string) -> char;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface WitChar {}
