package io.relayconsole.demo;

import static io.relayconsole.demo.ScenarioMoves.FAST_RETRY;
import static io.relayconsole.demo.StepPatterns.failure;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.note;
import static io.relayconsole.demo.StepPatterns.response;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.UPSTREAM;

import io.relayconsole.simulator.UpstreamFault;
import java.time.Duration;

/**
 * Scenario 5: LaunchDarkly stops answering while an SDK keeps sending events: the SDK always gets 202, the relay
 * queues what fits, drops the rest, and delivers once LaunchDarkly is back. LaunchDarkly "hangs" rather than
 * refusing: a refused post is lost after ld-relay's one retry, a hanging one is retried (same payload ID) once the
 * connection ends, and the queue fills behind it.
 */
final class EventsDuringUpstreamOutage implements ScenarioScript {
    /** The batch whose post stalls: it stays in memory, so it counts against the capacity. */
    private static final int IN_FLIGHT = 3;
    /**
     * Small, so the demo fills it with a handful of events (ld-relay's default is 1000): the stalled batch plus
     * {@link #QUEUED} waiting behind it.
     */
    static final int CAPACITY = 8;
    private static final int QUEUED = CAPACITY - IN_FLIGHT;
    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(300);

    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        s.session.forwardEvents(FLUSH_INTERVAL, CAPACITY);
        s.startWarmRelay(FAST_RETRY);
        s.sdkSendsEvents("SDK1", 2);
        s.await("the relay forwards them", message(RELAY, UPSTREAM, "Send 2 "));
        s.await("LaunchDarkly accepts them", response(UPSTREAM, RELAY));
        s.act("LaunchDarkly stops answering", () -> s.session.upstreamFault(UpstreamFault.HANG));
        s.await("the relay loses its stream", note(UPSTREAM, "LaunchDarkly goes down"));
        // The document draws the backoff before the SDK's next post; waiting for it keeps the order certain.
        s.await("the relay backs off to retry", note(RELAY, "Backoff and retry"));
        s.sdkSendsEvents("SDK1", IN_FLIGHT);
        s.session.steps().until("the relay is posting the " + IN_FLIGHT + " events", () -> s.session.environment()
                .eventForwarder().map(f -> f.stats().sending() == IN_FLIGHT).orElse(false), Duration.ofSeconds(10));
        s.sdkSendsEvents("SDK1", QUEUED + 3);
        // The document draws the relay's stream request failing during the outage: it must be waiting on
        // LaunchDarkly when the outage ends (it fails then), not still in its backoff.
        s.session.steps().until("the relay's stream request waits on LaunchDarkly",
                s.session::upstreamHoldsStreamRequest, Duration.ofSeconds(10));
        // LaunchDarkly's events service is a host of its own. It comes back after the stream has, so the drawing
        // does not depend on whether the stream's backoff or the forwarder's 1 s retry ends first.
        s.act("LaunchDarkly comes back up", () -> {
            s.session.upstreamEventsFault(UpstreamFault.HANG);
            s.session.upstreamFault(UpstreamFault.NONE);
        });
        s.await("the relay's stalled stream request fails", failure(RELAY, UPSTREAM));
        s.await("the relay reconnects", response(UPSTREAM, RELAY));
        s.act("LaunchDarkly's events service answers again", () -> s.session.upstreamEventsFault(null));
        s.await("the stalled post is retried and accepted", message(RELAY, UPSTREAM, "Send " + IN_FLIGHT + " "));
        s.await("LaunchDarkly accepts them", response(UPSTREAM, RELAY));
        s.await("the queued events follow", message(RELAY, UPSTREAM, "Send " + QUEUED + " "));
        s.await("LaunchDarkly accepts them", response(UPSTREAM, RELAY));
    }

    @Override
    public String explanation() {
        return "SDKs never wait for LaunchDarkly to send events: the relay answered every post with 202 at once, "
                + "even while LaunchDarkly was not answering. Events it could not deliver waited in the relay's "
                + "queue; once the queue was full (here " + CAPACITY + " events, normally 1000, counting the "
                + IN_FLIGHT + " of the stalled post: it is in memory too) the rest were dropped, not buffered "
                + "without limit, so an outage costs some analytics, never memory or flag serving. When "
                + "LaunchDarkly came back the stalled batch was retried with the same payload ID, so it is not "
                + "counted twice, and the " + QUEUED + " queued events followed.";
    }
}
