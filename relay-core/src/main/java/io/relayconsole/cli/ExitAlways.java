package io.relayconsole.cli;

import io.relayconsole.serving.Readiness;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** ld-relay's {@code exitAlways}: initialize every environment (e.g. to fill a database), then stop. */
final class ExitAlways {
    private static final Logger LOG = LoggerFactory.getLogger(ExitAlways.class);

    private ExitAlways() {
    }

    static void awaitInitialization(Relay relay, Duration initTimeout) throws InterruptedException {
        long deadline = System.nanoTime() + initTimeout.toNanos();
        for (RelayEnvironment env : relay.environments()) {
            while (env.readiness() == Readiness.NOT_READY && System.nanoTime() < deadline) {
                Thread.sleep(50); // polling a flag in a one-shot command; nothing else to wait on
            }
            LOG.info("[{}] {}", env.name(), env.isStoreInitialized() ? "initialized" : "not initialized");
        }
    }
}
