package io.relayconsole.upstream;

import java.util.concurrent.CompletableFuture;

/** PLACEHOLDER: to be implemented. */
public final class StreamingDataSource implements DataSource {
    public StreamingDataSource(UpstreamSettings settings, DataSourceUpdates updates) {
    }

    @Override
    public CompletableFuture<Boolean> start() {
        return new CompletableFuture<>();
    }

    @Override
    public void restart() {
    }

    @Override
    public void close() {
    }
}
