package io.relayconsole.workspace;

import io.relayconsole.simulator.SimulatedEnvironment;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in upstream's data on disk: a folder with one file-data file per environment ({@code <name>.json},
 * or {@code <name>.yaml}/{@code .yml} when that exists), or a single file that every environment serves. Opening
 * a workspace reads each file into its environment, or creates the file from what the environment holds. From
 * then on edits are saved and file changes are watched ({@link WatchService}) and applied live.
 *
 * <p>One thread ("workspace") does every read, write and apply, so saves and reloads never interleave.
 */
public final class Workspace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    // A burst of events (an editor's write-and-rename, git checking out several files) becomes one reload.
    private static final long RELOAD_DELAY_MS = 50;

    private final Path root;
    private final Map<String, EnvironmentFile> files = new LinkedHashMap<>();
    private final List<Consumer<WorkspaceEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Set<Path> pendingReloads = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    private final WatchService watcher;
    private final Thread watchThread;

    private Workspace(Path root, Map<String, SimulatedEnvironment> environments) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workspace");
            t.setDaemon(true);
            return t;
        });
        this.watcher = FileSystems.getDefault().newWatchService();
        Set<Path> folders = new java.util.LinkedHashSet<>();
        for (Map.Entry<String, SimulatedEnvironment> e : environments.entrySet()) {
            Path file = fileFor(this.root, e.getKey());
            files.put(e.getKey(), new EnvironmentFile(e.getKey(), file, e.getValue(), executor, this::fire));
            folders.add(file.getParent());
        }
        for (Path folder : folders) {
            Files.createDirectories(folder);
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.watchThread = new Thread(this::watch, "workspace-watch");
        watchThread.setDaemon(true);
    }

    /**
     * Opens (or creates) the workspace at {@code root} for these environments (name → the built-in upstream's
     * environment) and returns once every file has been read or written.
     */
    public static Workspace open(Path root, Map<String, SimulatedEnvironment> environments) throws IOException {
        Workspace workspace = new Workspace(root, environments);
        workspace.onThread(() -> workspace.files.values().forEach(EnvironmentFile::open));
        workspace.watchThread.start();
        LOG.info("Workspace {}: {} environment file(s)", workspace.root, workspace.files.size());
        return workspace;
    }

    /** A path naming a {@code .json}/{@code .yaml}/{@code .yml} file (existing or not) is a single-file workspace. */
    public static boolean isSingleFile(Path root) {
        String name = root.getFileName() == null ? "" : root.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(root) || name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The file of an environment: the root itself, or {@code <root>/<name>.yaml|.yml|.json}. */
    public static Path fileFor(Path root, String environment) {
        if (isSingleFile(root)) {
            return root;
        }
        String base = environment.replaceAll("[^A-Za-z0-9._-]", "_");
        for (String ext : new String[] {".yaml", ".yml"}) {
            if (Files.exists(root.resolve(base + ext))) {
                return root.resolve(base + ext);
            }
        }
        return root.resolve(base + ".json");
    }

    public Path root() {
        return root;
    }

    public List<FileStatus> status() {
        List<FileStatus> list = new ArrayList<>();
        files.values().forEach(f -> list.add(f.status()));
        return list;
    }

    public Optional<FileStatus> status(String environment) {
        return Optional.ofNullable(files.get(environment)).map(EnvironmentFile::status);
    }

    public List<String> environments() {
        return List.copyOf(files.keySet());
    }

    /** Called on the workspace thread for every save, reload and refusal. */
    public void addListener(Consumer<WorkspaceEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<WorkspaceEvent> listener) {
        listeners.remove(listener);
    }

    /** Saves an environment now, over a file that has errors too (the console's "Save" after a bad hand edit). */
    public void save(String environment) throws IOException {
        EnvironmentFile file = file(environment);
        onThread(file::save);
    }

    /** Replaces an environment's data (and its file) with {@code data}: import and snapshot use this. */
    public void replace(String environment, FileData data) throws IOException {
        EnvironmentFile file = file(environment);
        onThread(() -> file.replace(data));
    }

    /** What an environment holds now, as file data (export uses this). */
    public FileData data(String environment) throws IOException {
        EnvironmentFile file = file(environment);
        FileData[] result = new FileData[1];
        onThread(() -> result[0] = file.fileData());
        return result[0];
    }

    /** The built-in upstream's environment behind a workspace environment. */
    public SimulatedEnvironment simulated(String environment) {
        return file(environment).simulated();
    }

    EnvironmentFile file(String environment) {
        EnvironmentFile file = files.get(environment);
        if (file == null) {
            throw new IllegalArgumentException("the workspace has no environment \"" + environment + "\"");
        }
        return file;
    }

    @Override
    public void close() {
        files.values().forEach(EnvironmentFile::close);
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("Closing the workspace watcher", e);
        }
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS); // let a save in progress finish
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fire(WorkspaceEvent event) {
        for (Consumer<WorkspaceEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("Workspace listener failed", e);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path folder = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        scheduleReload(folder.resolve(name));
                    } else {
                        files.values().forEach(f -> scheduleReload(f.file())); // overflow: re-read all
                    }
                }
                key.reset();
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed
        }
    }

    private void scheduleReload(Path changed) {
        for (EnvironmentFile file : files.values()) {
            if (file.file().equals(changed) && pendingReloads.add(file.file())) {
                executor.schedule(() -> {
                    pendingReloads.remove(file.file());
                    files.values().stream().filter(f -> f.file().equals(changed)).forEach(EnvironmentFile::reload);
                }, RELOAD_DELAY_MS, TimeUnit.MILLISECONDS);
                return;
            }
        }
    }

    private void onThread(Runnable task) throws IOException {
        try {
            executor.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        }
    }
}
