package io.relayconsole.demo;

import static io.relayconsole.demo.ScenarioMoves.FAST_RETRY;
import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.note;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;

/** Scenario 2: the store goes down after the TTL expired: new SDKs get 503 until it is back and written again. */
final class StoreOutageWithTtl implements ScenarioScript {
    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        s.startWarmRelay(FAST_RETRY);
        s.sdkServed("SDK1");
        s.ttlPasses();
        s.act("The database goes down", () -> s.session.store().takeDown());
        s.sdkRefused("SDK2");
        s.sdkBacksOff("SDK2");
        s.sdkRefused("SDK2");
        s.act("The database comes back up", () -> s.session.store().bringUp());
        s.await("Database comes back up", note(STORE, "Database comes back up"));
        s.await("the relay writes its data back", message(RELAY, STORE, "Store all flags"));
        s.sdkBacksOff("SDK2");
        s.sdkServed("SDK2");
    }

    @Override
    public String explanation() {
        return "With a finite TTL the relay trusts its memory only for that long. The store went down after the "
                + "TTL had expired, so the relay had to read the store for SDK2, could not, and refused it with "
                + "503 rather than serve data it could no longer vouch for; SDK2 backed off and retried. When the "
                + "store came back the relay wrote its data back to it, the cache was fresh again, and SDK2 was "
                + "served. A longer TTL, or caching forever, would have kept serving SDK2 from memory.";
    }
}
