package dev.wit4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a Java-first integer unsigned: {@code byte} → {@code u8}, {@code short} → {@code u16},
 * {@code int} → {@code u32}, {@code long} → {@code u64} (the Java value holds the bits; read it with
 * {@code Byte.toUnsignedInt}, {@code Integer.toUnsignedLong}, …). On a method it applies to the
 * result; on an array ({@code @Unsigned byte[]}) to its elements; inside type arguments it is a
 * type annotation ({@code List<@Unsigned Integer>}, {@code Optional<@Unsigned Long>}).
 *
 * <pre>{@code
 * @Unsigned long size(@Unsigned int fd);     // size: func(fd: u32) -> u64;
 * void write(@Unsigned byte[] bytes);        // write: func(bytes: list<u8>);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
public @interface Unsigned {}
