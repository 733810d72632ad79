package io.relayconsole.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.EventsConfig;
import io.relayconsole.config.Secrets;
import io.relayconsole.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards one environment's SDK events to the flag service, as ld-relay does (reference §1.6): analytics events
 * are re-batched per kind, schema and sender headers, flushed every {@code flushInterval} (or when the queue is
 * full) gzip-compressed to {@code eventsUri} with the environment's own credential and a fresh payload ID, which
 * the one retry keeps, so the flag service never counts a retried batch twice; diagnostic payloads go one by
 * one. {@code capacity} bounds the events queued and in flight (being posted or waiting for the retry) together:
 * beyond it events are dropped and counted, so a stalled post never holds a batch on top of a full queue. The queue
 * is flushed early once it holds half the capacity, leaving the other half for events arriving during a post.
 *
 * <p>{@link #accept} is cheap and never waits on the network: it checks and parses the payload and queues it,
 * so it may run on an I/O thread. A single daemon thread per environment posts.
 */
public final class EventForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventForwarder.class);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1); // ld-relay's

    private final String envName;
    private final EventsConfig config;
    private final EnvironmentConfig env;
    private final EventSender sender;
    private final Duration retryDelay;
    private final Clock clock;
    private final ScheduledExecutorService flusher;
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final RecentPayloads recent = new RecentPayloads();
    private final DeliveryListener deliveries;

    private final Object lock = new Object();
    // Guarded by lock: what waits for the next flush, and the counters that must agree with it.
    private final Map<BatchKey, QueuedEvents> batches = new LinkedHashMap<>();
    private final Deque<Diagnostic> diagnostics = new ArrayDeque<>();
    private final SeenPayloadIds seenPayloadIds = new SeenPayloadIds();
    private int queued;
    private int sending;
    private long received;
    private long forwarded;
    private long failed;
    private long dropped;
    private long refused;
    private long duplicates;
    private String lastError;
    private Instant lastErrorTime;
    private Instant lastDelivery;
    private boolean dropping;
    private volatile boolean closed;

    /** Events of one batch share these; ld-relay batches per schema and tags, the rest keeps SDK headers true. */
    private record BatchKey(EventKind kind, int schema, Map<String, String> headers) {
    }

    private record Diagnostic(EventKind kind, JsonNode json, Map<String, String> headers) {
    }

    /**
     * One batch's events as the comma-separated JSON of a JSON array's inside, in chunks, so a queued event costs its
     * size on the wire (no parsed tree, no array header per event): what a full queue holds is what {@code capacity}
     * promises. Chunks grow with the batch, so a small batch wastes little and a large one at most a chunk.
     */
    private static final class QueuedEvents {
        private static final int MIN_CHUNK = 512;
        private static final int MAX_CHUNK = 16 * 1024;
        private static final byte[] COMMA = {','};

        private final List<byte[]> chunks = new ArrayList<>();
        private int lastChunkUsed;
        private int bytes;
        private int count;

        void add(JsonNode event) {
            if (count > 0) {
                write(COMMA);
            }
            write(bytesOf(event));
            count++;
        }

        private void write(byte[] json) {
            int offset = 0;
            while (offset < json.length) {
                byte[] last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
                if (last == null || lastChunkUsed == last.length) {
                    last = new byte[Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, bytes))];
                    chunks.add(last);
                    lastChunkUsed = 0;
                }
                int n = Math.min(json.length - offset, last.length - lastChunkUsed);
                System.arraycopy(json, offset, last, lastChunkUsed, n);
                lastChunkUsed += n;
                offset += n;
                bytes += n;
            }
        }

        int size() {
            return count;
        }

        /**
         * The batch as a gzip-compressed JSON array, releasing the events: a batch in flight (and waiting for its
         * retry) then costs its compressed size, not its events twice over.
         */
        byte[] drainGzipped() {
            byte[] gzipped = EventSender.gzip(out -> {
                out.write('[');
                for (int i = 0; i < chunks.size(); i++) {
                    byte[] chunk = chunks.get(i);
                    out.write(chunk, 0, i == chunks.size() - 1 ? lastChunkUsed : chunk.length);
                }
                out.write(']');
            });
            chunks.clear();
            return gzipped;
        }
    }

    private static byte[] bytesOf(JsonNode json) {
        try {
            return Json.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            // A tree Jackson just parsed always writes back; this would be a bug.
            throw new IllegalStateException("cannot serialize events: " + e.getOriginalMessage(), e);
        }
    }

    /** Forwards {@code env}'s events as {@code config} says, with ld-relay's timings. */
    public EventForwarder(EventsConfig config, EnvironmentConfig env) {
        this(config, env, DeliveryListener.NONE);
    }

    /** As {@link #EventForwarder(EventsConfig, EnvironmentConfig)}, telling {@code deliveries} how each post ended. */
    public EventForwarder(EventsConfig config, EnvironmentConfig env, DeliveryListener deliveries) {
        this(config, env, Clock.systemUTC(), DEFAULT_REQUEST_TIMEOUT, DEFAULT_RETRY_DELAY, deliveries);
    }

    /** {@code requestTimeout} ends a post to a flag service that hangs; {@code retryDelay} precedes the retry. */
    public EventForwarder(EventsConfig config, EnvironmentConfig env, Clock clock, Duration requestTimeout,
                          Duration retryDelay) {
        this(config, env, clock, requestTimeout, retryDelay, DeliveryListener.NONE);
    }

    public EventForwarder(EventsConfig config, EnvironmentConfig env, Clock clock, Duration requestTimeout,
                          Duration retryDelay, DeliveryListener deliveries) {
        this.deliveries = deliveries;
        this.envName = env.name();
        this.config = config;
        this.env = env;
        this.clock = clock;
        this.retryDelay = retryDelay;
        this.sender = new EventSender(config.eventsUri(), requestTimeout);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "events-" + envName);
            t.setDaemon(true);
            return t;
        });
        long ms = config.flushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushNow, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes one payload an SDK posted to a {@code kind} endpoint (the caller has matched the credential to this
     * environment). {@code headers} are the request's; {@code body} is as received, gzip-compressed if its
     * {@code Content-Encoding} says so. Returns at once: 202, or the refusal for bad input.
     */
    public Acceptance accept(EventKind kind, byte[] body, Map<String, String> headers) {
        EventHeaders h = new EventHeaders(headers);
        Instant now = clock.instant();
        int bytes = body == null ? 0 : body.length;
        if (closed) {
            return Acceptance.refused(503, "event forwarding for this environment has stopped");
        }
        InboundPayload payload;
        try {
            payload = InboundPayload.decode(kind, body, h, config.maxInboundPayloadSize(), true);
        } catch (InboundPayload.Refused e) {
            synchronized (lock) {
                refused++;
            }
            recent.add(now, kind, h, bytes, PayloadSummary.none(), RecentPayload.Outcome.REFUSED, e.getMessage());
            LOG.debug("[{}] Refused {} events from {}: {}", envName, kind.label(), h.sdk(), e.getMessage());
            return Acceptance.refused(e.status, e.getMessage());
        }
        int count = payload.summary.events();
        int taken;
        boolean full;
        boolean startedDropping = false;
        String payloadId = h.get(EventHeaders.PAYLOAD_ID);
        synchronized (lock) {
            if (!seenPayloadIds.firstTime(payloadId)) {
                duplicates++;
                taken = -1;
                full = false;
            } else {
                received += count;
                // Events in flight count too: a post that hangs or waits for its retry holds them in memory.
                taken = Math.min(count, config.capacity() - queued - sending);
                taken = Math.max(0, taken);
                enqueue(kind, payload, h, taken);
                queued += taken;
                dropped += count - taken;
                if (taken < count && !dropping) {
                    startedDropping = dropping = true;
                }
                // Half full: post now, so the other half takes what arrives meanwhile; full: post right after the
                // post in flight rather than at the next interval.
                full = queued > 0 && (queued * 2 >= config.capacity() || queued + sending >= config.capacity());
            }
        }
        if (taken < 0) {
            recent.add(now, kind, h, bytes, payload.summary, RecentPayload.Outcome.DUPLICATE,
                    "payload ID seen before: not counted again");
            return Acceptance.ACCEPTED;
        }
        if (startedDropping) {
            LOG.warn("[{}] Event queue full ({} events): dropping events until the flag service takes them",
                    envName, config.capacity());
            try {
                deliveries.queueFull(config.capacity(), now);
            } catch (RuntimeException e) {
                LOG.warn("[{}] A delivery listener failed", envName, e);
            }
        }
        RecentPayload.Outcome outcome = taken == count ? RecentPayload.Outcome.QUEUED
                : taken == 0 ? RecentPayload.Outcome.DROPPED : RecentPayload.Outcome.PARTLY_DROPPED;
        recent.add(now, kind, h, bytes, payload.summary, outcome,
                taken == count ? null : (count - taken) + " of " + count + " dropped: queue full");
        if (full) {
            flush();
        }
        return Acceptance.ACCEPTED;
    }

    /**
     * Takes the events of an image beacon ({@code GET /a/{envId}.gif?d=...}): base64 JSON, forwarded as schema 3
     * like ld-relay. The SDK always gets the image, so the refusal is only counted and shown.
     */
    public Acceptance acceptBeacon(String base64Events, Map<String, String> headers) {
        byte[] json;
        try {
            json = java.util.Base64.getDecoder().decode(base64Events == null ? "" : base64Events.trim());
        } catch (IllegalArgumentException e) {
            json = new byte[0];
        }
        Map<String, String> beaconHeaders = new EventHeaders(headers).forwarded();
        beaconHeaders.put(EventHeaders.CONTENT_TYPE, "application/json");
        beaconHeaders.put(EventHeaders.SCHEMA, "3");
        return accept(EventKind.CLIENT_SIDE, json, beaconHeaders);
    }

    /** Under lock: the first {@code count} events of the payload. */
    private void enqueue(EventKind kind, InboundPayload payload, EventHeaders h, int count) {
        if (count == 0) {
            return;
        }
        Map<String, String> forwarded = h.forwarded();
        if (kind.isDiagnostic()) {
            if (h.get(EventHeaders.SCHEMA) != null) {
                forwarded.put(EventHeaders.SCHEMA, h.get(EventHeaders.SCHEMA));
            }
            diagnostics.add(new Diagnostic(kind, payload.json, forwarded));
            return;
        }
        QueuedEvents batch = batches.computeIfAbsent(new BatchKey(kind, payload.schema, forwarded),
                k -> new QueuedEvents());
        for (int i = 0; i < count; i++) {
            batch.add(payload.json.get(i));
        }
    }

    /** Asks the flusher thread to post what is queued now, without waiting for it. */
    public void flush() {
        if (!closed && flushRequested.compareAndSet(false, true)) {
            try {
                flusher.execute(this::flushNow);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }
    }

    /** On the flusher thread only, so posts never overlap and their order is kept. */
    private void flushNow() {
        flushRequested.set(false);
        List<Runnable> posts = new ArrayList<>();
        synchronized (lock) {
            for (Map.Entry<BatchKey, QueuedEvents> e : batches.entrySet()) {
                BatchKey key = e.getKey();
                QueuedEvents events = e.getValue();
                Map<String, String> headers = new LinkedHashMap<>(key.headers());
                headers.put(EventHeaders.SCHEMA, String.valueOf(key.schema()));
                posts.add(() -> deliver(key.kind(), events.drainGzipped(), headers, events.size()));
            }
            for (Diagnostic d : diagnostics) {
                posts.add(() -> deliver(d.kind(), EventSender.gzip(out -> out.write(bytesOf(d.json()))), d.headers(),
                        1));
            }
            batches.clear();
            diagnostics.clear();
            // Still within capacity: these events are in memory until their post ends.
            sending += queued;
            queued = 0;
        }
        for (Runnable post : posts) {
            post.run();
        }
    }

    /** Posts one gzip-compressed payload of {@code count} events, retrying once as ld-relay does. */
    private void deliver(EventKind kind, byte[] gzipped, Map<String, String> sdkHeaders, int count) {
        Map<String, String> headers = new LinkedHashMap<>(sdkHeaders);
        String credential = switch (kind.credential()) {
            case SDK_KEY -> env.sdkKey();
            case MOBILE_KEY -> env.mobileKey();
            case ENV_ID -> null; // client-side events carry the env ID in the path, no key
        };
        if (credential != null) {
            headers.put("Authorization", credential);
        }
        if (!kind.isDiagnostic()) {
            // One ID per batch, kept for the retry: the flag service discards a payload ID it already counted.
            headers.put(EventHeaders.PAYLOAD_ID, UUID.randomUUID().toString());
        }
        String path = kind.outboundPath(env.envId());
        EventSender.Result result;
        try {
            result = sender.post(path, headers, gzipped);
            if (!result.ok() && result.retryable() && !closed) {
                Thread.sleep(retryDelay.toMillis());
                result = sender.post(path, headers, gzipped);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new EventSender.Result(0, "relay stopping");
        }
        Instant now = clock.instant();
        synchronized (lock) {
            sending -= count;
            dropping = false; // room again: the next drop starts a new filling
            if (result.ok()) {
                forwarded += count;
                lastDelivery = now;
            } else {
                failed += count;
                lastError = result.error();
                lastErrorTime = now;
            }
        }
        if (!result.ok()) {
            LOG.warn("[{}] Could not forward {} {} event(s) to {}: {}", envName, count, kind.label(),
                    destination(), result.error());
        }
        try {
            if (result.ok()) {
                deliveries.delivered(kind, count, now);
            } else {
                deliveries.failed(kind, count, result.error(), now);
            }
        } catch (RuntimeException e) {
            // A listener's bug must not stop forwarding: the counters above already hold the outcome.
            LOG.warn("[{}] A delivery listener failed", envName, e);
        }
    }

    public EventStats stats() {
        synchronized (lock) {
            return new EventStats(true, destination(), received, forwarded, failed, dropped, queued, sending,
                    config.capacity(), refused, duplicates, lastError, lastErrorTime, lastDelivery,
                    recent.snapshot());
        }
    }

    private String destination() {
        return Secrets.maskUriCredentials(config.eventsUri());
    }

    /** Posts what is queued (waiting up to {@code flushWait}), then stops the flusher thread. */
    public void close(Duration flushWait) {
        if (closed) {
            return;
        }
        try {
            flusher.execute(this::flushNow);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // already stopping
        }
        closed = true;
        flusher.shutdown();
        try {
            if (!flusher.awaitTermination(flushWait.toMillis(), TimeUnit.MILLISECONDS)) {
                flusher.shutdownNow();
            }
        } catch (InterruptedException e) {
            flusher.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.debug("[{}] Event forwarding stopped ({})", envName, Secrets.mask(env.sdkKey()));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
