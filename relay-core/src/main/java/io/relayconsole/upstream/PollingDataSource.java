package io.relayconsole.upstream;

import io.relayconsole.config.Secrets;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.MalformedDataException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls {@code GET {baseUri}/sdk/latest-all} every {@code pollInterval}, sending the last {@code ETag} so an
 * unchanged data set costs a {@code 304}. A failed poll is simply retried at the next interval.
 */
public final class PollingDataSource implements DataSource {
    private static final Logger LOG = LoggerFactory.getLogger(PollingDataSource.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final UpstreamSettings settings;
    private final GatedUpdates updates;
    private final int maxBodyBytes;
    private final String maskedKey;
    private final OkHttpClient httpClient;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<Boolean> initialized = new CompletableFuture<>();

    // Only touched by the scheduler thread.
    private String etag;
    private boolean valid;
    private int attempt;
    private ScheduledFuture<?> nextPoll;
    private volatile boolean started;
    private volatile boolean stopped;

    public PollingDataSource(UpstreamSettings settings, DataSourceUpdates updates) {
        this(settings, updates, StreamingDataSource.DEFAULT_MAX_EVENT_DATA_BYTES);
    }

    PollingDataSource(UpstreamSettings settings, DataSourceUpdates updates, int maxBodyBytes) {
        this.settings = settings;
        this.updates = new GatedUpdates(updates);
        this.maxBodyBytes = maxBodyBytes;
        this.maskedKey = Secrets.mask(settings.sdkKey());
        this.httpClient = UpstreamHttp.clientFor(settings.baseUri())
                .connectionPool(new ConnectionPool(1, 1, TimeUnit.MINUTES))
                .connectTimeout(StreamingDataSource.CONNECT_TIMEOUT)
                .readTimeout(TIMEOUT)
                .callTimeout(TIMEOUT.multipliedBy(3))
                .build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-poll-" + maskedKey);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized CompletableFuture<Boolean> start() {
        if (!started && !stopped) {
            started = true;
            submit(this::pollAndReschedule);
        }
        return initialized;
    }

    @Override
    public void restart() {
        if (started && !stopped) {
            submit(() -> {
                if (nextPoll != null) {
                    nextPoll.cancel(false);
                }
                pollAndReschedule();
            });
        }
    }

    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        updates.closeWith(null);
        scheduler.shutdownNow();
        httpClient.dispatcher().cancelAll();
        httpClient.connectionPool().evictAll();
        initialized.complete(false);
    }

    private void submit(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: nothing to do
        }
    }

    // ---- scheduler thread ----

    private void pollAndReschedule() {
        if (stopped) {
            return;
        }
        boolean keepGoing;
        try {
            keepGoing = pollOnce();
        } catch (RuntimeException e) {
            LOG.error("Poll ({}) failed unexpectedly", maskedKey, e);
            keepGoing = true;
        }
        if (keepGoing && !stopped) {
            try {
                nextPoll = scheduler.schedule(this::pollAndReschedule, settings.pollInterval().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    /** One request; false when the source has stopped for good. */
    private boolean pollOnce() {
        Request.Builder request = new Request.Builder()
                .url(pollUrl())
                .header("Authorization", settings.sdkKey())
                .header("User-Agent", settings.userAgent());
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        try (Response response = httpClient.newCall(request.build()).execute()) {
            int code = response.code();
            if (code == 304) {
                LOG.debug("Poll ({}): not modified", maskedKey);
                markValid();
                return true;
            }
            if (!response.isSuccessful()) {
                return handleHttpError(code);
            }
            byte[] body = readBounded(response.body());
            FullDataSet data = ItemParser.parseDataSet(body);
            // A store failure is the store supervisor's to report; forgetting the ETag makes the next poll
            // bring the full data again, so it reaches the store once the store is back.
            etag = updates.init(data) ? response.header("ETag") : null;
            valid = false; // report VALID for every stored data set
            markValid();
            initialized.complete(true);
            return true;
        } catch (MalformedDataException | BodyTooLargeException e) {
            etag = null;
            String reason = "polled data: " + e.getMessage();
            updates.malformed(reason);
            fail(ErrorInfo.of(ErrorInfo.Kind.INVALID_DATA, reason, Instant.now()));
            return true;
        } catch (IOException e) {
            if (stopped) {
                return false;
            }
            String message = UpstreamErrors.describe(e);
            LOG.warn("Poll ({}) failed: {}; will retry", maskedKey, message);
            fail(ErrorInfo.of(ErrorInfo.Kind.NETWORK_ERROR, message, Instant.now()));
            return true;
        }
    }

    private boolean handleHttpError(int code) {
        ErrorInfo error = ErrorInfo.httpStatus(code, Instant.now());
        if (!ErrorInfo.isRecoverableStatus(code)) {
            LOG.error("Upstream rejected the poll request ({}) with HTTP {}; giving up for good", maskedKey, code);
            stopped = true;
            updates.closeWith(error);
            initialized.complete(false);
            scheduler.shutdown();
            return false;
        }
        LOG.warn("Poll ({}) got HTTP {}; will retry", maskedKey, code);
        fail(error);
        return true;
    }

    private void markValid() {
        attempt = 0;
        if (!valid) {
            valid = true;
            updates.status(DataSourceState.VALID, null);
        }
    }

    private void fail(ErrorInfo error) {
        valid = false;
        updates.status(DataSourceState.INTERRUPTED, error);
        attempt++;
        updates.retryScheduled(Instant.now().plus(settings.pollInterval()), attempt);
    }

    private byte[] readBounded(ResponseBody body) throws IOException, BodyTooLargeException {
        if (body == null) {
            return new byte[0];
        }
        if (body.contentLength() > maxBodyBytes) {
            throw new BodyTooLargeException(maxBodyBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                body.contentLength() > 0 ? (int) body.contentLength() : 8192);
        try (InputStream in = body.byteStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + n > maxBodyBytes) {
                    throw new BodyTooLargeException(maxBodyBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private String pollUrl() {
        String base = settings.baseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/sdk/latest-all";
    }

    private static final class BodyTooLargeException extends Exception {
        BodyTooLargeException(int limit) {
            super("body exceeds the limit of " + limit + " bytes");
        }
    }
}
