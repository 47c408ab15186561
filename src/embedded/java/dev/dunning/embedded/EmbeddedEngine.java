package dev.dunning.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One in-memory Zeebe engine per JVM (from Zeebe Process Test), shared by every application context in it. */
public final class EmbeddedEngine {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);
    private static ZeebeTestEngine engine;
    private static int port;

    private EmbeddedEngine() {
    }

    static synchronized int start() {
        if (engine == null) {
            port = freePort();
            engine = EngineFactory.create(port);
            engine.start();
            Runtime.getRuntime().addShutdownHook(new Thread(engine::stop, "embedded-engine-stop"));
            log.warn("EMBEDDED ENGINE: the in-memory Zeebe engine from Zeebe Process Test runs inside this app on port {}."
                    + " It keeps nothing across restarts and is licensed for non-production use only."
                    + " Use dunning.engine.mode=remote with a Camunda 8 cluster in production.", port);
        }
        return port;
    }

    public static synchronized ZeebeTestEngine engine() {
        if (engine == null) throw new IllegalStateException("the embedded engine is not running");
        return engine;
    }

    public static synchronized boolean isRunning() {
        return engine != null;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the embedded engine", e);
        }
    }
}
