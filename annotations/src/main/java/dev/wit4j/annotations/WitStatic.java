package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an abstract method of a {@link WitInterface} as a WIT {@code static} function of the
 * {@link WitResource} type {@link #value()} (Java-first), named in kebab-case of the method name:
 * {@code @WitStatic(Canvas.class) int limit()} is {@code limit: static func() -> s32;} in
 * {@code resource canvas}. Like {@link WitConstructor}, it is a method of the interface so that a
 * Java implementation can provide it and a component's can be called through it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface WitStatic {

    /** The resource the function belongs to: a {@link WitResource} interface. */
    Class<?> value();
}
