package io.relayconsole.evaluation;

import com.launchdarkly.sdk.server.interfaces.DataStoreStatusProvider;
import com.launchdarkly.sdk.server.subsystems.DataStore;
import com.launchdarkly.sdk.server.subsystems.DataStoreTypes.DataKind;
import com.launchdarkly.sdk.server.subsystems.DataStoreTypes.FullDataSet;
import com.launchdarkly.sdk.server.subsystems.DataStoreTypes.ItemDescriptor;
import com.launchdarkly.sdk.server.subsystems.DataStoreTypes.KeyedItems;

/**
 * The SDK's data store, read-only, backed by the relay's data: each evaluation binds the snapshot of the data
 * version it read (through the relay's store stack, with its TTL and outage rules) to its thread, so concurrent
 * requests on different versions never see each other's. The list of flags it gives {@code allFlagsState} holds only
 * those the requesting SDK kind may see (single reads, e.g. prerequisites, see every flag). Nothing writes to it: the
 * SDK has no data source.
 */
final class RelayDataStore implements DataStore {
    private final ThreadLocal<Binding> bound = new ThreadLocal<>();

    private record Binding(SdkDataSnapshot snapshot, SdkKind kind) {
    }

    void bind(SdkDataSnapshot snapshot, SdkKind kind) {
        bound.set(new Binding(snapshot, kind));
    }

    void unbind() {
        bound.remove();
    }

    @Override
    public ItemDescriptor get(DataKind kind, String key) {
        Binding b = bound.get();
        return b == null ? null : b.snapshot().get(kind, key);
    }

    @Override
    public KeyedItems<ItemDescriptor> getAll(DataKind kind) {
        Binding b = bound.get();
        return new KeyedItems<>(b == null ? java.util.List.of() : b.snapshot().all(kind, b.kind()).entrySet());
    }

    @Override
    public boolean isInitialized() {
        return true; // the relay decides readiness before it evaluates (503 otherwise)
    }

    @Override
    public void init(FullDataSet<ItemDescriptor> allData) {
        // the SDK has no data source here; the relay's data arrives through bind()
    }

    @Override
    public boolean upsert(DataKind kind, String key, ItemDescriptor item) {
        return false;
    }

    @Override
    public boolean isStatusMonitoringEnabled() {
        return false;
    }

    @Override
    public DataStoreStatusProvider.CacheStats getCacheStats() {
        return null;
    }

    @Override
    public void close() {
    }
}
