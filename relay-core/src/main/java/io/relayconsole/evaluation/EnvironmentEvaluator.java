package io.relayconsole.evaluation;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import io.relayconsole.bigsegments.BigSegmentMembership;
import com.launchdarkly.sdk.server.FeatureFlagsState;
import com.launchdarkly.sdk.server.FlagsStateOption;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.interfaces.BigSegmentsConfiguration;
import com.launchdarkly.sdk.server.subsystems.ComponentConfigurer;
import io.relayconsole.model.FullDataSet;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one environment's flags with LaunchDarkly's Java server SDK, so results are LaunchDarkly's own: the SDK
 * runs with no data source and no events (it never talks to LaunchDarkly) and reads the relay's data through
 * {@link RelayDataStore}. Thread-safe; evaluations run on the caller's thread.
 *
 * <p>Big segments: the SDK resolves membership through its {@link BigSegmentsConfiguration}, here the
 * environment's synchronized membership ({@link RelayBigSegmentStore}); without one, big segment rules evaluate as
 * LaunchDarkly does when no big segment store is configured (reason {@code NOT_CONFIGURED}).
 */
public final class EnvironmentEvaluator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentEvaluator.class);

    private final RelayDataStore store = new RelayDataStore();
    private final LDClient client;
    private volatile SdkDataSnapshot latest;
    // Counted so operators (and tests) can see that streams sharing a context share its evaluation.
    private final LongAdder evaluations = new LongAdder();

    /** Big segment rules read {@code bigSegments}, the environment's synchronized membership. */
    public EnvironmentEvaluator(String sdkKey, BigSegmentMembership bigSegments) {
        this(sdkKey, Components.bigSegments(context -> new RelayBigSegmentStore(bigSegments)));
    }

    /** @param bigSegments the big segments configuration, or null for none */
    public EnvironmentEvaluator(String sdkKey, ComponentConfigurer<BigSegmentsConfiguration> bigSegments) {
        LDConfig.Builder config = new LDConfig.Builder()
                .dataSource(Components.externalUpdatesOnly())
                .dataStore(context -> store)
                .events(Components.noEvents())
                .diagnosticOptOut(true);
        if (bigSegments != null) {
            config.bigSegments(bigSegments);
        }
        this.client = new LDClient(sdkKey, config.build());
    }

    /**
     * All flags {@code kind} may see, evaluated for {@code context} on {@code data} (which the caller read through
     * the environment's store stack, so its TTL and outage rules already applied).
     */
    public EvaluatedFlags evaluate(FullDataSet data, LDContext context, SdkKind kind, boolean withReasons) {
        SdkDataSnapshot snapshot = snapshotOf(data);
        FeatureFlagsState state;
        store.bind(snapshot, kind);
        try {
            state = withReasons ? client.allFlagsState(context, FlagsStateOption.WITH_REASONS)
                    : client.allFlagsState(context);
        } finally {
            store.unbind();
        }
        evaluations.increment();
        return EvaluatedFlags.of(state);
    }

    /** How many all-flags evaluations this environment has made (one per evalx request, one per stream group). */
    public long evaluations() {
        return evaluations.sum();
    }

    /**
     * Whether {@code hash} is the context's secure-mode hash (the SDK's {@code secureModeHash}: HMAC-SHA256 of the
     * context's canonical key with the SDK key, hex), compared in constant time.
     */
    public boolean secureModeHashMatches(LDContext context, String hash) {
        String expected = client.secureModeHash(context);
        return hash != null && expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }

    private SdkDataSnapshot snapshotOf(FullDataSet data) {
        SdkDataSnapshot s = latest;
        if (s != null && s.source() == data) {
            return s;
        }
        synchronized (this) {
            s = latest;
            if (s == null || s.source() != data) {
                s = SdkDataSnapshot.of(data, s);
                latest = s;
            }
            return s;
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("Closing the evaluation SDK client", e);
        }
    }
}
