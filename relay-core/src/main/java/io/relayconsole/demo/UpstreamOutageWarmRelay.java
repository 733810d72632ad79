package io.relayconsole.demo;

import static io.relayconsole.demo.ScenarioMoves.FAST_RETRY;
import static io.relayconsole.demo.StepPatterns.failure;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.note;
import static io.relayconsole.demo.StepPatterns.response;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;
import static io.relayconsole.timeline.Participants.UPSTREAM;

import io.relayconsole.simulator.UpstreamFault;

/** Scenario 4: LaunchDarkly goes down under a running relay: SDKs keep being served; it catches up on recovery. */
final class UpstreamOutageWarmRelay implements ScenarioScript {
    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        s.startWarmRelay(FAST_RETRY);
        s.sdkServed("SDK1");
        s.act("LaunchDarkly goes down", () -> s.session.upstreamFault(UpstreamFault.HTTP_503));
        s.await("the relay loses its stream", note(UPSTREAM, "LaunchDarkly goes down"));
        s.await("a retry fails", failure(RELAY, UPSTREAM));
        s.sdkServed("SDK2");
        s.await("the relay keeps retrying", st -> failure(RELAY, UPSTREAM).test(st)
                || note(RELAY, "Backoff and retry").test(st));
        s.act("LaunchDarkly comes back up", () -> s.session.upstreamFault(UpstreamFault.NONE));
        s.await("LaunchDarkly answers again", response(UPSTREAM, RELAY));
        s.await("the relay stores the fresh flags", message(RELAY, STORE, "Store all flags"));
    }

    @Override
    public String explanation() {
        return "A relay that already has its flags does not need LaunchDarkly to serve them. When LaunchDarkly "
                + "went down the relay kept retrying in the background with backoff, and SDK2, arriving during "
                + "the outage, was served at once from the relay's fresh copy. When LaunchDarkly came back the "
                + "relay reconnected, got the full data set again and stored it, so nothing was lost.";
    }
}
