package dev.dunning.time;

import java.time.Duration;

/** Moves the engine's clock. Only the embedded engine can; in production there is no bean of this type. */
public interface TimeTravel {
    void advanceEngineClock(Duration duration);
}
