package example.resources;

import dev.wit4j.runtime.types.Result;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Imported interface {@code test:resources/files}: the host implements it.
 * Unsigned WIT integers are carried in the Java primitive of the same width (read them
 * with {@link Integer#toUnsignedLong(int)} and friends); {@code char} is an {@code int} code point.
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
public interface Files {
    /**
     * Opens a file.
     *
     * <p>Constructor of resource {@code file}.
     */
    File newFile(String path);

    /**
     * Opens a file, or fails.
     *
     * <p>Static function {@code open} of resource {@code file}.
     */
    Result<File, String> fileOpen(String path);

    List<Entry> listDir(String path);

    /**
     * An open file.
     *
     * <p>Imported WIT resource {@code file}: the host implements this interface for its objects
     * and the component holds handles to them. Its constructor and static functions are methods of {@link Files}
     * ({@code newFile}, {@code file…}).
     */
    interface File {
        /**
         * Reads up to <code>len</code> bytes.
         *
         * @param len WIT {@code u32}: unsigned, read with {@link Integer#toUnsignedLong(int)}
         * @return WIT {@code result<list<u8>, string>}
         */
        Result<byte[], String> read(int len);

        /**
         * Whether two files are the same.
         */
        boolean equals_(File other);
    }

    /**
     * WIT record {@code entry}.
     */
    record Entry(String name, Optional<File> handle) {
        public Entry {
            Objects.requireNonNull(name, "field `name` of record `entry` is null");
            Objects.requireNonNull(handle, "field `handle` of record `entry` is null");
        }
    }
}
