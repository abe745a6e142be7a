package example.resources;

import javax.annotation.processing.Generated;

/**
 * Imported interface {@code test:resources/resources#scratch}: the host implements it.
 * Unsigned WIT integers are carried in the Java primitive of the same width (read them
 * with {@link Integer#toUnsignedLong(int)} and friends); {@code char} is an {@code int} code point.
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
public interface Scratch {
    Files get();

    /**
     * WIT record {@code files}.
     *
     * @param count WIT {@code u32}: unsigned, read with {@link Integer#toUnsignedLong(int)}
     */
    record Files(int count) {
    }
}
