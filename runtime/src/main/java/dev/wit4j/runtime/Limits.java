package dev.wit4j.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one component instance may take from the host: linear memory, table elements, instances,
 * resource handles and time per call. Set on a {@link Linker} ({@link Linker#limits(Limits)}); every
 * instance it creates (directly or through an {@link InstancePre}) is held to them, nested component
 * and core instances included. Immutable.
 *
 * <pre>{@code
 * linker.limits(Limits.builder()
 *         .memoryBytes(256L << 20)          // all linear memories of the instance together
 *         .tableElements(100_000)           // each table
 *         .instances(1_000)                 // core and component instances it creates
 *         .handles(100_000)                 // live handles in each component instance's table
 *         .callTimeout(Duration.ofSeconds(5))
 *         .build());
 * }</pre>
 *
 * <p>Exceeding a limit is never a JVM error: {@code memory.grow} and {@code table.grow} return
 * {@code -1} as the core spec allows (the guest's allocator then reports it as it does any failed
 * growth); an instantiation that needs more than the limits allow (a memory's or table's minimum size,
 * one instance too many) fails with a {@link Trap} of reason {@link Trap.Reason#RESOURCE_EXHAUSTED};
 * a handle beyond the limit traps with {@link Trap.Reason#TABLE_FULL}; a call running past its
 * timeout stops at its next loop back edge or indirect call with {@link Trap.Reason#DEADLINE}. Each traps
 * only the instance concerned.
 *
 * <p>{@link #NONE}, the default of a library {@link Linker}, sets no limit beyond the spec's own
 * (4 GiB per memory, 2^28 - 1 handles) and the JVM heap; the {@code wit4j} command line sets
 * limits by default, for code it did not write.
 */
public final class Limits {

    /** No limit beyond the spec's own. */
    public static final Limits NONE = new Builder().build();

    private final long memoryBytes;
    private final long tableElements;
    private final int instances;
    private final int handles;
    private final Duration callTimeout;

    private Limits(Builder b) {
        this.memoryBytes = b.memoryBytes;
        this.tableElements = b.tableElements;
        this.instances = b.instances;
        this.handles = b.handles;
        this.callTimeout = b.callTimeout;
    }

    /** A builder with no limits set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bytes of linear memory all memories of one instance may hold together; {@code Long.MAX_VALUE} if unlimited. */
    public long memoryBytes() {
        return memoryBytes;
    }

    /** The elements each table may hold; {@code Long.MAX_VALUE} if unlimited. */
    public long tableElements() {
        return tableElements;
    }

    /**
     * The core and component instances one instantiation may create (the top-level component
     * instance counts as one); {@code Integer.MAX_VALUE} if unlimited.
     */
    public int instances() {
        return instances;
    }

    /** The live handles each component instance's handle table may hold; {@code Integer.MAX_VALUE} if unlimited. */
    public int handles() {
        return handles;
    }

    /** How long one call from the host may run, if limited. */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /** These limits with {@code timeout} as the call timeout (see {@link Builder#callTimeout}). */
    public Limits withCallTimeout(Duration timeout) {
        Builder b = new Builder();
        b.memoryBytes = memoryBytes;
        b.tableElements = tableElements;
        b.instances = instances;
        b.handles = handles;
        return b.callTimeout(timeout).build();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Limits[");
        String sep = "";
        if (memoryBytes != Long.MAX_VALUE) {
            s.append("memoryBytes=").append(memoryBytes);
            sep = ", ";
        }
        if (tableElements != Long.MAX_VALUE) {
            s.append(sep).append("tableElements=").append(tableElements);
            sep = ", ";
        }
        if (instances != Integer.MAX_VALUE) {
            s.append(sep).append("instances=").append(instances);
            sep = ", ";
        }
        if (handles != Integer.MAX_VALUE) {
            s.append(sep).append("handles=").append(handles);
            sep = ", ";
        }
        if (callTimeout != null) {
            s.append(sep).append("callTimeout=").append(callTimeout);
        }
        return s.append(']').toString();
    }

    /** Builds {@link Limits}; every limit is unset (unlimited) until set. */
    public static final class Builder {

        private long memoryBytes = Long.MAX_VALUE;
        private long tableElements = Long.MAX_VALUE;
        private int instances = Integer.MAX_VALUE;
        private int handles = Integer.MAX_VALUE;
        private Duration callTimeout;

        private Builder() {}

        /**
         * The bytes of linear memory all memories of one instance (its core instances', nested
         * components' included) may hold together, counted in whole 64 KiB pages.
         */
        public Builder memoryBytes(long bytes) {
            this.memoryBytes = positive(bytes, "memoryBytes");
            return this;
        }

        /** The elements each table may hold. */
        public Builder tableElements(long elements) {
            this.tableElements = positive(elements, "tableElements");
            return this;
        }

        /** The core and component instances one instantiation may create, the top-level one included. */
        public Builder instances(int count) {
            this.instances = (int) positive(count, "instances");
            return this;
        }

        /** The live handles each component instance's handle table may hold (all resource types together). */
        public Builder handles(int count) {
            this.handles = (int) positive(count, "handles");
            return this;
        }

        /**
         * How long one call from the host into the instance may run; past it, the guest stops at
         * its next loop back edge or indirect call with a {@link Trap.Reason#DEADLINE} trap. Time is checked
         * every few milliseconds, so a call may overrun by that much.
         */
        public Builder callTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("callTimeout must be positive: " + timeout);
            }
            this.callTimeout = timeout;
            return this;
        }

        /** The limits. */
        public Limits build() {
            return new Limits(this);
        }

        private static long positive(long value, String what) {
            if (value < 0) {
                throw new IllegalArgumentException(what + " must not be negative: " + value);
            }
            return value;
        }
    }
}
