package io.relayconsole.demo;

import static io.relayconsole.demo.ScenarioMoves.FAST_RETRY;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.note;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;
import static io.relayconsole.timeline.Participants.UPSTREAM;

import io.relayconsole.simulator.SimulatedBigSegments;
import io.relayconsole.simulator.SimulatedBigSegments.Edit;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.timeline.TimelineStep;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Scenario 7: big segments go stale. The relay synchronizes an unbounded segment's memberships into the store and
 * stamps {@code synchronizedOn}; LaunchDarkly's big-segments endpoints then fail while its flags stay up, so the
 * stamp ages past {@code bigSegmentsStaleThreshold} and {@code /status} says {@code potentiallyStale} (and, with
 * {@code bigSegmentsStaleAsDegraded}, {@code /health} 503); when they come back the relay catches up and is fresh.
 */
final class BigSegmentsGoStale implements ScenarioScript {
    static final String SEGMENT = "big-customers";
    static final String FLAG = "big-customers-feature";
    /** ld-relay's default is 5 minutes; shortened as the scenarios shorten the TTL. */
    static final Duration STALE_THRESHOLD = Duration.ofSeconds(3);
    private static final Duration SETTLE = Duration.ofSeconds(20);

    @Override
    public boolean runsOn(ScenarioBackend backend) {
        // Only Redis and DynamoDB hold big segments, as in ld-relay.
        return backend == ScenarioBackend.REDIS || backend == ScenarioBackend.DYNAMODB;
    }

    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        ScenarioSession session = s.session;
        SimulatedEnvironment upstream = session.upstreamEnvironment();
        SimulatedBigSegments bigSegments = upstream.bigSegments();
        bigSegments.defineSegment(SEGMENT);
        upstream.putFlag("{\"key\":\"" + FLAG + "\",\"on\":true,\"variations\":[true,false],\"offVariation\":1,"
                + "\"fallthrough\":{\"variation\":1},\"salt\":\"s\",\"rules\":[{\"id\":\"r1\",\"variation\":0,"
                + "\"clauses\":[{\"attribute\":\"key\",\"op\":\"segmentMatch\",\"values\":[\"" + SEGMENT
                + "\"],\"negate\":false}]}]}");
        bigSegments.edit(SEGMENT, Edit.including(List.of("alice")));
        session.staleBigSegmentsAfter(STALE_THRESHOLD);

        s.startWarmRelay(FAST_RETRY);
        synchronizes(s);
        statusSays(s, false);

        session.note(UPSTREAM, "Big segments go down");
        s.act("LaunchDarkly's big segments endpoints become unreachable; its flags stay up",
                () -> bigSegments.setUnreachable(true));
        s.await("the synchronizer fails", note(RELAY, "Big segment synchronization failed"));
        s.act("bob joins " + SEGMENT + " while the relay cannot hear of it",
                () -> bigSegments.edit(SEGMENT, Edit.including(List.of("bob"))));
        s.announce("synchronizedOn ages past the " + ScenarioMoves.seconds(STALE_THRESHOLD) + " s threshold");
        BigSegmentsStatusCheck stale = awaitStatus(session, true);
        session.note(RELAY, ScenarioMoves.seconds(STALE_THRESHOLD) + " seconds pass");
        drawStatus(s, stale);

        session.note(UPSTREAM, "Big segments come back up");
        s.act("LaunchDarkly's big segments endpoints come back", () -> bigSegments.setUnreachable(false));
        synchronizes(s);
        statusSays(s, false);
    }

    /** The relay fetches the patches from LaunchDarkly and writes the memberships with a new synchronizedOn. */
    private static void synchronizes(ScenarioMoves s) throws InterruptedException {
        s.await("the relay fetches the big segments", bigSegmentsFrom(UPSTREAM));
        s.await("the relay writes the memberships", message(RELAY, STORE, "Write big segment membership"));
    }

    private static Predicate<TimelineStep> bigSegmentsFrom(String upstream) {
        return step -> step.arrow() == TimelineStep.Arrow.RESPONSE && step.from().equals(upstream)
                && step.text().startsWith("Big segments");
    }

    /** Reads /status and /health as an operator would until they say {@code stale}, and notes what they say. */
    private static void statusSays(ScenarioMoves s, boolean stale) throws InterruptedException {
        s.announce("An operator reads /status and /health");
        drawStatus(s, awaitStatus(s.session, stale));
    }

    /**
     * Polls until the big segments are {@code stale} (and the relay degraded) or fresh and healthy: the status
     * ticker reads synchronizedOn back from the store, so it can lag a write by a moment.
     */
    private static BigSegmentsStatusCheck awaitStatus(ScenarioSession session, boolean stale)
            throws InterruptedException {
        BigSegmentsStatusCheck[] last = new BigSegmentsStatusCheck[1];
        try {
            session.steps().until("/status says the big segments are " + (stale ? "potentially stale" : "fresh"),
                    () -> {
                        last[0] = BigSegmentsStatusCheck.of(session.relayPort(), ScenarioSession.ENVIRONMENT);
                        // Fresh means healthy, not merely "not degraded by big segments": the relay can be
                        // degraded for a moment for another reason (its stream just reconnecting).
                        boolean expectedHealth = stale
                                ? last[0].health() == 503 && "degraded".equals(last[0].status())
                                : last[0].health() == 200 && "healthy".equals(last[0].status());
                        return last[0].potentiallyStale() == stale && expectedHealth;
                    }, SETTLE);
        } catch (ScenarioException e) {
            throw new ScenarioException("expected big segments " + (stale ? "stale and the relay degraded" : "fresh")
                    + " within " + SETTLE.toSeconds() + " s, but " + (last[0] == null ? e.getMessage()
                    : last[0].words()));
        }
        return last[0];
    }

    private static void drawStatus(ScenarioMoves s, BigSegmentsStatusCheck check) throws InterruptedException {
        s.session.note(RELAY, check.words());
        s.await("the status check is drawn", note(RELAY, check.words()));
    }

    @Override
    public String explanation() {
        return "An unbounded segment's members live in the persistent store, where SDKs read them; the relay keeps "
                + "them up to date from LaunchDarkly and stamps synchronizedOn each time. When LaunchDarkly's big "
                + "segments endpoints failed the relay kept serving flags, but it could no longer vouch for the "
                + "memberships: bob's joining never reached the store. Once synchronizedOn was older than "
                + "bigSegmentsStaleThreshold, /status said potentiallyStale and, with bigSegmentsStaleAsDegraded, "
                + "/health answered 503 so monitoring would notice. When the endpoints came back the relay caught "
                + "up, wrote bob's membership with a new synchronizedOn, and the status was fresh again.";
    }
}
