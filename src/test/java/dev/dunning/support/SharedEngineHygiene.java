package dev.dunning.support;

import dev.dunning.embedded.EmbeddedEngine;
import dev.dunning.time.ShiftableClock;
import dev.dunning.time.TimeTravel;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.zeebe.process.test.filters.ProcessInstanceRecordStreamFilter;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * All integration test classes share one engine and one clock that only moves forward, so each class leaves the
 * shared state as the next one expects it:
 * <ul>
 * <li>Before: the clocks move on to 10:00 in Berlin, where the stories' debtors live. The contact window (08:00–21:00
 * local time) is closed at night, so without this a story's reminders wait for the morning or not, depending on the
 * hour at which the build happens to run.</li>
 * <li>After: the process instances the class leaves running are cancelled. Otherwise they wake up at every later clock
 * jump and keep the workers busy with cases nobody looks at, a backlog that grows from class to class.</li>
 * </ul>
 */
public class SharedEngineHygiene implements BeforeAllCallback, AfterAllCallback {

    static final ZoneId STORY_ZONE = ZoneId.of("Europe/Berlin");
    static final LocalTime MORNING = LocalTime.of(10, 0);
    private static volatile java.time.Clock appClock = java.time.Clock.systemUTC();

    /**
     * Today by the app's clock. Test invoices fall due relative to it, so "30 days overdue" stays 30 days however far
     * earlier classes have moved the clock (the offer rules band by days overdue).
     */
    public static java.time.LocalDate appToday() {
        return java.time.LocalDate.now(appClock);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext app = SpringExtension.getApplicationContext(context);
        ShiftableClock clock = app.getBean(ShiftableClock.class);
        appClock = clock;
        TimeTravel engineClock = app.getBeanProvider(TimeTravel.class).getIfAvailable();
        if (engineClock == null) return;
        ZonedDateTime now = clock.instant().atZone(STORY_ZONE);
        if (now.getHour() >= 9 && now.getHour() < 15) return; // a working day lies ahead already
        ZonedDateTime morning = now.toLocalTime().isBefore(MORNING) ? now.with(MORNING) : now.plusDays(1).with(MORNING);
        Duration untilMorning = Duration.between(now, morning);
        clock.advance(untilMorning);
        engineClock.advanceEngineClock(untilMorning);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!EmbeddedEngine.isRunning()) return;
        CamundaClient client = SpringExtension.getApplicationContext(context).getBean(CamundaClient.class);
        for (long key : runningRootInstances()) {
            try {
                client.newCancelInstanceCommand(key).requestTimeout(Duration.ofSeconds(30)).send().join();
            } catch (ClientStatusException e) {
                // it ended on its own in the meantime: NOT_FOUND is what we wanted
            }
        }
    }

    private static Set<Long> runningRootInstances() {
        Set<Long> running = new HashSet<>();
        RecordStream stream = RecordStream.of(EmbeddedEngine.engine().getRecordStreamSource());
        new ProcessInstanceRecordStreamFilter(stream.processInstanceRecords()).stream()
                .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .filter(r -> r.getValue().getParentProcessInstanceKey() < 0)
                .forEach(r -> {
                    long key = r.getValue().getProcessInstanceKey();
                    if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) running.add(key);
                    if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                            || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) running.remove(key);
                });
        return running;
    }
}
