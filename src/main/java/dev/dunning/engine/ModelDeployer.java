package dev.dunning.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN and DMN model at start-up: from the jar by default, or from the folder named by
 * {@code dunning.models.location} so ops can deploy edited models without a rebuild. If the engine is not reachable
 * yet the deployment is retried; the relay publishes no message until the models are deployed.
 */
@Component
public class ModelDeployer {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

    private final CamundaClient client;
    private final String location;
    private final Duration retryInterval;
    private volatile boolean deployed;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "model-deployer");
        t.setDaemon(true);
        return t;
    });

    /** A closed context must not keep deploying through its closed client. */
    @jakarta.annotation.PreDestroy
    void stop() {
        retries.shutdownNow();
    }

    ModelDeployer(CamundaClient client,
                  @Value("${dunning.models.location:classpath:bpmn/}") String location,
                  @Value("${dunning.models.retry-interval:PT10S}") Duration retryInterval) {
        this.client = client;
        this.location = location.endsWith("/") ? location : location + "/";
        this.retryInterval = retryInterval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void deployOnStart() {
        retries.execute(this::tryDeploy);
    }

    private void tryDeploy() {
        try {
            deploy();
        } catch (RuntimeException e) {
            log.warn("could not deploy the models from {} ({}); retrying in {}", location, e.getMessage(), retryInterval);
            retries.schedule(this::tryDeploy, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void deploy() {
        List<Resource> models = models();
        if (models.isEmpty()) throw new IllegalStateException("no .bpmn or .dmn model found under " + location);
        DeployResourceCommandStep2 command = null;
        for (Resource model : models) {
            byte[] bytes = read(model);
            command = command == null
                    ? client.newDeployResourceCommand().addResourceBytes(bytes, model.getFilename())
                    : command.addResourceBytes(bytes, model.getFilename());
        }
        var result = command.send().join(30, TimeUnit.SECONDS);
        deployed = true;
        log.info("deployed {} models from {}: processes {}, decisions {}", models.size(), location,
                result.getProcesses().stream().map(p -> p.getBpmnProcessId() + " v" + p.getVersion()).toList(),
                result.getDecisions().stream().map(d -> d.getDmnDecisionId() + " v" + d.getVersion()).toList());
    }

    public boolean isDeployed() {
        return deployed;
    }

    private List<Resource> models() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            List<Resource> found = new ArrayList<>();
            for (String pattern : List.of("*.bpmn", "*.dmn")) {
                for (Resource r : resolver.getResources(location + pattern)) {
                    if (r.exists()) found.add(r);
                }
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list models under " + location, e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read model " + resource, e);
        }
    }
}
