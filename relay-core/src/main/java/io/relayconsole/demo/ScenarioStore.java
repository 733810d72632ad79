package io.relayconsole.demo;

import io.relayconsole.store.DataStore;

/**
 * The persistent store a scenario runs against and how to take it down: the in-process
 * {@link DemoDatabase} by default, or a real server behind a {@link FaultProxy}.
 */
public interface ScenarioStore extends AutoCloseable {

    /** A new connection to the store (the relay closes it). */
    DataStore connect();

    void takeDown();

    void bringUp();

    /**
     * Another network path to the same database, with its own outage switch: how a second relay reaches it. Empty
     * when the backend has no server to share (the demo database).
     */
    default java.util.Optional<ScenarioStore> secondPath() {
        return java.util.Optional.empty();
    }

    /**
     * Restarts the database without its data, as a cache server without persistence comes back.
     *
     * @throws UnsupportedOperationException when this backend cannot (only a real Redis is restarted)
     */
    default void restartEmpty() {
        throw new UnsupportedOperationException("this database cannot be restarted empty");
    }

    /** Stops whatever server was started for the run; the demo database needs nothing. */
    @Override
    default void close() {
    }

    /** A fresh {@link DemoDatabase} under {@code prefix}. */
    static ScenarioStore demo(String prefix) {
        DemoDatabase database = new DemoDatabase();
        return new ScenarioStore() {
            @Override
            public DataStore connect() {
                return database.connect(prefix);
            }

            @Override
            public void takeDown() {
                database.takeDown();
            }

            @Override
            public void bringUp() {
                database.bringUp();
            }
        };
    }

    /** A real server reached through {@code proxy}: {@code connections} must connect to the proxy's port. */
    static ScenarioStore behindProxy(FaultProxy proxy, java.util.function.Supplier<DataStore> connections) {
        return new ScenarioStore() {
            @Override
            public DataStore connect() {
                return connections.get();
            }

            @Override
            public void takeDown() {
                proxy.cut();
            }

            @Override
            public void bringUp() {
                proxy.pass();
            }
        };
    }
}
