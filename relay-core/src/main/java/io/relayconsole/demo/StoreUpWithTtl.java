package io.relayconsole.demo;

import static io.relayconsole.demo.ScenarioMoves.FAST_RETRY;

/** Scenario 1: with the store up, SDKs are served from memory while the TTL is fresh, from the store after. */
final class StoreUpWithTtl implements ScenarioScript {
    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        s.startWarmRelay(FAST_RETRY);
        s.sdkServed("SDK1");
        s.ttlPasses();
        s.sdkServed("SDK2");
    }

    @Override
    public String explanation() {
        return "The relay wrote every flag it got from LaunchDarkly to the store and kept a copy in memory. While "
                + "that copy was younger than the cache TTL, SDK1 was served from memory without touching the "
                + "store; once the TTL had passed, SDK2's request made the relay read the store again and restart "
                + "the TTL. The TTL decides how often the store is read, and how long the relay can ride out a "
                + "store outage on its own.";
    }
}
