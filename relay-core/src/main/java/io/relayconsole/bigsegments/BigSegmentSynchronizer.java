package io.relayconsole.bigsegments;

import com.launchdarkly.eventsource.StreamException;
import io.relayconsole.config.Secrets;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one environment's big-segment store in step with upstream, as ld-relay does: poll the revisions after the
 * stored cursor until an empty batch, open the {@code /big-segments} stream, poll once more, then apply each streamed
 * batch. A patch is applied only on top of its {@code previousVersion}; an out-of-order one stops the batch and the
 * synchronizer starts over from the stored cursor (nothing of that patch is written). Each patch is written while it
 * is still being read ({@link PatchParts}), so a million-member initial sync fetches, parses and writes at once. Failures back off 1 s, 2 s …
 * 30 s (ld-relay: a flat 10 s). {@code synchronizedOn} is written after every batch and while idle.
 *
 * <p>One thread of its own runs the loop (blocking HTTP and store I/O); a second refreshes {@code synchronizedOn} and
 * reads the store's metadata for {@link #status()}. {@link #switchStore} hands the loop a new store, which it then
 * synchronizes from that store's own cursor.
 */
final class BigSegmentSynchronizer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BigSegmentSynchronizer.class);

    /** The stored cursor does not match the next patch: start over from the cursor. */
    private static final class OutOfOrder extends Exception {
        OutOfOrder(String message) {
            super(message, null, false, false);
        }
    }

    private final String environment;
    private final SyncSettings settings;
    private final Clock clock;
    private final SyncListener listener;
    private final BigSegmentUpstream upstream;
    private final ScheduledExecutorService ticker;
    private final Object wake = new Object();
    /** Held while {@code synchronizedOn} is written or read back, so neither thread undoes the other's newer time. */
    private final Object syncTime = new Object();
    private final AtomicLong patchesApplied = new AtomicLong();
    private final AtomicLong membershipsWritten = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final Thread thread;

    private volatile BigSegmentStore store;
    private volatile boolean closed;
    private volatile boolean resyncRequested;
    private volatile SyncState state = SyncState.POLLING;
    private volatile Set<String> knownSegments = Set.of();
    private volatile String cursor;
    private volatile Instant lastSynchronizedOn;
    private volatile Instant lastWritten = Instant.EPOCH;
    private volatile boolean available = true;
    private volatile String lastError;
    private volatile Instant lastErrorTime;

    BigSegmentSynchronizer(String environment, SyncSettings settings, BigSegmentStore store, Clock clock,
                           SyncListener listener) {
        this.environment = environment;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.upstream = new BigSegmentUpstream(settings.baseUri(), settings.streamUri(), settings.sdkKey(),
                settings.userAgent());
        String suffix = Secrets.mask(settings.sdkKey());
        this.thread = new Thread(this::run, "big-segments-" + suffix);
        this.thread.setDaemon(true);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "big-segments-status-" + suffix);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.start();
        long every = settings.statusCheckInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /** Segment references the data holds; a patch for another is applied all the same, with a warning. */
    void knownSegments(Set<String> refs) {
        knownSegments = Set.copyOf(refs);
    }

    /** From now on synchronizes into {@code newStore} (from its own cursor); closes the old one. */
    void switchStore(BigSegmentStore newStore) {
        BigSegmentStore old;
        synchronized (syncTime) {
            old = store;
            store = newStore;
            cursor = null;
            lastSynchronizedOn = null;
        }
        requestResync();
        old.close();
    }

    BigSegmentStore store() {
        return store;
    }

    BigSegmentStatus status() {
        Instant synced = lastSynchronizedOn;
        return new BigSegmentStatus(available, isStale(synced), synced);
    }

    BigSegmentSyncStats stats(int segments) {
        Instant synced = lastSynchronizedOn;
        return new BigSegmentSyncStats(state, cursor, synced, isStale(synced), segments, patchesApplied.get(),
                membershipsWritten.get(), outOfOrder.get(), malformed.get(), lastError, lastErrorTime,
                "synchronizing into " + store.label());
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        requestResync();
        upstream.close();
        store.close();
    }

    private boolean isStale(Instant synced) {
        return synced == null
                || Duration.between(synced, clock.instant()).compareTo(settings.staleThreshold()) >= 0;
    }

    private void requestResync() {
        resyncRequested = true;
        upstream.closeStream();
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            resyncRequested = false;
            try {
                syncUntilInterrupted();
                failures = 0;
            } catch (OutOfOrder e) {
                outOfOrder.incrementAndGet();
                failed("out-of-order patch, resynchronizing from cursor " + cursor + ": " + e.getMessage(), false);
                failures++;
            } catch (PatchParser.MalformedPatchException e) {
                malformed.incrementAndGet();
                failed("skipped malformed patches from upstream: " + e.getMessage(), false);
                failures++;
            } catch (IOException | StreamException | RuntimeException e) {
                if (!closed && !resyncRequested) {
                    failed(describe(e), true);
                    failures++;
                }
            } finally {
                upstream.closeStream();
            }
            if (!closed && !resyncRequested && failures > 0) {
                backOff(failures);
            }
        }
    }

    /** Polls, streams, and returns only when asked to resync (or closed); throws on any failure. */
    private void syncUntilInterrupted() throws IOException, StreamException, OutOfOrder {
        setState(SyncState.POLLING);
        catchUp();
        upstream.openStream();
        catchUp();
        markSynchronized();
        setState(SyncState.STREAMING);
        while (!closed && !resyncRequested) {
            PatchParser batch;
            try {
                batch = upstream.nextStreamedBatch();
            } catch (StreamException e) {
                if (closed || resyncRequested) {
                    return;
                }
                throw e;
            }
            try (batch) {
                long received = System.nanoTime();
                applyBatch(batch, "stream", received, received);
            }
            markSynchronized();
        }
    }

    private void catchUp() throws IOException, OutOfOrder {
        while (!closed && !resyncRequested) {
            cursor = store.cursor();
            long fetchStart = System.nanoTime();
            try (PatchParser batch = upstream.revisionsAfter(cursor)) {
                if (applyBatch(batch, "poll", fetchStart, System.nanoTime()) == 0) {
                    return;
                }
            }
        }
    }

    /**
     * Applies the batch's patches one by one as they are read, each written while its changes are still arriving
     * (see {@link PatchParts}); answers how many were applied. {@code start}: when the request for the batch went
     * out; {@code answered}: when upstream's answer began (nanoTime).
     */
    private int applyBatch(PatchParser batch, String source, long start, long answered)
            throws OutOfOrder, IOException {
        BigSegmentStore target = store;
        int applied = 0;
        long changes = 0;
        boolean stoppedOutOfOrder = false;
        try {
            for (BigSegmentPatch patch = batch.nextPatch(); patch != null; patch = batch.nextPatch()) {
                if (!knownSegments.contains(patch.segmentId())) {
                    LOG.warn("[{}] Big-segment patch for \"{}\", which the environment's data does not hold (yet); "
                            + "applied so the membership is there when the segment arrives", environment,
                            patch.segmentId());
                }
                long before = batch.changesRead();
                boolean written;
                try {
                    written = target.apply(patch, batch.parts());
                } catch (RuntimeException e) {
                    batch.rethrowReadFailure(); // a malformed or broken body, not the store
                    throw e;
                }
                if (!written) {
                    stoppedOutOfOrder = true;
                    throw new OutOfOrder("patch " + patch.version() + " of " + patch.segmentId()
                            + " follows version \"" + patch.previousVersion() + "\"");
                }
                long patchChanges = batch.changesRead() - before;
                applied++;
                changes += patchChanges;
                cursor = patch.version();
                patchesApplied.incrementAndGet();
                membershipsWritten.addAndGet(patchChanges);
            }
            if (applied > 0) {
                // Reading overlaps writing; the split says which side an initial sync waits on (see bench/README.md).
                long now = System.nanoTime();
                long storeNanos = now - answered - batch.readNanos();
                LOG.info("[{}] Big segments: applied {} patch(es), {} change(s) from {} in {} ms (upstream answered "
                        + "in {} ms; then reading and parsing {} ms, waiting on the store {} ms); cursor {}",
                        environment, applied, changes, source, (now - start) / 1_000_000,
                        (answered - start) / 1_000_000, batch.readNanos() / 1_000_000, storeNanos / 1_000_000,
                        cursor);
            }
            return applied;
        } finally {
            if (applied > 0 || stoppedOutOfOrder) {
                listener.batchApplied(new SyncBatch(clock.instant(), source, applied, changes, cursor,
                        stoppedOutOfOrder));
            }
        }
    }

    private void markSynchronized() {
        synchronized (syncTime) {
            Instant now = clock.instant();
            store.setSynchronizedOn(now);
            lastWritten = now;
            lastSynchronizedOn = now;
            available = true;
        }
    }

    /**
     * Refreshes {@code synchronizedOn} while streaming and idle, and reads the store's metadata for the status. The
     * read and the loop's writes take turns: a time read just before the loop wrote a newer one must not replace it.
     */
    private void tick() {
        try {
            if (state == SyncState.STREAMING
                    && Duration.between(lastWritten, clock.instant()).compareTo(settings.idleRefreshInterval()) >= 0) {
                markSynchronized();
            }
            synchronized (syncTime) {
                lastSynchronizedOn = store.synchronizedOn();
                available = true;
            }
        } catch (RuntimeException e) {
            available = false;
            LOG.debug("[{}] Big-segment store metadata could not be read: {}", environment, e.getMessage());
        }
    }

    private void failed(String message, boolean storeOrNetwork) {
        lastError = message;
        lastErrorTime = clock.instant();
        if (storeOrNetwork) {
            LOG.warn("[{}] Big-segment synchronization failed, will retry: {}", environment, message);
        } else {
            LOG.warn("[{}] Big segments: {}", environment, message);
        }
        setState(SyncState.ERROR);
    }

    private void setState(SyncState newState) {
        state = newState;
        listener.stateChanged(stats(knownSegments.size()));
    }

    private void backOff(int failures) {
        long base = settings.initialRetryDelay().toMillis() << Math.min(failures - 1, 16);
        long capped = Math.min(base, SyncSettings.MAX_RETRY_DELAY.toMillis());
        long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        long until = System.currentTimeMillis() + delay;
        synchronized (wake) {
            long left;
            while (!closed && !resyncRequested && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    wake.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
