package io.relayconsole.timeline;

import io.relayconsole.serving.Readiness;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.store.StoreAccess;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.ErrorInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns one environment's relay events into diagram steps, in the order the document draws them rather than the
 * order the events are published. Two reorderings need a short hold:
 * <ul>
 *   <li>An SDK request is only known once it is answered ({@code SdkConnected} or {@code RequestServed}), after
 *       the store reads it caused. Reads (and a store outage they discover) are held until the answer claims
 *       them, then drawn between the request and the response.</li>
 *   <li>A store write of upstream data is published before the data's arrival ({@code FullDataReceived},
 *       {@code ItemReceived}); it is held until the arrival claims it and drawn after the upstream response.</li>
 * </ul>
 * Anything held and not claimed within {@link #HOLD} (an operator's reload or rewrite) is drawn on its own.
 * With several SDKs requesting at once the reads may be attributed to the wrong one: the timeline illustrates,
 * it does not trace. Not thread-safe; the recorder guards it.
 */
final class EnvironmentTrack {
    static final Duration HOLD = Duration.ofSeconds(1);
    private static final String STREAM_REQUEST = "Streaming request /all";

    private final String environment;
    private final Consumer<TimelineStep> sink;
    private final SdkClients clients = new SdkClients();
    private final Duration initTimeout;
    private final Supplier<Duration> cacheTtl;

    private final List<TimelineStep> heldForRequest = new ArrayList<>();
    private long heldSinceNanos;
    private boolean heldReadFollowsCachedData;
    private PendingWrite pendingWrite;

    private boolean cacheHasData;
    private boolean expectInitTimeoutRead;
    private boolean storeAvailable = true;
    private boolean streamOpen;
    private boolean receivedData;
    private Instant notReadySince;
    private boolean upstreamOutage;
    private ErrorInfo lastUpstreamError;
    private int lastAttempt;

    private record PendingWrite(Instant time, StoreAccess access, long sinceNanos) {
    }

    EnvironmentTrack(String environment, Consumer<TimelineStep> sink, Duration initTimeout,
                     Supplier<Duration> cacheTtl) {
        this.environment = environment;
        this.sink = sink;
        this.initTimeout = initTimeout;
        this.cacheTtl = cacheTtl;
    }

    List<SdkClient> clients() {
        return clients.all();
    }

    void handle(RelayEvent event, long nowNanos) {
        Instant t = event.time();
        if (event instanceof RelayEvent.StoreAccessed e) {
            storeAccessed(t, e.access(), nowNanos);
        } else if (event instanceof RelayEvent.StoreStatusChanged e) {
            storeStatusChanged(t, e.status(), nowNanos);
        } else if (event instanceof RelayEvent.SdkConnected e) {
            sdkConnected(t, e.connection());
        } else if (event instanceof RelayEvent.SdkDisconnected e) {
            String sdk = clients.nameFor(e.connection().remoteAddress(), e.connection().userAgent());
            emit(t, TimelineStep.Arrow.NOTE, sdk, null, "Stream closed", e.connection().eventsSent() + " event(s) sent");
        } else if (event instanceof RelayEvent.RequestServed e) {
            requestServed(t, e.request());
        } else if (event instanceof RelayEvent.DataSourceStatusChanged e) {
            upstreamStatus(t, e.status());
        } else if (event instanceof RelayEvent.FullDataReceived e) {
            upstreamData(t, "Streaming response", e.flags() + " flag(s), " + e.segments() + " segment(s)",
                    "Store all flags" + ttlDecoration());
        } else if (event instanceof RelayEvent.ItemReceived e) {
            String what = e.kind().namespace() + " " + e.key() + " v" + e.version() + (e.deleted() ? " deleted" : "");
            upstreamData(t, "Streaming update " + what, null, "Store " + what);
        } else if (event instanceof RelayEvent.ReadinessChanged e) {
            readinessChanged(t, e.readiness());
        } else if (event instanceof RelayEvent.EventsDelivered e) {
            String send = sendEvents(e.kind(), e.events());
            emit(t, TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.UPSTREAM, send, null);
            emit(t, TimelineStep.Arrow.RESPONSE, Participants.UPSTREAM, Participants.RELAY, "Events accepted", null);
        } else if (event instanceof RelayEvent.EventsFailed e) {
            emit(t, TimelineStep.Arrow.FAILURE, Participants.RELAY, Participants.UPSTREAM,
                    sendEvents(e.kind(), e.events()) + " - FAILED", e.error());
        } else if (event instanceof RelayEvent.EventsDropped e) {
            // Published while the SDK's post is being accepted: drawn inside that request, like a store read.
            hold(draft(t, TimelineStep.Arrow.NOTE, Participants.RELAY, null, "Event queue full, drop what does not fit",
                    "capacity " + e.capacity() + " event(s)"), nowNanos);
        } else if (event instanceof RelayEvent.MalformedData e) {
            emit(t, TimelineStep.Arrow.NOTE, Participants.RELAY, null, "Skipped malformed data from upstream",
                    e.reason());
        } else if (event instanceof RelayEvent.BigSegmentsSynced e) {
            BigSegmentSteps.batch(e.batch()).forEach(step -> emit(t, step.arrow(), step.from(), step.to(),
                    step.text(), step.detail()));
        } else if (event instanceof RelayEvent.BigSegmentSyncChanged e) {
            BigSegmentSteps.stateChange(e.stats()).ifPresent(step -> emit(t, step.arrow(), step.from(), step.to(),
                    step.text(), step.detail()));
        } else if (event instanceof RelayEvent.WorkspaceChanged e) {
            WorkspaceSteps.of(e.change()).ifPresent(text -> emit(t, TimelineStep.Arrow.NOTE, Participants.UPSTREAM,
                    null, text, e.change().message()));
        }
    }

    void note(Instant t, String participant, String text, String detail) {
        emit(t, TimelineStep.Arrow.NOTE, participant, null, text, detail);
    }

    /** Draws whatever was held longer than {@link #HOLD}: nothing is going to claim it. */
    void flushStale(long nowNanos) {
        if (!heldForRequest.isEmpty() && nowNanos - heldSinceNanos > HOLD.toNanos()) {
            releaseHeld(false);
        }
        if (pendingWrite != null && nowNanos - pendingWrite.sinceNanos() > HOLD.toNanos()) {
            releasePendingWrite(null, null);
        }
    }

    // ---- store ----

    private void storeAccessed(Instant t, StoreAccess access, long nowNanos) {
        switch (access.operation()) {
            case READ_ALL -> read(t, access, nowNanos);
            case WRITE_ALL, WRITE_ITEM -> {
                releaseHeldNotes();
                if (pendingWrite != null) {
                    releasePendingWrite(null, null);
                }
                pendingWrite = new PendingWrite(t, access, nowNanos);
                cacheHasData |= access.success() && access.operation() == StoreAccess.Operation.WRITE_ALL;
            }
            case WRITE_BACK -> {
                releaseHeldNotes();
                storeMessage(t, access, "Store all flags",
                        access.success() ? "wrote " + access.items() + " item(s) back after the store recovered"
                                : access.error(), null);
                cacheHasData |= access.success();
            }
        }
    }

    private void read(Instant t, StoreAccess access, long nowNanos) {
        TimelineStep step;
        if (access.fromCache()) {
            step = draft(t, TimelineStep.Arrow.NOTE, Participants.RELAY, null, "TTL fresh, serve from memory",
                    access.items() + " item(s)");
        } else {
            boolean resetsTtl = cacheTtl() != null && cacheTtl().compareTo(Duration.ZERO) > 0;
            step = access.success()
                    ? draft(t, TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.STORE,
                            "Get all flags" + (resetsTtl ? ", reset TTL" : ""), access.items() + " item(s)")
                    : draft(t, TimelineStep.Arrow.FAILURE, Participants.RELAY, Participants.STORE,
                            "Get all flags - FAILED", access.error());
        }
        if (!access.fromCache() && expectInitTimeoutRead) {
            expectInitTimeoutRead = false; // the relay's own read when initTimeout passed: no SDK asked
            sink.accept(step);
        } else {
            if (!access.fromCache() && cacheHasData && !holdsStoreRead()) {
                heldReadFollowsCachedData = true;
            }
            hold(step, nowNanos);
        }
        cacheHasData = access.fromCache() || access.success();
    }

    private void storeStatusChanged(Instant t, StoreStatus status, long nowNanos) {
        if (!status.available() && storeAvailable) {
            // Usually discovered by a read an SDK's request caused: drawn inside that request.
            hold(draft(t, TimelineStep.Arrow.NOTE, Participants.STORE, null, "Database goes down",
                    status.lastError()), nowNanos);
        } else if (status.available() && !storeAvailable) {
            releaseHeld(false);
            emit(t, TimelineStep.Arrow.NOTE, Participants.STORE, null, "Database comes back up", null);
        }
        storeAvailable = status.available();
    }

    private void storeMessage(Instant t, StoreAccess access, String text, String detail, String causedBy) {
        TimelineStep step = access.success()
                ? draft(t, TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.STORE, text, detail)
                : draft(t, TimelineStep.Arrow.FAILURE, Participants.RELAY, Participants.STORE, text + " - FAILED",
                        access.error());
        sink.accept(causedBy == null ? step : step.causedBy(causedBy));
    }

    // ---- SDKs ----

    private void sdkConnected(Instant t, SdkConnectionInfo c) {
        String sdk = clients.nameFor(c.remoteAddress(), c.userAgent());
        String detail = describeClient(c.remoteAddress(), c.userAgent());
        emit(t, TimelineStep.Arrow.REQUEST, sdk, Participants.RELAY, "Streaming request " + c.path(), detail);
        releaseHeld(true);
        emit(t, TimelineStep.Arrow.RESPONSE, Participants.RELAY, sdk, "Streaming response", null);
    }

    private void requestServed(Instant t, RequestRecord r) {
        String sdk = clients.nameFor(r.remoteAddress(), r.userAgent());
        String request = RequestWords.request(r.path());
        String detail = describeClient(r.remoteAddress(), r.userAgent());
        boolean refused = r.status() >= 400;
        if (refused && heldForRequest.isEmpty() && refusedForTheStore(r)) {
            // Refused without a read to show (the store's answer was not needed to know it is down): draw the
            // relay's decision, not a bare failed arrow that looks like a refusal at the door.
            emit(t, TimelineStep.Arrow.REQUEST, sdk, Participants.RELAY, request, detail);
            boolean noCache = cacheTtl() != null && cacheTtl().isZero();
            emit(t, TimelineStep.Arrow.NOTE, Participants.RELAY, null,
                    "Store down, " + (noCache ? "no cache" : "cache expired") + ", refuse", r.reason());
            emit(t, TimelineStep.Arrow.RESPONSE, Participants.RELAY, sdk, RequestWords.statusPhrase(r.status()),
                    r.status() + " " + r.reason());
            return;
        }
        if (refused && heldForRequest.isEmpty()) {
            // Refused at the door (not ready, unknown key): the store was never involved.
            emit(t, TimelineStep.Arrow.FAILURE, sdk, Participants.RELAY, request + " - FAILED",
                    r.status() + " " + (r.reason() == null ? "" : r.reason()) + " (" + detail + ")");
            return;
        }
        emit(t, TimelineStep.Arrow.REQUEST, sdk, Participants.RELAY, request, detail);
        releaseHeld(true);
        String response = refused ? RequestWords.statusPhrase(r.status()) : RequestWords.response(r.path(), r.status());
        emit(t, TimelineStep.Arrow.RESPONSE, Participants.RELAY, sdk, response,
                r.status() + (r.reason() == null ? "" : " " + r.reason()));
    }

    /** "Send 12 server event(s)"; the diagram shows the post once it is answered, as it shows SDK requests. */
    private static String sendEvents(io.relayconsole.events.EventKind kind, int count) {
        return "Send " + count + " " + kind.label() + " event(s)";
    }

    /** The SDK server's reason when the store could not be read; see {@code SdkRequestHandler}. */
    private static boolean refusedForTheStore(RequestRecord r) {
        return r.status() == 503 && r.reason() != null && r.reason().startsWith("data store unavailable");
    }

    private static String describeClient(String remoteAddress, String userAgent) {
        return remoteAddress + (userAgent == null ? "" : ", " + userAgent);
    }

    // ---- upstream ----

    private void upstreamStatus(Instant t, DataSourceStatus status) {
        ErrorInfo error = status.lastError();
        boolean newError = error != null && !error.equals(lastUpstreamError);
        if (newError) {
            String detail = error.message();
            if (streamOpen) {
                emit(t, TimelineStep.Arrow.NOTE, Participants.UPSTREAM, null, "LaunchDarkly goes down", detail);
            } else {
                emit(t, TimelineStep.Arrow.FAILURE, Participants.RELAY, Participants.UPSTREAM,
                        STREAM_REQUEST + " - FAILED", detail);
                if (status.state() == DataSourceState.OFF) {
                    emit(t, TimelineStep.Arrow.NOTE, Participants.UPSTREAM, null, "LaunchDarkly rejects the SDK key",
                            detail);
                } else if (!upstreamOutage) {
                    emit(t, TimelineStep.Arrow.NOTE, Participants.UPSTREAM, null, "LaunchDarkly is down", detail);
                }
            }
            upstreamOutage = true;
            streamOpen = false;
        } else if (status.nextRetryAt() != null && status.attempt() != lastAttempt && status.attempt() > 0) {
            emit(t, TimelineStep.Arrow.NOTE, Participants.RELAY, null, "Backoff and retry",
                    "attempt " + status.attempt() + " at " + status.nextRetryAt());
        } else if (status.state() == DataSourceState.OFF && error == null && streamOpen) {
            emit(t, TimelineStep.Arrow.NOTE, Participants.RELAY, null, "Upstream connection stopped", null);
            streamOpen = false;
        }
        lastUpstreamError = error;
        lastAttempt = status.attempt();
    }

    private void upstreamData(Instant t, String response, String detail, String storeText) {
        if (upstreamOutage) {
            emit(t, TimelineStep.Arrow.NOTE, Participants.UPSTREAM, null, "LaunchDarkly comes back up", null);
            upstreamOutage = false;
        }
        if (!streamOpen) {
            emit(t, TimelineStep.Arrow.REQUEST, Participants.RELAY, Participants.UPSTREAM, STREAM_REQUEST, null);
        }
        emit(t, TimelineStep.Arrow.RESPONSE, Participants.UPSTREAM, Participants.RELAY, response, detail);
        streamOpen = true;
        receivedData = true;
        expectInitTimeoutRead = false;
        releasePendingWrite(storeText, Participants.UPSTREAM);
    }

    private void readinessChanged(Instant t, Readiness readiness) {
        switch (readiness) {
            case READY -> {
                if (initTimeoutElapsed(t)) {
                    emit(t, TimelineStep.Arrow.NOTE, Participants.RELAY, null,
                            seconds(initTimeout) + " second initTimeout elapses, stop retry", null);
                    expectInitTimeoutRead = true;
                }
            }
            case NOT_READY -> {
                notReadySince = t;
                receivedData = false;
                streamOpen = false;
            }
            case REJECTED -> { }
        }
    }

    /**
     * Ready without data from upstream, about initTimeout after the start: initTimeout passed. (Ready earlier is
     * the data's arrival, which a cold JVM can take seconds to reach: the start-up thread may publish readiness
     * before the data event.)
     */
    private boolean initTimeoutElapsed(Instant readyAt) {
        return !receivedData && notReadySince != null
                && Duration.between(notReadySince, readyAt).compareTo(initTimeout.multipliedBy(9).dividedBy(10)) >= 0;
    }

    // ---- holding ----

    private boolean holdsStoreRead() {
        return heldForRequest.stream().anyMatch(s -> Participants.STORE.equals(s.to()));
    }

    private void hold(TimelineStep step, long nowNanos) {
        if (heldForRequest.isEmpty()) {
            heldSinceNanos = nowNanos;
        }
        heldForRequest.add(step);
    }

    /** Draws held steps; {@code forRequest}: an SDK's request claims them (so a store read is explained). */
    private void releaseHeld(boolean forRequest) {
        if (forRequest && heldReadFollowsCachedData && !heldForRequest.isEmpty()) {
            TimelineStep first = heldForRequest.get(0);
            sink.accept(draft(first.time(), TimelineStep.Arrow.NOTE, Participants.RELAY, null,
                    "TTL expired, read from store", null));
        }
        heldForRequest.forEach(sink);
        heldForRequest.clear();
        heldReadFollowsCachedData = false;
    }

    /** A write discovering an outage is not an SDK's request: its held note is drawn before the write. */
    private void releaseHeldNotes() {
        if (!heldForRequest.isEmpty() && heldForRequest.stream().allMatch(TimelineStep::isNote)
                && heldForRequest.stream().noneMatch(s -> s.from().equals(Participants.RELAY))) {
            releaseHeld(false);
        }
    }

    private void releasePendingWrite(String text, String causedBy) {
        PendingWrite w = pendingWrite;
        if (w == null) {
            return;
        }
        pendingWrite = null;
        boolean all = w.access().operation() == StoreAccess.Operation.WRITE_ALL;
        String shown = text != null ? text : all ? "Store all flags" + ttlDecoration() : "Store update";
        storeMessage(w.time(), w.access(), shown, w.access().success() ? w.access().items() + " item(s)" : null,
                causedBy);
    }

    // ---- helpers ----

    private Duration cacheTtl() {
        return cacheTtl.get();
    }

    private String ttlDecoration() {
        Duration ttl = cacheTtl();
        return ttl != null && ttl.compareTo(Duration.ZERO) > 0 ? " with TTL " + seconds(ttl) + " seconds" : "";
    }

    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private TimelineStep draft(Instant t, TimelineStep.Arrow arrow, String from, String to, String text,
                               String detail) {
        return new TimelineStep(0, t, environment, arrow, from, to, Objects.requireNonNull(text), detail, null);
    }

    private void emit(Instant t, TimelineStep.Arrow arrow, String from, String to, String text, String detail) {
        sink.accept(draft(t, arrow, from, to, text, detail));
    }
}
