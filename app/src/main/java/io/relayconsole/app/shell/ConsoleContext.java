package io.relayconsole.app.shell;

import io.relayconsole.app.preferences.ConsolePreferences;
import io.relayconsole.app.service.RelayService;
import io.relayconsole.app.task.TaskExecutor;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.relay.RelaySnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every screen shares: the engine service, the latest snapshot and event batches (FX thread only), the
 * selected environment, and the console's background threads (engine commands run off the FX thread). It owns
 * the task executor and the engine service, and closing it stops both, once.
 */
public final class ConsoleContext implements AutoCloseable {
    private final TaskExecutor tasks = new TaskExecutor();
    private final RelayService service = new RelayService(tasks);
    private final ConsolePreferences preferences;
    private final ObjectProperty<RelaySnapshot> snapshot = new SimpleObjectProperty<>();
    private final StringProperty startupError = new SimpleStringProperty();
    private volatile Runnable refresher = () -> { };
    private final StringProperty selectedEnvironment = new SimpleStringProperty();
    private final List<Consumer<List<RelayEvent>>> eventListeners = new CopyOnWriteArrayList<>();

    public ConsoleContext(ConsolePreferences preferences) {
        this.preferences = preferences;
    }

    /** A context whose preferences are the user's own. */
    public ConsoleContext() {
        this(ConsolePreferences.forUser());
    }

    public RelayService service() {
        return service;
    }

    /** The console's background threads; results come back on the FX thread. */
    public TaskExecutor tasks() {
        return tasks;
    }

    /** Settings that persist between runs (geometry, theme, connection profiles...). */
    public ConsolePreferences preferences() {
        return preferences;
    }

    /** Why the relay could not start, in words; null while it runs or starts. FX thread. */
    public StringProperty startupErrorProperty() {
        return startupError;
    }

    /** Asks the feed for a snapshot now rather than at the next tick (F5). */
    public void refreshNow() {
        refresher.run();
    }

    /** Called once the feed exists. */
    public void setRefresher(Runnable refresher) {
        this.refresher = refresher;
    }

    /** The latest relay snapshot; null until the engine runs. FX thread. */
    public ObjectProperty<RelaySnapshot> snapshotProperty() {
        return snapshot;
    }

    /** The environment the screens focus on. FX thread. */
    public StringProperty selectedEnvironmentProperty() {
        return selectedEnvironment;
    }

    /** Receives each tick's batch of relay events on the FX thread (never one call per event). */
    public void addEventListener(Consumer<List<RelayEvent>> listener) {
        eventListeners.add(listener);
    }

    /** Called by the feed on the FX thread. */
    public void apply(RelaySnapshot newSnapshot, List<RelayEvent> events) {
        snapshot.set(newSnapshot);
        if (selectedEnvironment.get() == null && !newSnapshot.environments().isEmpty()) {
            selectedEnvironment.set(newSnapshot.environments().get(0).name());
        }
        if (!events.isEmpty()) {
            for (Consumer<List<RelayEvent>> l : eventListeners) {
                l.accept(events);
            }
        }
    }

    /**
     * Runs an engine command (which may do network or store I/O) off the FX thread, after the commands given
     * before it, and delivers its result, or its failure, back on the FX thread.
     */
    public <T> CompletableFuture<T> run(Supplier<T> command, Consumer<T> onFxThread, Consumer<Throwable> onError) {
        return tasks.run(TaskExecutor.Lane.ENGINE, command, onFxThread, onError);
    }

    /** Stops the background threads (interrupting a running command), then the engine. */
    @Override
    public void close() {
        tasks.close();
        service.close();
    }
}
