package dev.dunning.web;

import dev.dunning.time.ShiftableClock;
import dev.dunning.time.TimeTravel;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Embedded engine only: moves the engine's clock and the app's clock together, to demonstrate weeks in seconds. */
@RestController
class DevClockController {

    private final Optional<TimeTravel> timeTravel;
    private final ShiftableClock clock;

    DevClockController(Optional<TimeTravel> timeTravel, ShiftableClock clock) {
        this.timeTravel = timeTravel;
        this.clock = clock;
    }

    @PostMapping("/api/dev/clock")
    synchronized Map<String, Object> advance(@Valid @RequestBody CaseRequests.ClockBody body) {
        TimeTravel engine = timeTravel.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Duration duration = parse(body.advance());
        clock.advance(duration);
        engine.advanceEngineClock(duration);
        return Map.of("now", clock.instant().toString());
    }

    private static Duration parse(String text) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) throw new InvalidInput("advance", "must be a positive duration");
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidInput("advance", "must be an ISO-8601 duration in days and hours such as P7D or PT12H");
        }
    }
}
