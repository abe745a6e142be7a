package example.types;

import javax.annotation.processing.Generated;

/**
 * The functions and types that world {@code test:types/types@1.2.0} imports directly: the host implements it.
 * Unsigned WIT integers are carried in the Java primitive of the same width (read them
 * with {@link Integer#toUnsignedLong(int)} and friends); {@code char} is an {@code int} code point.
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
public interface TypesImports {
    /**
     * A function of the world itself.
     */
    void log(String msg);
}
