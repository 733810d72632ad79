package io.relayconsole.demo;

import static io.relayconsole.demo.ScenarioMoves.FAST_RETRY;
import static io.relayconsole.demo.ScenarioMoves.WARM_INIT_TIMEOUT;
import static io.relayconsole.demo.StepPatterns.failure;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;
import static io.relayconsole.timeline.Participants.UPSTREAM;

import io.relayconsole.simulator.UpstreamFault;
import java.time.Duration;

/** Scenario 3: a relay starts while LaunchDarkly is down: SDKs wait until initTimeout, then get the store's data. */
final class UpstreamOutageColdRelay implements ScenarioScript {
    private static final Duration FILL_TIMEOUT = Duration.ofSeconds(20);

    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        s.announce("An earlier relay fills the store");
        s.session.startRelay(s.pace.cacheTtl(), WARM_INIT_TIMEOUT, FAST_RETRY, false);
        s.session.awaitRelayInitialized(FILL_TIMEOUT);
        s.session.closeRelay();
        s.act("LaunchDarkly goes down", () -> s.session.upstreamFault(UpstreamFault.HTTP_503));
        s.announce("A cold relay starts");
        s.session.startRelay(s.pace.cacheTtl(), s.pace.initTimeout(), s.coldRetry(), true);
        s.await("the first request to LaunchDarkly fails", failure(RELAY, UPSTREAM));
        s.await("the retry fails too", failure(RELAY, UPSTREAM));
        s.sdkRefusedAtTheDoor("SDK1");
        s.await("initTimeout elapses", st -> st.isNote() && st.text().contains("initTimeout elapses"));
        s.await("the relay reads the store", message(RELAY, STORE, "Get all flags"));
        s.sdkServed("SDK1");
    }

    @Override
    public String explanation() {
        return "A relay that starts while LaunchDarkly is down has nothing in memory. It kept retrying "
                + "LaunchDarkly, and until initTimeout passed it refused SDKs with 503, because it could not yet "
                + "tell whether fresher data was on its way. Once initTimeout elapsed it stopped waiting, read "
                + "the flags an earlier relay had left in the store, and served SDK1 from them. The store is what "
                + "lets a relay start during an outage; initTimeout is how long SDKs wait before it is used.";
    }
}
