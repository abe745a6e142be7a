package example.types;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple1;
import dev.wit4j.runtime.types.Tuple3;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Every value type, in one interface.
 *
 * <p>Imported interface {@code test:types/shapes@1.2.0}: the host implements it.
 * Unsigned WIT integers are carried in the Java primitive of the same width (read them
 * with {@link Integer#toUnsignedLong(int)} and friends); {@code char} is an {@code int} code point.
 *
 * @since 1.0.0
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
public interface Shapes {
    /**
     * Ints &lt;and&gt; &quot;escapes&quot;: *&#47; &#92;u0041 &#64;param
     *
     * @since 1.0.0
     */
    double area(Shape s);

    /**
     * @param a WIT {@code bytes}
     * @param b WIT {@code list<u16>}
     * @param d WIT {@code list<u64>}
     * @param h WIT {@code list<char>}
     * @since 1.0.0
     */
    void lists(byte[] a, short[] b, int[] c, long[] d, float[] e, List<String> f, List<Boolean> g,
            List<Integer> h);

    /**
     * @param a WIT {@code option<u32>}
     * @since 1.0.0
     */
    Optional<Point> options(Optional<Integer> a, Optional<Optional<String>> b);

    /**
     * @param b WIT {@code result<u8>}
     * @since 1.0.0
     */
    Result<List<Point>, Color> results(Result<Void, Void> a, Result<Byte, Void> b,
            Result<Void, String> c);

    /**
     * @param a WIT {@code tuple<u8, s16, string>}
     * @since 1.0.0
     */
    Tuple1<Boolean> tuples(Tuple3<Byte, Short, String> a);

    /**
     * @since 1.0.0
     */
    Set<Permissions> setPermissions(Set<Permissions> p);

    /**
     * @since 1.1.0
     * @deprecated deprecated in version 1.2.0 of the WIT package
     */
    @Deprecated
    void oldThing();

    /**
     * A point in the plane.
     *
     * <p>WIT record {@code point}.
     *
     * @param x Horizontal position.
     * @since 1.0.0
     */
    record Point(double x, double y) {
    }

    /**
     * Fields named after Java keywords and Object methods.
     *
     * <p>WIT record {@code awkward}.
     *
     * @param class_ WIT {@code u32}: unsigned, read with {@link Integer#toUnsignedLong(int)}
     * @param default_ WIT {@code char}: a Unicode scalar value, as a code point
     * @since 1.0.0
     */
    record Awkward(int class_, String hashCode_, int default_) {
        public Awkward {
            Objects.requireNonNull(hashCode_, "field `hashCode_` of record `awkward` is null");
        }
    }

    /**
     * WIT enum {@code color}.
     *
     * @since 1.0.0
     */
    enum Color {
        RED,

        DARK_GREEN,

        HTTP_BLUE
    }

    /**
     * WIT flags {@code permissions}: a value is a {@code Set} of these constants, typically an {@link java.util.EnumSet}.
     *
     * @since 1.0.0
     */
    enum Permissions {
        READ,

        WRITE,

        EXEC
    }

    /**
     * Either a circle, a polygon or nothing.
     *
     * <p>WIT variant {@code shape}: one record per case.
     *
     * @since 1.0.0
     */
    sealed interface Shape permits Shape.Circle, Shape.Polygon, Shape.Empty {
        /**
         * Case {@code circle}.
         *
         * @param value the payload
         */
        record Circle(float value) implements Shape {
        }

        /**
         * Case {@code polygon}.
         *
         * @param value the payload
         */
        record Polygon(List<Point> value) implements Shape {
        }

        /**
         * Case {@code empty}.
         */
        record Empty() implements Shape {
        }
    }
}
