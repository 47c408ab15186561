package dev.dunning.embedded;

import dev.dunning.time.TimeTravel;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Moves the embedded engine's clock; the dev clock endpoint moves the app's clock by the same amount. */
@Component
@ConditionalOnProperty(name = "dunning.engine.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineTimeTravel implements TimeTravel {
    @Override
    public void advanceEngineClock(Duration duration) {
        EmbeddedEngine.engine().increaseTime(duration);
    }
}
