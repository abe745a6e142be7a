package example.resources;

import javax.annotation.processing.Generated;

/**
 * Exported interface {@code test:resources/counters}: the component provides it; the world class
 * (generated with the runtime bindings) gives an implementation that calls into the component.
 * Unsigned WIT integers are carried in the Java primitive of the same width (read them
 * with {@link Integer#toUnsignedLong(int)} and friends); {@code char} is an {@code int} code point.
 */
@Generated("dev.wit4j.processor.WitWorldProcessor")
public interface Counters {
    /**
     * Constructor of resource {@code counter}.
     */
    Counter newCounter(long start);

    Counter make();

    /**
     * Exported WIT resource {@code counter}: a handle owned by the component; {@link #close()} drops it.
     *
     * <p><b>Pending:</b> bindings for calls into components come with the runtime;
     * until then every method, {@link #close()} included, throws {@link UnsupportedOperationException}.
     */
    final class Counter implements AutoCloseable {
        private final int handle;

        /**
         * Wraps a handle of the component's handle table.
         */
        Counter(int handle) {
            this.handle = handle;
        }

        /**
         * The handle index in the component's handle table.
         */
        int handle() {
            return handle;
        }

        public long increment() {
            throw new UnsupportedOperationException("bindings for calls into components come with the runtime");
        }

        public void close_() {
            throw new UnsupportedOperationException("bindings for calls into components come with the runtime");
        }

        /**
         * Drops the handle.
         */
        @Override
        public void close() {
            throw new UnsupportedOperationException("bindings for calls into components come with the runtime");
        }
    }
}
