package io.relayconsole.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.simulator.SimulatedEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties one built-in-upstream environment to its file. Changes made in the environment (the console's editor) are
 * saved atomically on the workspace's thread; changes made to the file (an editor, {@code git pull}) are
 * applied to the environment, which streams them to SDKs. A file that cannot be read keeps the last good data
 * serving, and console edits are then held unsaved rather than written over the developer's broken file.
 */
final class EnvironmentFile {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentFile.class);

    private final String environment;
    private final Path file;
    private final SimulatedEnvironment env;
    private final Executor executor;
    private final Consumer<WorkspaceEvent> events;
    private final Runnable onChange = this::changed;
    // Keys the file gave as flagValues: written back that way while they still fit the shorthand.
    private final Set<String> shorthandKeys = ConcurrentHashMap.newKeySet();
    private volatile Thread applying;
    // Written on the workspace thread only; read by status().
    private volatile boolean dirty;
    private volatile boolean broken;
    private volatile byte[] lastWritten;
    private volatile Instant lastSaved;
    private volatile Instant lastReload;
    private volatile String lastError;

    EnvironmentFile(String environment, Path file, SimulatedEnvironment env, Executor executor,
                    Consumer<WorkspaceEvent> events) {
        this.environment = environment;
        this.file = file;
        this.env = env;
        this.executor = executor;
        this.events = events;
    }

    /** On the workspace thread: reads the file into the environment, or creates it from the environment's data. */
    void open() {
        if (Files.exists(file)) {
            reload();
        } else {
            save();
        }
        env.addChangeListener(onChange);
    }

    void close() {
        env.removeChangeListener(onChange);
    }

    String environment() {
        return environment;
    }

    Path file() {
        return file;
    }

    SimulatedEnvironment simulated() {
        return env;
    }

    FileStatus status() {
        return new FileStatus(environment, file, !dirty, lastSaved, lastReload, lastError);
    }

    private void changed() {
        if (Thread.currentThread() == applying) {
            return; // the change came from the file itself
        }
        dirty = true;
        executor.execute(this::saveIfDirty);
    }

    private void saveIfDirty() {
        if (dirty && !broken) {
            save();
        }
    }

    /** Writes the environment's data to the file now, even over a file that has errors (the operator asked). */
    void save() {
        dirty = false;
        try {
            byte[] bytes = FileDataFormat.serialize(file, fileData());
            AtomicFiles.write(file, bytes);
            lastWritten = bytes;
            broken = false;
            lastError = null;
            lastSaved = Instant.now();
            events.accept(new WorkspaceEvent(WorkspaceEvent.Kind.SAVED, environment, file, lastSaved,
                    "saved " + env.flags().size() + " flags, " + env.segments().size() + " segments"));
        } catch (IOException e) {
            dirty = true;
            lastError = file + ": cannot save: " + e.getMessage();
            LOG.warn("Workspace: {}", lastError);
            events.accept(new WorkspaceEvent(WorkspaceEvent.Kind.FAILED, environment, file, Instant.now(), lastError));
        }
    }

    /** Reads the file again and applies what changed; our own last write is recognised and skipped. */
    void reload() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            refuse(new FileDataException(file, file + ": cannot read: " + e.getMessage(), e));
            return;
        }
        if (lastWritten != null && java.util.Arrays.equals(bytes, lastWritten) && !broken) {
            return;
        }
        try {
            apply(FileDataFormat.parse(file, bytes));
        } catch (FileDataException e) {
            refuse(e);
        }
    }

    /** Replaces the environment's data with {@code data} and saves it (import and snapshot). */
    void replace(FileData data) {
        apply(data);
        save();
    }

    private void apply(FileData data) {
        Map<DataKind, Map<String, ObjectNode>> wanted = new EnumMap<>(DataKind.class);
        wanted.put(DataKind.FEATURES, data.allFlags());
        wanted.put(DataKind.SEGMENTS, new LinkedHashMap<>(data.segments()));
        int changed;
        applying = Thread.currentThread();
        try {
            changed = env.replaceAll(wanted);
        } catch (IllegalArgumentException e) {
            refuse(new FileDataException(file, file.getFileName() + ": " + e.getMessage(), e));
            return;
        } finally {
            applying = null;
        }
        shorthandKeys.clear();
        shorthandKeys.addAll(data.flagValues().keySet());
        broken = false;
        dirty = false; // the environment now holds what the file says
        lastError = null;
        lastReload = Instant.now();
        LOG.info("Workspace: reloaded {} for {}: {} item(s) changed", file, environment, changed);
        events.accept(new WorkspaceEvent(WorkspaceEvent.Kind.RELOADED, environment, file, lastReload,
                changed + " item(s) changed"));
    }

    private void refuse(FileDataException e) {
        broken = true;
        lastError = e.getMessage();
        LOG.warn("Workspace: {} (the last good data keeps serving)", e.getMessage());
        events.accept(new WorkspaceEvent(WorkspaceEvent.Kind.FAILED, environment, file, Instant.now(), e.getMessage()));
    }

    /** The environment's live items as file data, without the versions the simulator assigns. */
    FileData fileData() {
        Map<String, ObjectNode> flags = new LinkedHashMap<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Item item : env.flags()) {
            ObjectNode flag = forFile(item);
            Optional<JsonNode> shorthand = shorthandKeys.contains(item.key()) ? Shorthand.valueOf(flag) : Optional.empty();
            if (shorthand.isPresent()) {
                values.put(item.key(), shorthand.get());
            } else {
                flags.put(item.key(), flag);
            }
        }
        Map<String, ObjectNode> segments = new LinkedHashMap<>();
        for (Item item : env.segments()) {
            segments.put(item.key(), forFile(item));
        }
        return new FileData(flags, values, segments);
    }

    static ObjectNode forFile(Item item) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(item.json());
            node.remove("version");
            node.remove("deleted");
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("an item the simulator holds is not JSON", e);
        }
    }
}
