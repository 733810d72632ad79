package io.relayconsole.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event forwarding under load: {@code sdks} SDKs each post an analytics payload (an index and a summary event, as the
 * server SDKs send) ten times a second for {@code seconds} seconds. Baseline: the same payloads straight to a plain
 * local events service ({@link EventsSink}); measure: through the relay (the headless jar, started as the other
 * measures start it, with {@code USE_EVENTS=true} and {@code EVENTS_HOST} at the same sink, ld-relay's default
 * flush interval and a capacity sized for the load, see {@link #CAPACITY}). Then the sink stops answering and the
 * load goes on: the relay's live heap may grow by at most its capacity's worth of events.
 */
final class EventsBench {
    private static final int PAYLOADS_PER_SECOND = 10;
    private static final int EVENTS_PER_PAYLOAD = 2;
    // The relay's queue (EVENTS_CAPACITY): sized, as an operator would, for the offered 4,000 events/s over the
    // 5 s flush interval's worst case of a slow post; ld-relay's default of 1,000 drops events at this rate.
    private static final int CAPACITY = Integer.parseInt(System.getenv().getOrDefault("BENCH_EVENTS_CAPACITY", "10000"));

    private EventsBench() {
    }

    /** What one side's load did: payloads the service (relay or sink) accepted with 202, and the others. */
    private record Load(long accepted, long failed, double seconds) {
        long eventsSent() {
            return accepted * EVENTS_PER_PAYLOAD;
        }
    }

    static void run(int sdks, int seconds) throws Exception {
        ResultTable table = new ResultTable("Events: " + sdks + " SDKs × " + PAYLOADS_PER_SECOND
                + " payloads/s for " + seconds + " s (" + EVENTS_PER_PAYLOAD + " events each)", "SDKs → sink directly");
        try (EventsSink sink = new EventsSink()) {
            Load direct = post(sdks, seconds, sink.uri(), "direct");
            long directDelivered = sink.events();
            System.err.printf("direct: %d events sent, %d received by the sink%n", direct.eventsSent(), directDelivered);

            long beforeRelay = sink.events();
            Map<String, String> env = Map.of("USE_EVENTS", "true", "EVENTS_HOST", sink.uri(),
                    "EVENTS_CAPACITY", Integer.toString(CAPACITY));
            try (RelayUnderTest relay = RelayUnderTest.start(FlagGenerator.dataSet(20, 1), RelayUnderTest.relayJar(), env)) {
                ChildProcess process = relay.process();
                String relayUri = "http://127.0.0.1:" + relay.port();
                post(sdks, 5, relayUri, "warm-up"); // the JIT compiles the relay's event path first
                awaitQuiet(sink, 15_000);
                beforeRelay = sink.events();
                long cpuBefore = process.cpuMillis();
                Load through = post(sdks, seconds, relayUri, "relay");
                awaitDelivered(sink, beforeRelay + through.eventsSent(), 30_000);
                long cpuMillis = process.cpuMillis() - cpuBefore;
                long delivered = sink.events() - beforeRelay;
                long peak = process.memoryBytes("VmHWM");
                System.err.printf("relay: %d events sent, %d delivered, %d ms CPU%n", through.eventsSent(),
                        delivered, cpuMillis);

                table.add("payloads accepted (202) per second", direct.accepted() / direct.seconds(),
                        through.accepted() / through.seconds(), "/s", "the load was offered to both");
                table.add("events delivered ÷ sent", ratio(directDelivered, direct.eventsSent()),
                        ratio(delivered, through.eventsSent()), "", "1.0");
                table.addRelayOnly("relay CPU per 1,000 events",
                        cpuMillis / (through.eventsSent() / 1000.0), "ms", "report");
                table.addRelayOnly("relay peak RSS", ResultTable.mib(peak), "MiB", "report");

                // The events service stops answering; SDKs keep posting. A hang, not a refusal, is the worst case
                // for memory and a steady one: the stalled post holds its batch for the whole outage (30 s request
                // timeout, then the retry) and the queue fills behind it, so the second figure is taken with the
                // relay at its bound. A refused post is lost within a second, so the queue would be measured
                // anywhere between empty and full. Queued plus in-flight events are bounded by the capacity, so
                // memory must not grow by more than its worth of events (at their size on the wire, uncompressed).
                long rssBefore = process.memoryBytes("VmRSS");
                long heapBefore = process.liveHeapBytes();
                sink.hang();
                Load down = post(sdks, Math.max(10, seconds / 2), relayUri, "sink hanging");
                long rssAfter = process.memoryBytes("VmRSS");
                long heapAfter = process.liveHeapBytes();
                long capacityWorth = (long) CAPACITY * payload("sdk-0", 0).length / EVENTS_PER_PAYLOAD;
                System.err.printf("sink hanging: %d payloads accepted, RSS %d -> %d bytes%n", down.accepted(),
                        rssBefore, rssAfter);
                // What the queue holds is live heap; RSS also moves with the collector's sizing, so it is reported too.
                table.addRelayOnly("sink hanging " + (int) down.seconds() + " s: relay live heap growth (live objects)",
                        (heapAfter - heapBefore) / 1024.0, "KiB", String.format("≤ capacity's worth: %d events ≈ %.0f KiB",
                                CAPACITY, capacityWorth / 1024.0));
                table.addRelayOnly("sink hanging: relay RSS growth", (rssAfter - rssBefore) / 1024.0, "KiB", "report");
                table.addRelayOnly("sink hanging: payloads still answered 202", down.accepted(), "",
                        "SDKs are not slowed");
            }
        }
        table.print();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /**
     * {@code sdks} posters, each every 100 ms with its own context, on a shared HTTP/1.1 client; then waits for
     * answers. Like an SDK's event processor, a poster has at most one post in flight: a tick that finds the last
     * post unanswered is skipped (and counted), so a slow side is offered less rather than buried in connections.
     */
    private static Load post(int sdks, int seconds, String base, String name) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        List<ScheduledFuture<?>> posters = new ArrayList<>();
        URI bulk = URI.create(base + "/bulk");
        long start = System.nanoTime();
        long period = 1000 / PAYLOADS_PER_SECOND;
        for (int i = 0; i < sdks; i++) {
            byte[] body = payload("sdk-" + i, i);
            java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
            posters.add(timer.scheduleAtFixedRate(() -> {
                if (!busy.compareAndSet(false, true)) {
                    skipped.incrementAndGet();
                    return;
                }
                HttpRequest request = HttpRequest.newBuilder(bulk).timeout(Duration.ofSeconds(60))
                        .header("Authorization", RelayUnderTest.SDK_KEY)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "JavaClient/7.13.0")
                        .header("X-LaunchDarkly-Event-Schema", "4")
                        .header("X-LaunchDarkly-Payload-ID", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                inFlight.incrementAndGet();
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    (e == null && r.statusCode() == 202 ? accepted : failed).incrementAndGet();
                    if (e != null || r.statusCode() != 202) {
                        firstError.compareAndSet(null, e != null ? e.toString() : "HTTP " + r.statusCode());
                    }
                    inFlight.decrementAndGet();
                    busy.set(false);
                });
            }, i * period / sdks, period, TimeUnit.MILLISECONDS));
        }
        Thread.sleep(seconds * 1000L);
        posters.forEach(p -> p.cancel(false));
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 60_000;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        System.err.printf("%s: %d payloads accepted, %d failed (first: %s), %d ticks skipped while the last post was "
                + "unanswered, in %.1f s%n", name, accepted.get(), failed.get(), firstError.get(), skipped.get(), elapsed);
        return new Load(accepted.get(), failed.get(), elapsed);
    }

    /** An index event and a summary of three flags, as a server SDK posts them (about 0.55 KB). */
    static byte[] payload(String contextKey, int seed) {
        String json = "[{\"kind\":\"index\",\"creationDate\":1700000000000,\"context\":{\"kind\":\"user\",\"key\":\""
                + contextKey + "\",\"name\":\"Bench User " + seed + "\",\"plan\":\"enterprise\"}},"
                + "{\"kind\":\"summary\",\"startDate\":1700000000000,\"endDate\":1700000000100,\"features\":{"
                + "\"new-checkout\":{\"default\":false,\"contextKinds\":[\"user\"],\"counters\":[{\"value\":true,"
                + "\"variation\":0,\"version\":3,\"count\":4}]},"
                + "\"banner-text\":{\"default\":\"\",\"contextKinds\":[\"user\"],\"counters\":[{\"value\":\"Hello\","
                + "\"variation\":1,\"version\":7,\"count\":2}]},"
                + "\"max-items\":{\"default\":10,\"contextKinds\":[\"user\"],\"counters\":[{\"value\":25,"
                + "\"variation\":2,\"version\":1,\"count\":1}]}}}]";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Waits until the sink's count stops moving for two flush intervals' worth (the relay flushes every 5 s). */
    private static void awaitQuiet(EventsSink sink, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long last = -1;
        while (System.currentTimeMillis() < deadline) {
            long now = sink.events();
            if (now == last && now > 0) {
                return;
            }
            last = now;
            Thread.sleep(6_000);
        }
    }

    private static void awaitDelivered(EventsSink sink, long target, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (sink.events() < target && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }
}
