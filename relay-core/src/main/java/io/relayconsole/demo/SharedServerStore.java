package io.relayconsole.demo;

import io.relayconsole.backends.StoreBackends;
import io.relayconsole.backends.StoreSettings;
import io.relayconsole.store.DataStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real database server started for one run, reached through {@link FaultProxy}s: one path per relay, so one
 * relay can lose the database while another keeps it (the network, not the server, fails). Closing it stops the
 * proxies and the server.
 */
final class SharedServerStore implements ScenarioStore {
    /** The store settings that reach the server through a proxy listening on {@code proxyPort}. */
    interface SettingsAt {
        StoreSettings at(int proxyPort);
    }

    private final AutoCloseable server;
    private final int serverPort;
    private final SettingsAt settings;
    private final Runnable restartEmpty;
    private final FaultProxy proxy;
    private final ScenarioStore mainPath;
    private final List<FaultProxy> otherPaths = new ArrayList<>();

    /** @param restartEmpty restarts the server without its data; null when it cannot be */
    static SharedServerStore start(AutoCloseable server, int serverPort, SettingsAt settings, Runnable restartEmpty) {
        try {
            return new SharedServerStore(server, serverPort, settings, restartEmpty, newProxy(serverPort));
        } catch (RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
    }

    private SharedServerStore(AutoCloseable server, int serverPort, SettingsAt settings, Runnable restartEmpty,
                              FaultProxy proxy) {
        this.server = server;
        this.serverPort = serverPort;
        this.settings = settings;
        this.restartEmpty = restartEmpty;
        this.proxy = proxy;
        this.mainPath = pathThrough(proxy);
    }

    private ScenarioStore pathThrough(FaultProxy path) {
        return ScenarioStore.behindProxy(path, () -> StoreBackends.create(settings.at(path.port())));
    }

    private static FaultProxy newProxy(int serverPort) {
        try {
            return FaultProxy.start("127.0.0.1", serverPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fault proxy", e);
        }
    }

    @Override
    public DataStore connect() {
        return mainPath.connect();
    }

    @Override
    public void takeDown() {
        mainPath.takeDown();
    }

    @Override
    public void bringUp() {
        mainPath.bringUp();
    }

    @Override
    public synchronized Optional<ScenarioStore> secondPath() {
        FaultProxy other = newProxy(serverPort);
        otherPaths.add(other);
        return Optional.of(pathThrough(other));
    }

    @Override
    public void restartEmpty() {
        if (restartEmpty == null) {
            ScenarioStore.super.restartEmpty();
        }
        restartEmpty.run();
    }

    @Override
    public synchronized void close() {
        otherPaths.forEach(FaultProxy::close);
        proxy.close();
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // stopping a local server the run started: nothing left to do if it fails
        }
    }
}
