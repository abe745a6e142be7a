package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a WIT world made of Java-first interfaces ({@link WitInterface}): which the component
 * imports (the host implements them) and which it exports. The processor writes the world to
 * {@code META-INF/wit/<namespace>/<package>/<world>.wit} (in the WIT package of
 * {@link #packageName()}, by default that of the first interface) and generates the WIT-first
 * bindings for it (as {@link WitWorld} would) into {@link #bindingsPackage()}, using the
 * interfaces and their types themselves. The interfaces may come from several WIT packages: the
 * world refers to the others by qualified name, and their files are also written to the world
 * package's {@code deps/} folder so that it resolves on its own.
 *
 * <pre>{@code
 * @WitWorldOf(name = "calc", imports = Logger.class, exports = Calculator.class)
 * package com.acme.calc;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface WitWorldOf {

    /** The world name (kebab-case). */
    String name();

    /** The WIT package of the world; empty means the package of the first imported or exported interface. */
    String packageName() default "";

    /** The interfaces the component imports. */
    Class<?>[] imports() default {};

    /** The interfaces the component exports. */
    Class<?>[] exports() default {};

    /**
     * The Java package the WIT-first bindings of the world are generated into; empty means the
     * annotated package followed by {@code .wit}.
     */
    String bindingsPackage() default "";
}
