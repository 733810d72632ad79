package io.relayconsole.cli;

import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.serving.Readiness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [Main] exitOnNoData}: what operators asked ld-relay for (#549). Once {@code initTimeout} has passed, an
 * environment with no data from upstream and none in a store would only answer SDKs with empty data; with this
 * option the relay exits instead, so an orchestrator restarts it or reports the failure.
 */
final class NoDataExit {
    private NoDataExit() {
    }

    /** Waits out {@code initTimeout} (or until every environment has data); returns the environments without any. */
    static List<String> environmentsWithoutData(Relay relay, Duration initTimeout) throws InterruptedException {
        long deadline = System.nanoTime() + initTimeout.toNanos();
        for (RelayEnvironment env : relay.environments()) {
            while (env.readiness() == Readiness.NOT_READY && System.nanoTime() < deadline) {
                Thread.sleep(50); // polling a flag once at start-up; nothing else to wait on
            }
        }
        List<String> empty = new ArrayList<>();
        for (RelayEnvironment env : relay.environments()) {
            if (!env.canServe()) {
                empty.add(env.name());
            }
        }
        return empty;
    }
}
