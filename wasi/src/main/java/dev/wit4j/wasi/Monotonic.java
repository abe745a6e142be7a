package dev.wit4j.wasi;

import java.util.function.LongSupplier;

/** {@code wasi:clocks/monotonic-clock} over a nanosecond counter ({@link System#nanoTime()} unless overridden). */
final class Monotonic implements MonotonicClock {
    private final LongSupplier nanos;
    private final long origin;

    Monotonic(LongSupplier nanos) {
        this.nanos = nanos;
        this.origin = nanos.getAsLong();
    }

    @Override
    public long now() {
        return nanos.getAsLong() - origin;
    }

    @Override
    public long resolution() {
        return 1;
    }

    @Override
    public Poll.Pollable subscribeInstant(long when) {
        return new Pollables.Deadline(this, when);
    }

    @Override
    public Poll.Pollable subscribeDuration(long when) {
        long now = now();
        long deadline = now + when;
        return new Pollables.Deadline(this, Long.compareUnsigned(deadline, now) < 0 ? -1L : deadline);
    }
}
