package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an abstract method of a {@link WitInterface} as the WIT {@code constructor} of the
 * {@link WitResource} type it returns (Java-first). Its parameters are the constructor's; the
 * resource, as declared in this interface, gets {@code constructor(…)} instead of a function of
 * the interface. A resource has at most one constructor.
 *
 * <p>The constructor is a method of the interface, not a {@code static} method of the resource,
 * so that both directions work as for any other function: a Java implementation of the interface
 * implements it when a component imports the interface, and the world class's implementation
 * calls the component's constructor when a component exports it.
 *
 * <pre>{@code
 * @WitInterface(packageName = "example:draw@1.0.0")
 * public interface Draw {                                   // interface draw {
 *     @WitResource interface Canvas { void clear(); }       //   resource canvas {
 *     @WitConstructor Canvas open(@Unsigned int width);     //     constructor(width: u32);
 *     @WitStatic(Canvas.class) @Unsigned int limit();       //     limit: static func() -> u32;
 * }                                                         //     clear: func();
 *                                                           //   }
 *                                                           // }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface WitConstructor {}
