package dev.wit4j.wasi;

import java.time.Clock;
import java.time.Instant;

/** {@code wasi:clocks/wall-clock} over a {@link Clock} (the system UTC clock unless overridden). */
final class Wall implements WallClock {
    private final Clock clock;

    Wall(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Datetime now() {
        Instant now = clock.instant();
        return new Datetime(now.getEpochSecond(), now.getNano());
    }

    @Override
    public Datetime resolution() {
        return new Datetime(0, 1000);
    }
}
