package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plain Java interface as a WebAssembly component interface (Java-first). The wit4j
 * processor derives the WIT for it and writes it to
 * {@code META-INF/wit/<namespace>/<package>/<interface>.wit} in the class output.
 *
 * <p>Every abstract method becomes a WIT function named in kebab-case ({@code readAll} →
 * {@code read-all}); records, enums, sealed interfaces of records, {@code Optional}, {@code List},
 * primitive arrays, {@code Result}, {@code TupleN}, {@code Set<Enum>} and {@link WitResource}
 * interfaces used in the signatures become WIT types declared in this interface. Default and static
 * methods are not part of the interface (they are ignored); {@link WitConstructor} and
 * {@link WitStatic} methods give a resource its constructor and static functions. Any Java shape
 * without a WIT meaning is a compile error on the offending element.
 *
 * <p>The bindings of a {@link WitWorldOf} world use this interface and its types as they are: an
 * implementation of it is handed to a component as its import, and the world class returns an
 * implementation of it that calls a component exporting it.
 *
 * <pre>{@code
 * @WitInterface(packageName = "example:calc@1.0.0")
 * public interface Calculator {            // interface calculator
 *     int add(int a, int b);               // add: func(a: s32, b: s32) -> s32;
 *     Optional<String> lastError();        // last-error: func() -> option<string>;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WitInterface {

    /** The WIT package: {@code namespace:package}, optionally with {@code @version}. */
    String packageName();

    /** The WIT interface name (kebab-case); empty means the kebab-case of the Java simple name. */
    String name() default "";
}
