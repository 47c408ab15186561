package dev.dunning.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock: UTC system time plus an offset that only the embedded dev clock ever moves. */
public class ShiftableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ShiftableClock(Clock base) {
        this.base = base;
    }

    public static ShiftableClock systemUtc() {
        return new ShiftableClock(Clock.systemUTC());
    }

    public void advance(Duration duration) {
        offset.updateAndGet(d -> d.plus(duration));
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the dunning clock is always UTC");
    }
}
