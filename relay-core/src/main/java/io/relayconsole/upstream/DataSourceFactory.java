package io.relayconsole.upstream;

/** Creates the data source of an environment; tests and the console substitute their own. */
@FunctionalInterface
public interface DataSourceFactory {

    DataSource create(UpstreamSettings settings, DataSourceUpdates updates);

    /** Streaming or polling, as the settings say. */
    static DataSourceFactory standard() {
        return (settings, updates) -> switch (settings.mode()) {
            case STREAMING -> new StreamingDataSource(settings, updates);
            case POLLING -> new PollingDataSource(settings, updates);
        };
    }
}
