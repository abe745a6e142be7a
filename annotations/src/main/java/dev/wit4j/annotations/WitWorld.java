package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the wit4j annotation processor to generate Java bindings for a WIT world.
 *
 * <p>Put it on a package (in {@code package-info.java}) or on a type. The processor resolves the
 * WIT folder named by {@link #wit()}, finds {@link #world()} in it and generates, into the
 * annotated package, one Java type per WIT type the world uses, one Java interface per imported
 * interface (the host implements them) and a class named after the world whose factory
 * instantiates a component and exposes its exports as typed methods.
 *
 * <pre>{@code
 * @WitWorld(world = "example:calc/calc")
 * package com.acme.calc;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface WitWorld {

    /**
     * The world to generate bindings for: {@code namespace:package/world}, optionally with a
     * version ({@code example:calc/calc@1.0.0}); a bare world name is looked up in the root
     * package of {@link #wit()}.
     */
    String world();

    /**
     * The folder (or single {@code .wit} file) holding the WIT, with its {@code deps/} folder,
     * relative to the project's base directory.
     *
     * <p>With a {@link #component()}, the WIT may be left out: when this is empty, or is the default
     * and there is no such folder, the world is read from the component's own imports and exports
     * (as {@code wit4j wit} prints them) and called by the name {@link #world()} gives. WIT docs are
     * not in a component, so such bindings have no documentation from it.
     */
    String wit() default "src/main/wit";

    /**
     * A component of this world to compile into the application at build time (a {@code .wasm}
     * path, found as {@link #wit()} is), or empty for none. The processor checks that the component
     * has the world's exports and no imports outside it, compiles its core modules to JVM classes and
     * writes them (with the component's structure, but none of its wasm code) as a class path
     * resource beside the world class, whose {@code instantiate()} and {@code component(Engine)}
     * methods then load it with nothing decoded, validated or compiled at run time. Needs the
     * {@code wit4j-runtime} artifact (which the processor depends on) at compile time.
     */
    String component() default "";
}
