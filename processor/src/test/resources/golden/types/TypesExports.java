package example.types;

import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The functions that world {@code test:types/types@1.2.0} exports directly.
 * Unsigned WIT integers are carried in the Java primitive of the same width (read them
 * with {@link Integer#toUnsignedLong(int)} and friends); {@code char} is an {@code int} code point.
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
public interface TypesExports {
    int run(List<String> args);
}
