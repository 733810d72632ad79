package io.relayconsole.app.service;

import io.relayconsole.config.RelayConfig;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Owns the engine the console hosts. Starting and stopping do network I/O, so they run on the service's own
 * thread; callers get futures and must hop back to the FX thread themselves.
 */
public final class RelayService implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-relay-service");
        t.setDaemon(true);
        return t;
    });
    private volatile RelayRuntime runtime;

    public CompletableFuture<RelayRuntime> start(RelayConfig config) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                runtime = RelayRuntime.start(config, RelayOptions.builder().storesFrom(config).build());
                return runtime;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the relay", e);
            }
        }, worker);
    }

    public RelayRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        RelayRuntime r = runtime;
        runtime = null;
        if (r != null) {
            r.close();
        }
        worker.shutdownNow();
    }
}
