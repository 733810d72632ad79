package io.relayconsole.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One environment's SSE fan-out. The fan-out is the hot path (one change to 10,000 streams), so it only adds to
 * {@link LongAdder}s, once per event loop rather than per stream; the registry reads them when scraped or
 * snapshotted. Nothing here allocates per event.
 */
public final class StreamMeters {
    private final LongAdder events = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder fanouts = new LongAdder();
    private final LongAdder fanoutNanos = new LongAdder();

    StreamMeters(MeterRegistry registry, String env) {
        FunctionCounter.builder(MeterNames.STREAM_EVENTS, events, LongAdder::sum).tag("env", env)
                .description("SSE events handed to SDK streams").register(registry);
        FunctionCounter.builder(MeterNames.STREAM_BYTES, bytes, LongAdder::sum).tag("env", env).baseUnit("bytes")
                .description("Bytes of SSE events handed to SDK streams").register(registry);
        FunctionTimer.builder(MeterNames.FANOUT_DURATION, this, m -> m.fanouts.sum(), m -> m.fanoutNanos.sum(),
                        TimeUnit.NANOSECONDS).tag("env", env)
                .description("From a change reaching the server to its write on one event loop").register(registry);
    }

    /** A detached instance for a server started without meters. */
    static StreamMeters unregistered() {
        return new StreamMeters();
    }

    private StreamMeters() {
    }

    /** One event loop wrote {@code streams} events totalling {@code totalBytes}, {@code nanos} after the change. */
    public void delivered(int streams, long totalBytes, long nanos) {
        events.add(streams);
        bytes.add(totalBytes);
        fanouts.increment();
        fanoutNanos.add(nanos);
    }

    long events() {
        return events.sum();
    }

    long bytes() {
        return bytes.sum();
    }
}
