package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Java interface as a WIT {@code resource} (Java-first). Its abstract methods become the
 * resource's methods ({@code [method]}); the resource is declared in every {@link WitInterface}
 * that uses it, named in kebab-case of the Java simple name unless {@link #name()} is given.
 * A resource type in a parameter or result is {@code own<r>}; mark a parameter {@link Borrow} for
 * {@code borrow<r>}.
 *
 * <pre>{@code
 * @WitResource
 * public interface Counter {                 // resource counter {
 *     void increment(@Unsigned int by);      //   increment: func(by: u32);
 *     @Unsigned int value();                 //   value: func() -> u32;
 * }                                          // }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WitResource {

    /** The WIT resource name (kebab-case); empty means the kebab-case of the Java simple name. */
    String name() default "";
}
