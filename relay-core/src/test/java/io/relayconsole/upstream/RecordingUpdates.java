package io.relayconsole.upstream;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A real {@link DataSourceUpdates} that records every call and keeps the resulting data (applying the
 * version rule like a store), so tests can assert what a data source delivered.
 */
public final class RecordingUpdates implements DataSourceUpdates {

    public record Upsert(DataKind kind, Item item) {
    }

    public record StatusReport(DataSourceState state, ErrorInfo error) {
    }

    public record Retry(Instant at, int attempt) {
    }

    public final List<FullDataSet> inits = new CopyOnWriteArrayList<>();
    public final List<Upsert> upserts = new CopyOnWriteArrayList<>();
    public final List<StatusReport> statuses = new CopyOnWriteArrayList<>();
    public final List<Retry> retries = new CopyOnWriteArrayList<>();
    public final List<String> malformed = new CopyOnWriteArrayList<>();

    private volatile FullDataSet data = FullDataSet.empty();
    private volatile Consumer<FullDataSet> onInit = d -> { };

    /** Runs on the data source's thread inside {@link #init}, e.g. to call back into the source. */
    public void onInit(Consumer<FullDataSet> action) {
        this.onInit = action;
    }

    @Override
    public boolean init(FullDataSet newData) {
        inits.add(newData);
        data = newData;
        onInit.accept(newData);
        return true;
    }

    @Override
    public synchronized boolean upsert(DataKind kind, Item item) {
        upserts.add(new Upsert(kind, item));
        if (item.isNewerThan(data.get(kind).get(item.key()))) {
            data = data.with(kind, item);
        }
        return true;
    }

    @Override
    public void updateStatus(DataSourceState state, ErrorInfo error) {
        statuses.add(new StatusReport(state, error));
    }

    @Override
    public void retryScheduled(Instant at, int attempt) {
        retries.add(new Retry(at, attempt));
    }

    @Override
    public void malformedData(String reason) {
        malformed.add(reason);
    }

    public FullDataSet data() {
        return data;
    }

    /** A live item of the current data. */
    public Optional<Item> live(DataKind kind, String key) {
        Item item = data.get(kind).get(key);
        return item == null || item.deleted() ? Optional.empty() : Optional.of(item);
    }

    public DataSourceState lastState() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).state();
    }

    public StatusReport lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }
}
