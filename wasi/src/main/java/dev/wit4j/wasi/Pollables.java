package dev.wit4j.wasi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@code wasi:io/poll}: pollables that are always ready, or ready at a monotonic-clock deadline. */
final class Pollables implements Poll {

    /** A pollable that is always ready (the Java streams behind WASI streams cannot be polled). */
    static final class Ready implements Pollable {
        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void block() {
        }
    }

    /** Ready once the context's monotonic clock reaches {@code deadline}. */
    static final class Deadline implements Pollable {
        private final MonotonicClock clock;
        private final long deadline;

        Deadline(MonotonicClock clock, long deadline) {
            this.clock = clock;
            this.deadline = deadline;
        }

        @Override
        public boolean ready() {
            return Long.compareUnsigned(clock.now(), deadline) >= 0;
        }

        /** Sleeps for the time left (once: an overridden clock that stands still cannot hang the host). */
        @Override
        public void block() {
            long left = remaining();
            if (left > 0) {
                LockSupport.parkNanos(left);
            }
        }

        long remaining() {
            long now = clock.now();
            return Long.compareUnsigned(now, deadline) >= 0 ? 0 : deadline - now;
        }
    }

    @Override
    public int[] poll(List<Pollable> in) {
        if (in.isEmpty()) {
            throw new IllegalArgumentException("poll needs at least one pollable");
        }
        List<Integer> ready = readyIndexes(in);
        if (ready.isEmpty()) {
            long wait = Long.MAX_VALUE;
            for (Pollable p : in) {
                wait = Math.min(wait, p instanceof Deadline d ? d.remaining() : TimeUnit.MILLISECONDS.toNanos(1));
            }
            LockSupport.parkNanos(wait);
            ready = readyIndexes(in);
            if (ready.isEmpty()) { // a clock that stands still: report the earliest deadline as due
                ready = List.of(0);
            }
        }
        return ready.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> readyIndexes(List<Pollable> in) {
        List<Integer> ready = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).ready()) {
                ready.add(i);
            }
        }
        return ready;
    }
}
