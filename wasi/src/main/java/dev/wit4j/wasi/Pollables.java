package dev.wit4j.wasi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@code wasi:io/poll}: pollables that are always ready, ready at a monotonic-clock deadline, or ready when something arrives. */
final class Pollables implements Poll {

    /** A pollable that is always ready (the Java streams behind WASI streams cannot be polled). */
    static final class Ready implements Pollable {
        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public void block() {}
    }

    /** Ready when a Java future completes, successfully or not (its owner reports which). */
    static final class Future implements Pollable {
        private final java.util.concurrent.CompletableFuture<?> future;

        Future(java.util.concurrent.CompletableFuture<?> future) {
            this.future = future;
        }

        @Override
        public boolean ready() {
            return future.isDone();
        }

        @Override
        public void block() {
            try {
                future.join();
            } catch (RuntimeException e) {
                // the failure is reported by the owner's get(); block only waits
            }
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

    /**
     * Waits until at least one pollable is ready and returns the indexes of all ready ones. Only
     * deadlines can say how long to wait; anything else (a response on its way, input arriving) is
     * checked again every millisecond. When all are deadlines and the context's clock stands still
     * after the wait, the earliest deadline is reported as due, so a test clock cannot hang the host.
     */
    @Override
    public int[] poll(List<Pollable> in) {
        if (in.isEmpty()) {
            throw new IllegalArgumentException("poll needs at least one pollable");
        }
        boolean onlyDeadlines = in.stream().allMatch(p -> p instanceof Deadline);
        while (true) {
            List<Integer> ready = readyIndexes(in);
            if (!ready.isEmpty()) {
                return ready.stream().mapToInt(Integer::intValue).toArray();
            }
            long wait = onlyDeadlines ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(1);
            int earliest = 0;
            for (int i = 0; i < in.size(); i++) {
                if (in.get(i) instanceof Deadline d && d.remaining() < wait) {
                    wait = d.remaining();
                    earliest = i;
                }
            }
            LockSupport.parkNanos(wait);
            if (onlyDeadlines && readyIndexes(in).isEmpty()) {
                return new int[] {earliest};
            }
        }
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
