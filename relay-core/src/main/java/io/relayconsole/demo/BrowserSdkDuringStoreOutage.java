package io.relayconsole.demo;

import static io.relayconsole.demo.ScenarioMoves.FAST_RETRY;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.note;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;

/**
 * Scenario 6: scenario 2 for a browser SDK. A browser does not stream all flags; it asks the relay to evaluate them
 * for its context ({@code /sdk/evalx}), and the relay evaluates from the same TTL cache and store: served while the
 * cache is fresh, refused with 503 once the TTL has passed and the store is down, served again after recovery.
 */
final class BrowserSdkDuringStoreOutage implements ScenarioScript {
    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        s.startWarmRelay(FAST_RETRY);
        s.browserEvaluates("SDK1", 200);
        s.ttlPasses();
        s.act("The database goes down", () -> s.session.store().takeDown());
        s.browserEvaluates("SDK1", 503);
        s.sdkBacksOff("SDK1");
        s.act("The database comes back up", () -> s.session.store().bringUp());
        s.await("Database comes back up", note(STORE, "Database comes back up"));
        s.await("the relay writes its data back", message(RELAY, STORE, "Store all flags"));
        s.browserEvaluates("SDK1", 200);
    }

    @Override
    public String explanation() {
        return "A browser SDK never holds the flag rules: it asks the relay to evaluate its flags for its user, "
                + "and the relay evaluates them from the same cache and store as for server-side SDKs. While the "
                + "cache was fresh the browser got its values from memory. Once the TTL had passed with the store "
                + "down, the relay could not read the rules and answered 503 rather than evaluate with data it "
                + "could no longer vouch for; the browser kept its last values and retried. When the store came "
                + "back the relay wrote its data back and answered the browser again.";
    }
}
