package io.relayconsole.testing;

import io.relayconsole.upstream.DataSource;
import io.relayconsole.upstream.DataSourceFactory;
import io.relayconsole.upstream.DataSourceUpdates;
import io.relayconsole.upstream.UpstreamSettings;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A data source driven by the test: it connects to nothing, and the test pushes data and status into the
 * environment through {@link #updates(String)}.
 */
public final class ManualDataSource implements DataSource {
    private final CompletableFuture<Boolean> started = new CompletableFuture<>();
    private volatile int restarts;
    private volatile boolean closed;

    /** A factory that remembers each environment's update sink by SDK key. */
    public static final class Factory implements DataSourceFactory {
        private final Map<String, DataSourceUpdates> sinks = new ConcurrentHashMap<>();
        private final Map<String, ManualDataSource> sources = new ConcurrentHashMap<>();

        @Override
        public DataSource create(UpstreamSettings settings, DataSourceUpdates updates) {
            ManualDataSource source = new ManualDataSource();
            sinks.put(settings.sdkKey(), updates);
            sources.put(settings.sdkKey(), source);
            return source;
        }

        public DataSourceUpdates updates(String sdkKey) {
            return sinks.get(sdkKey);
        }

        public ManualDataSource source(String sdkKey) {
            return sources.get(sdkKey);
        }
    }

    @Override
    public CompletableFuture<Boolean> start() {
        return started;
    }

    @Override
    public void restart() {
        restarts++;
    }

    public int restarts() {
        return restarts;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
