package io.relayconsole.offline;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.OfflineConfig;
import io.relayconsole.config.Secrets;
import io.relayconsole.upstream.DataSourceFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ld-relay's offline mode: the relay's environments are those of an archive, and their "upstream" is the archive
 * file. The file is checked every monitoring interval and re-read when its size or modification time changes (or
 * after a failed read, every tick, as ld-relay does); an environment whose {@code dataId} is unchanged is not
 * re-sent. A bad file is logged with ld-relay's message and the last good data keeps serving.
 *
 * <p>The archive must be readable at start: the environments (keys, IDs) come from it.
 */
public final class OfflineMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineMode.class);

    private final Path file;
    private final ArchiveReader reader;
    private final ScheduledExecutorService monitor;
    private final Map<String, OfflineDataSource> sources = new ConcurrentHashMap<>(); // by SDK key
    private volatile OfflineArchive archive;
    private volatile String lastError;
    private volatile Instant lastReload;
    // Touched by the monitor thread only.
    private FileStamp stamp;
    private boolean failing;

    private OfflineMode(Path file, ArchiveReader reader, OfflineArchive first, FileStamp stamp, Duration interval) {
        this.file = file;
        this.reader = reader;
        this.archive = first;
        this.stamp = stamp;
        this.lastReload = Instant.now();
        this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "offline-archive-monitor");
            t.setDaemon(true);
            return t;
        });
        monitor.scheduleWithFixedDelay(this::checkSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the archive (refusing it with a clear {@link ArchiveException}) and starts watching it. */
    public static OfflineMode open(OfflineConfig config, ArchiveLimits limits) throws ArchiveException {
        Path file = Path.of(config.fileDataSource());
        ArchiveReader reader = new ArchiveReader(limits);
        FileStamp stamp = FileStamp.of(file);
        OfflineArchive first = reader.read(file);
        LOG.info("Offline mode: serving {} environment(s) from {}", first.environments().size(), file);
        return new OfflineMode(file, reader, first, stamp, config.monitoringInterval());
    }

    public static OfflineMode open(OfflineConfig config) throws ArchiveException {
        return open(config, ArchiveLimits.LD_RELAY);
    }

    /** One environment per archive environment, named by its ID as ld-relay names them in offline mode. */
    public List<EnvironmentConfig> environments() {
        List<EnvironmentConfig> list = new ArrayList<>();
        for (ArchiveEnvironment env : archive.environments().values()) {
            list.add(new EnvironmentConfig(env.envId(), env.sdkKey(), env.mobileKey(), env.envId(), null, null,
                    List.of(), List.of(), false, null, Duration.ZERO, env.projKey()));
        }
        return list;
    }

    /** Each environment's data source reads its part of the archive; nothing connects upstream. */
    public DataSourceFactory dataSourceFactory() {
        return (settings, updates) -> new OfflineDataSource(this, settings.sdkKey(), updates);
    }

    public Path file() {
        return file;
    }

    public OfflineArchive archive() {
        return archive;
    }

    /** Why the latest read failed, or null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    public Instant lastReload() {
        return lastReload;
    }

    ArchiveEnvironment environmentForKey(String sdkKey) {
        for (ArchiveEnvironment env : archive.environments().values()) {
            if (env.sdkKey().equals(sdkKey)) {
                return env;
            }
        }
        return null;
    }

    void register(String sdkKey, OfflineDataSource source) {
        sources.put(sdkKey, source);
    }

    void unregister(String sdkKey, OfflineDataSource source) {
        sources.remove(sdkKey, source);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep watching.
            LOG.error("Offline mode: checking {} failed", file, e);
        }
    }

    /** Checks the file now (the monitor does this every interval). */
    void check() {
        FileStamp now;
        try {
            now = FileStamp.of(file);
        } catch (ArchiveException e) {
            fail(e);
            return;
        }
        if (!failing && now.equals(stamp)) {
            return;
        }
        try {
            OfflineArchive read = reader.read(file);
            stamp = now;
            failing = false;
            lastError = null;
            archive = read;
            lastReload = Instant.now();
            for (ArchiveEnvironment env : read.environments().values()) {
                OfflineDataSource source = sources.get(env.sdkKey());
                if (source == null) {
                    LOG.warn("Offline mode: environment {} ({}) is new in {}; restart the relay to serve it",
                            env.envId(), Secrets.mask(env.sdkKey()), file);
                } else {
                    source.offer(env);
                }
            }
        } catch (ArchiveException e) {
            fail(e);
        }
    }

    private void fail(ArchiveException e) {
        if (!failing || !Objects.equals(lastError, e.getMessage())) {
            LOG.warn("[FileDataSource] Data file reload failed; file is invalid or possibly incomplete (error: {})",
                    e.getMessage());
        }
        failing = true;
        lastError = e.getMessage();
        for (OfflineDataSource source : sources.values()) {
            source.reloadFailed(e.getMessage());
        }
    }

    @Override
    public void close() {
        monitor.shutdownNow();
    }

    /** What ld-relay compares to decide a re-read: size and modification time. */
    private record FileStamp(long size, long modified) {
        static FileStamp of(Path file) throws ArchiveException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis());
            } catch (IOException e) {
                throw new ArchiveException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
    }
}
