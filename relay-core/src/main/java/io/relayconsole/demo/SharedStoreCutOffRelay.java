package io.relayconsole.demo;

import static io.relayconsole.demo.StepPatterns.message;
import static io.relayconsole.demo.StepPatterns.note;
import static io.relayconsole.demo.StepPatterns.response;
import static io.relayconsole.timeline.Participants.RELAY;
import static io.relayconsole.timeline.Participants.STORE;
import static io.relayconsole.timeline.Participants.UPSTREAM;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.StoreException;
import io.relayconsole.upstream.DataSourceState;
import java.time.Duration;

/**
 * Scenario 8, the persistent-storage document's warning shown happening: two relays cache forever and share one
 * Redis; the recorded relay loses LaunchDarkly while the other keeps writing updates, so it serves stale data. Redis
 * then restarts empty; the connected relay writes its newer data back first, and the cut-off relay's write-back,
 * version-aware, does not overwrite it and takes the newer items from the store instead of serving its older ones.
 */
final class SharedStoreCutOffRelay implements ScenarioScript {
    private static final Duration CACHE_FOREVER = Duration.ofSeconds(-1);
    /** Long, so the cut-off relay makes no retry within the scenario and its diagram stays readable. */
    private static final Duration SLOW_RETRY = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final int UPDATES = 3;

    @Override
    public boolean runsOn(ScenarioBackend backend) {
        return backend == ScenarioBackend.REDIS;
    }

    @Override
    public void play(ScenarioMoves s) throws InterruptedException {
        ScenarioSession session = s.session;
        ScenarioStore database = session.store();
        ScenarioStore otherPath = database.secondPath()
                .orElseThrow(() -> new ScenarioException("this database cannot be shared by two relays"));
        String flag = session.upstreamEnvironment().flags().get(0).key();

        s.announce("Another relay, caching forever, connects to LaunchDarkly and the shared database");
        RelayEnvironment other = session.startOtherRelay(otherPath, CACHE_FOREVER);
        session.steps().until("the other relay is initialized", () -> other.isStoreInitialized()
                && other.dataSourceStatus().state() == DataSourceState.VALID, SETTLE);
        session.ownUpstreamPath();
        s.announce("This relay starts, caching forever, and connects to LaunchDarkly");
        session.startRelay(CACHE_FOREVER, ScenarioMoves.WARM_INIT_TIMEOUT, SLOW_RETRY, true);
        s.await("LaunchDarkly answers", response(UPSTREAM, RELAY));
        s.await("the relay stores all flags", message(RELAY, STORE, "Store all flags"));
        s.sdkServed("SDK1");
        long served = version(s, "SDK1", flag);

        s.act("This relay loses LaunchDarkly; the other stays connected", () -> session.ownUpstreamPath().cut());
        s.await("the relay loses its stream", note(UPSTREAM, "LaunchDarkly goes down"));
        // The document draws the backoff before the other relay's write; waiting for it keeps the order certain.
        s.await("the relay backs off to retry", note(RELAY, "Backoff and retry"));
        s.act("LaunchDarkly gets " + UPDATES + " changes to " + flag, () -> {
            for (int i = 0; i < UPDATES; i++) {
                session.upstreamEnvironment().toggle(flag);
            }
        });
        long newest = session.upstreamEnvironment().flag(flag).orElseThrow().version();
        try (DataStore look = otherPath.connect()) {
            session.steps().until("the other relay stores version " + newest,
                    () -> storedVersion(look, flag) == newest, SETTLE);
            session.note(STORE, "The other relay stores flag version " + newest);

            s.sdkServed("SDK2");
            long stale = version(s, "SDK2", flag);
            if (stale != served) {
                throw new ScenarioException("the cut-off relay served version " + stale + ", expected its stale "
                        + served);
            }
            session.note("SDK2", "Stale: flag version " + stale + ", the store holds " + newest);

            s.act("Redis restarts empty; this relay cannot reach it until it is back", () -> {
                database.takeDown();
                database.restartEmpty();
            });
            s.await("the relay finds the database down", note(STORE, "Database goes down"));
            session.steps().until("the other relay writes its data back", () -> storedVersion(look, flag) == newest,
                    SETTLE);
            session.note(STORE, "Restarted empty, the other relay writes back flag version " + newest);

            s.act("This relay reaches the database again", database::bringUp);
            s.await("Database comes back up", note(STORE, "Database comes back up"));
            s.await("the relay writes back what it knows", message(RELAY, STORE, "Store all flags"));
            s.await("the relay looks again for newer items", message(RELAY, STORE, "Get all flags"));
            long kept = storedVersion(look, flag);
            if (kept != newest) {
                throw new ScenarioException("the write-back replaced version " + newest + " with " + kept);
            }
            session.note(STORE, "Still flag version " + kept + ": the older write-back was refused");
        }
        s.sdkServed("SDK3");
        long adopted = version(s, "SDK3", flag);
        if (adopted != newest) {
            throw new ScenarioException("the cut-off relay still serves version " + adopted + " though the store holds "
                    + newest);
        }
        String last = "Flag version " + adopted + ", as the store holds";
        session.note("SDK3", last);
        s.await("the SDK's note is drawn", note("SDK3", last));
    }

    private static long version(ScenarioMoves s, String sdk, String flag) {
        return s.session.sdk(sdk).flagVersion(flag)
                .orElseThrow(() -> new ScenarioException(sdk + " got no flag " + flag));
    }

    /** The flag's version in the database, -1 while it is missing or cannot be read. */
    private static long storedVersion(DataStore store, String flag) {
        try {
            Item item = store.isInitialized() ? store.get(DataKind.FEATURES, flag) : null;
            return item == null ? -1 : item.version();
        } catch (StoreException e) {
            return -1;
        }
    }

    @Override
    public String explanation() {
        return "Both relays cached forever, so neither read the shared Redis after starting. When this relay lost "
                + "LaunchDarkly it kept serving what it had, while the other relay stored newer versions: new SDKs "
                + "got stale flags, the risk the documentation warns about. When Redis restarted empty both relays "
                + "wrote their data back. The write-back only writes items newer than the store's, so this relay's "
                + "older versions did not overwrite the other relay's newer ones; and it took the store's newer "
                + "items into its cache, so it no longer served older data than the store holds. Caching forever "
                + "keeps flags served through a database outage, but a relay cut off from LaunchDarkly falls behind "
                + "until something makes it look at the store again.";
    }
}
