package io.relayconsole.upstream;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.RetryDelayStrategy;
import com.launchdarkly.eventsource.StreamClosedByCallerException;
import com.launchdarkly.eventsource.StreamEvent;
import com.launchdarkly.eventsource.StreamException;
import com.launchdarkly.eventsource.StreamHttpErrorException;
import io.relayconsole.config.Secrets;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.MalformedDataException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams {@code GET {streamUri}/all} with LaunchDarkly's okhttp-eventsource and applies {@code put},
 * {@code patch} and {@code delete} events.
 *
 * <p>One reader thread owns the connection. The library parses SSE and computes backoff delays; this class
 * owns the reconnect loop because it must also reconnect after bad data (with backoff) and on an operator's
 * restart (without), and report each scheduled retry.
 */
public final class StreamingDataSource implements DataSource {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingDataSource.class);

    /** Largest event data accepted; a bigger event is malformed (protects memory from a runaway line). */
    public static final int DEFAULT_MAX_EVENT_DATA_BYTES = 64 * 1024 * 1024;
    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
    static final Duration BACKOFF_RESET_AFTER = Duration.ofSeconds(60);
    static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final UpstreamSettings settings;
    private final GatedUpdates updates;
    private final int maxEventDataBytes;
    private final String maskedKey;
    private final OkHttpClient httpClient;
    private final RetryDelayStrategy baseBackoff;
    private final CompletableFuture<Boolean> initialized = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object wakeUp = new Object();

    private volatile EventSource current;
    private volatile boolean restartRequested;
    private volatile boolean stopped;

    // Only touched by the reader thread.
    private RetryDelayStrategy backoff;
    private int attempt;

    public StreamingDataSource(UpstreamSettings settings, DataSourceUpdates updates) {
        this(settings, updates, DEFAULT_MAX_EVENT_DATA_BYTES);
    }

    /** {@code maxEventDataBytes} bounds the data of one event; tests make it small. */
    StreamingDataSource(UpstreamSettings settings, DataSourceUpdates updates, int maxEventDataBytes) {
        this.settings = settings;
        this.updates = new GatedUpdates(updates);
        this.maxEventDataBytes = maxEventDataBytes;
        this.maskedKey = Secrets.mask(settings.sdkKey());
        this.httpClient = UpstreamHttp.clientFor(settings.streamUri())
                .connectionPool(new ConnectionPool(1, 1, TimeUnit.SECONDS))
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(CONNECT_TIMEOUT)
                .retryOnConnectionFailure(false)
                .build();
        this.baseBackoff = RetryDelayStrategy.defaultStrategy()
                .maxDelay(MAX_RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS)
                .backoffMultiplier(2)
                .jitterMultiplier(0.5f);
        this.backoff = baseBackoff;
    }

    @Override
    public CompletableFuture<Boolean> start() {
        if (started.compareAndSet(false, true) && !stopped) {
            Thread reader = new Thread(this::run, "relay-stream-" + maskedKey);
            reader.setDaemon(true);
            reader.start();
        }
        return initialized;
    }

    @Override
    public void restart() {
        if (stopped) {
            return;
        }
        restartRequested = true;
        dropConnection();
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        updates.closeWith(null);
        dropConnection();
        // Abort a connect in progress too; the shared client is ours alone.
        httpClient.dispatcher().cancelAll();
        httpClient.dispatcher().executorService().shutdown();
        httpClient.connectionPool().evictAll();
        initialized.complete(false);
    }

    /** Closes the live connection (its reader then sees the stream end) and wakes a reader waiting to retry. */
    private void dropConnection() {
        EventSource es = current;
        if (es != null) {
            es.close();
        }
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    // ---- reader thread ----

    private void run() {
        try {
            while (!stopped) {
                Instant connectedAt = Instant.now();
                Outcome outcome = connectAndRead();
                if (stopped || outcome == Outcome.STOP) {
                    break;
                }
                if (restartRequested || outcome == Outcome.RESTART_NOW) {
                    restartRequested = false;
                    LOG.info("Reconnecting the stream ({}) now, as requested", maskedKey);
                    backoff = baseBackoff;
                    continue;
                }
                waitBeforeRetry(connectedAt);
            }
        } catch (RuntimeException e) {
            // A bug, not a network problem: say so loudly rather than dying silently.
            LOG.error("Stream reader ({}) failed unexpectedly", maskedKey, e);
            updates.closeWith(ErrorInfo.of(ErrorInfo.Kind.UNKNOWN, UpstreamErrors.describe(e), Instant.now()));
        } finally {
            initialized.complete(false);
        }
    }

    private enum Outcome { RETRY, RESTART_NOW, STOP }

    private Outcome connectAndRead() {
        BodyTrackingConnectStrategy connect = new BodyTrackingConnectStrategy(
                ConnectStrategy.http(URI.create(streamUrl()))
                        .httpClient(httpClient)
                        .header("Authorization", settings.sdkKey())
                        .header("User-Agent", settings.userAgent()));
        EventSource es = new EventSource.Builder(connect).streamEventData(true).build();
        current = es;
        try {
            if (stopped || restartRequested) {
                return Outcome.RESTART_NOW;
            }
            es.start();
            LOG.debug("Stream ({}) connected to {}", maskedKey, settings.streamUri());
            while (!stopped && !restartRequested) {
                StreamEvent event = es.readAnyEvent();
                if (event instanceof MessageEvent message) {
                    if (!handleMessage(message)) {
                        return Outcome.RETRY;
                    }
                }
            }
            return Outcome.RESTART_NOW;
        } catch (StreamException e) {
            return handleFailure(e);
        } finally {
            current = null;
            es.interrupt(); // closes a connection that completed after close() was called from another thread
            es.close();
            connect.closeLastBody();
        }
    }

    private Outcome handleFailure(StreamException e) {
        if (stopped || restartRequested || e instanceof StreamClosedByCallerException) {
            return Outcome.RESTART_NOW;
        }
        Instant now = Instant.now();
        if (e instanceof StreamHttpErrorException http) {
            int code = http.getCode();
            ErrorInfo error = ErrorInfo.httpStatus(code, now);
            if (!ErrorInfo.isRecoverableStatus(code)) {
                LOG.error("Upstream rejected the stream request ({}) with HTTP {}; giving up for good",
                        maskedKey, code);
                stopped = true;
                updates.closeWith(error);
                initialized.complete(false);
                return Outcome.STOP;
            }
            LOG.warn("Stream ({}) got HTTP {}; will retry", maskedKey, code);
            updates.status(DataSourceState.INTERRUPTED, error);
        } else {
            String message = UpstreamErrors.describe(e);
            LOG.warn("Stream ({}) connection failed: {}; will retry", maskedKey, message);
            updates.status(DataSourceState.INTERRUPTED, ErrorInfo.of(ErrorInfo.Kind.NETWORK_ERROR, message, now));
        }
        return Outcome.RETRY;
    }

    /** Applies one event; false means the stream must be restarted (bad data or a store failure). */
    private boolean handleMessage(MessageEvent message) {
        String name = message.getEventName();
        if (!"put".equals(name) && !"patch".equals(name) && !"delete".equals(name)) {
            LOG.debug("Ignoring stream event \"{}\"", name);
            return true;
        }
        byte[] data;
        try {
            data = EventDataReader.read(message.getDataReader(), maxEventDataBytes);
        } catch (EventDataReader.TooLargeException e) {
            return rejectMalformed(name + " event: " + e.getMessage());
        } catch (IOException e) {
            // The connection broke mid-event; the next read reports it as a network error.
            LOG.debug("Stream ({}) ended inside a {} event", maskedKey, name);
            return true;
        }
        try {
            return switch (name) {
                case "put" -> applyPut(StreamPayloads.parsePut(data));
                case "patch" -> applyItem(StreamPayloads.parsePatch(data));
                default -> applyItem(StreamPayloads.parseDelete(data));
            };
        } catch (MalformedDataException e) {
            return rejectMalformed(name + " event: " + e.getMessage());
        }
    }

    /*
     * A store failure is not the stream's business: the data arrived, the relay's store supervisor reports the
     * outage and writes the data back (or resyncs) when the store returns. Restarting the stream here would only
     * add an upstream reconnect storm to a database outage.
     */
    private boolean applyPut(FullDataSet data) {
        updates.init(data);
        attempt = 0;
        updates.status(DataSourceState.VALID, null);
        initialized.complete(true);
        return true;
    }

    private boolean applyItem(StreamPayloads.KindItem change) {
        updates.upsert(change.kind(), change.item());
        return true;
    }

    /** Reported once; the environment logs it. Nothing from the event is stored and the stream restarts. */
    private boolean rejectMalformed(String reason) {
        updates.malformed(reason);
        updates.status(DataSourceState.INTERRUPTED,
                ErrorInfo.of(ErrorInfo.Kind.INVALID_DATA, reason, Instant.now()));
        return false;
    }

    private void waitBeforeRetry(Instant connectedAt) {
        if (Duration.between(connectedAt, Instant.now()).compareTo(BACKOFF_RESET_AFTER) >= 0) {
            backoff = baseBackoff; // the last connection was healthy long enough: start the backoff over
        }
        RetryDelayStrategy.Result next = backoff.apply(settings.initialReconnectDelay().toMillis());
        if (next.getNext() != null) {
            backoff = next.getNext();
        }
        attempt++;
        Instant retryAt = Instant.now().plusMillis(next.getDelayMillis());
        updates.retryScheduled(retryAt, attempt);
        LOG.debug("Stream ({}) retry #{} in {} ms", maskedKey, attempt, next.getDelayMillis());
        synchronized (wakeUp) {
            long remaining;
            while (!stopped && !restartRequested
                    && (remaining = Duration.between(Instant.now(), retryAt).toMillis()) > 0) {
                try {
                    wakeUp.wait(remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                    return;
                }
            }
        }
    }

    private String streamUrl() {
        String base = settings.streamUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/all";
    }
}
