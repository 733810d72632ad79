package io.relayconsole.app.testing;

import io.relayconsole.relay.EnvironmentSnapshot;
import io.relayconsole.serving.Readiness;
import io.relayconsole.metrics.MeterSnapshot;
import io.relayconsole.relay.RelaySnapshot;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.store.CacheFreshness;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.ErrorInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds relay snapshots for view-model tests: a healthy environment, changed one aspect at a time. */
public final class Snapshots {
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private Snapshots() {
    }

    public static EnvironmentSnapshot healthy(String name) {
        return new EnvironmentSnapshot(name, "sdk-****", true, Readiness.READY,
                new DataSourceStatus(DataSourceState.VALID, NOW.minusSeconds(300), null, null, 1),
                StoreDescription.IN_MEMORY, null, null, true, 12, 3, NOW.minusSeconds(5), 10, 0, 1);
    }

    public static EnvironmentSnapshot withStoreDown(EnvironmentSnapshot e, long secondsAgo, CacheFreshness cache) {
        return new EnvironmentSnapshot(e.name(), e.maskedSdkKey(), e.running(), e.readiness(), e.dataSource(),
                new StoreDescription("redis", "redis://127.0.0.1:6379", "ld", null),
                new StoreStatus(false, NOW.minusSeconds(secondsAgo), "connection refused", NOW, -1, false), cache,
                false, e.flagCount(), e.segmentCount(), e.lastUpdate(), e.updatesReceived(), 0, e.connectedStreams());
    }

    public static EnvironmentSnapshot withReadiness(EnvironmentSnapshot e, Readiness readiness) {
        return new EnvironmentSnapshot(e.name(), e.maskedSdkKey(), e.running(), readiness, e.dataSource(), e.store(),
                e.storeStatus(), e.cache(), e.dataAvailable(), e.flagCount(), e.segmentCount(), e.lastUpdate(),
                e.updatesReceived(), 0, e.connectedStreams());
    }

    public static EnvironmentSnapshot withUpstream(EnvironmentSnapshot e, DataSourceState state, long secondsAgo,
                                                   ErrorInfo error) {
        return new EnvironmentSnapshot(e.name(), e.maskedSdkKey(), e.running(), e.readiness(),
                new DataSourceStatus(state, NOW.minusSeconds(secondsAgo), error, null, 3), e.store(), e.storeStatus(),
                e.cache(), e.dataAvailable(), e.flagCount(), e.segmentCount(), e.lastUpdate(), e.updatesReceived(), 0,
                e.connectedStreams());
    }

    public static EnvironmentSnapshot stopped(EnvironmentSnapshot e) {
        return new EnvironmentSnapshot(e.name(), e.maskedSdkKey(), false, Readiness.NOT_READY, e.dataSource(),
                e.store(), e.storeStatus(), e.cache(), e.dataAvailable(), e.flagCount(), e.segmentCount(),
                e.lastUpdate(), e.updatesReceived(), 0, 0);
    }

    public static CacheFreshness expiredCache() {
        return new CacheFreshness(Duration.ofSeconds(30), Duration.ofSeconds(45));
    }

    /** The meters agree with the environments and connections, as the engine's do. */
    public static RelaySnapshot of(List<EnvironmentSnapshot> envs, List<SdkConnectionInfo> connections) {
        java.util.Map<String, MeterSnapshot.EnvironmentMeters> meters = new java.util.LinkedHashMap<>();
        for (EnvironmentSnapshot e : envs) {
            long events = connections.stream().filter(c -> c.environment().equals(e.name()))
                    .mapToLong(SdkConnectionInfo::eventsSent).sum();
            meters.put(e.name(), new MeterSnapshot.EnvironmentMeters(e.connectedStreams(), e.connectedStreams(), events,
                    0, java.util.Map.of()));
        }
        return new RelaySnapshot(NOW, 8030, envs, connections, connections.size(), 0,
                new MeterSnapshot(meters, connections.size(), java.util.Map.of()));
    }

    public static RelaySnapshot of(EnvironmentSnapshot... envs) {
        return of(List.of(envs), List.of());
    }

    public static SdkConnectionInfo connection(long id, String env, String userAgent, SdkConnectionInfo.Mode mode,
                                               long events) {
        return new SdkConnectionInfo(id, env, "127.0.0.1:" + (50000 + id), userAgent, null, null, "/all", mode,
                NOW.minusSeconds(60), events, events * 100, NOW);
    }
}
