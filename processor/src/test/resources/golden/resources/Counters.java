package example.resources;

import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.value.Value;
import javax.annotation.processing.Generated;

/**
 * Exported interface {@code test:resources/counters}: the component provides it; the world class's
 * accessor returns an implementation that calls into the component.
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
     * Exported WIT resource {@code counter}: an owned handle to a resource of the component; its methods call the
     * component, {@link #close()} drops the handle (runs the component's destructor). Instances come from
     * the component (constructor, functions returning it) through the world class; one that is
     * passed back to the component as an owned value is closed by that.
     */
    final class Counter implements AutoCloseable {
        private final Ops ops;

        /**
         * The owned handle; null once closed or moved into the component (set by the world class).
         */
        Value.Own handle;

        /**
         * Wraps an owned handle received from the component.
         */
        Counter(Ops ops, Value.Own handle) {
            this.ops = ops;
            this.handle = handle;
        }

        /**
         * The owned handle, for use with the dynamic API.
         *
         * @throws IllegalStateException if the handle was closed or moved into the component
         */
        public Value.Own handle() {
            if (handle == null) {
                throw new IllegalStateException("resource `counter` was closed or passed to the component");
            }
            return handle;
        }

        public long increment() {
            return ops.increment(this);
        }

        public void close_() {
            ops.close_(this);
        }

        /**
         * Drops the handle: the component's destructor runs. Does nothing if already closed.
         */
        @Override
        public void close() {
            Value.Own h = handle;
            if (h != null) {
                handle = null;
                Instance.drop(h);
            }
        }

        /**
         * Calls into the component; implemented by the world class.
         */
        interface Ops {
            long increment(Counter self);

            void close_(Counter self);
        }
    }
}
