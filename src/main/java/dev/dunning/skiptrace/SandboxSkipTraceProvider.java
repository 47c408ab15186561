package dev.dunning.skiptrace;

import dev.dunning.cases.Address;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Deterministic sandbox vendor for the embedded mode and tests: a reference ending in {@code -NOTFOUND} is not
 * found, {@code -DECEASED} is reported deceased, {@code -BANKRUPT} bankrupt, anyone else is found at a synthetic new
 * address with a synthetic email.
 */
@Component
@ConditionalOnProperty(name = "dunning.skip-trace.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxSkipTraceProvider implements SkipTraceProvider {

    private final SkipTraceResults results;

    SandboxSkipTraceProvider(SkipTraceResults results) {
        this.results = results;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public void submit(Batch batch) {
        for (Subject subject : batch.subjects()) {
            String ref = subject.reference().toUpperCase();
            if (ref.endsWith("-NOTFOUND")) results.apply(subject.requestId(), SkipTraceResult.NOT_FOUND, null, null);
            else if (ref.endsWith("-DECEASED")) results.apply(subject.requestId(), SkipTraceResult.DECEASED, null, null);
            else if (ref.endsWith("-BANKRUPT")) results.apply(subject.requestId(), SkipTraceResult.BANKRUPT, null, null);
            else {
                String slug = ref.toLowerCase().replaceAll("[^a-z0-9]", "");
                results.apply(subject.requestId(), SkipTraceResult.FOUND, slug + "@found.example",
                        new Address("1 Sandbox Street", null, "10115", "Berlin", "DE"));
            }
        }
    }
}
