package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Passes a Java-first {@link WitResource} parameter as {@code borrow<r>} instead of {@code own<r>}:
 * the callee may use the resource during the call but does not take it over. Only parameters of a
 * resource type may be borrowed.
 *
 * <pre>{@code
 * long total(@Borrow Counter counter);       // total: func(counter: borrow<counter>) -> s64;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Borrow {}
