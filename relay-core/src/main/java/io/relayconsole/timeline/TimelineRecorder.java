package io.relayconsole.timeline;

import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayEvent;
import io.relayconsole.relay.RelayListener;
import io.relayconsole.store.CacheFreshness;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Records what the relay does as sequence-diagram steps among the persistent-storage document's participants
 * ({@code SDK1}, ..., {@code Relay Proxy}, {@code Persistent Store}, {@code LD}), one bounded timeline per
 * environment. Thread-safe: relay events arrive on the relay's event thread, notes from anyone, snapshots
 * from the console.
 *
 * <p>Use {@link #attachTo(Relay)}; {@link #close()} detaches it.
 */
public final class TimelineRecorder implements RelayListener, AutoCloseable {
    public static final int DEFAULT_CAPACITY = 2_000;
    /** Where requests with an SDK key that matches no environment are drawn. */
    public static final String UNKNOWN_ENVIRONMENT = "(unknown SDK key)";

    private final int capacity;
    private final Duration initTimeout;
    private final Function<String, Duration> cacheTtl;
    private final Clock clock;
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final List<TimelineListener> listeners = new CopyOnWriteArrayList<>();
    private long nextSequence = 1;
    private Relay attachedTo;
    private ScheduledExecutorService flusher;

    private final class Track {
        final ArrayDeque<TimelineStep> steps = new ArrayDeque<>();
        final EnvironmentTrack translator;
        long dropped;

        Track(String environment) {
            translator = new EnvironmentTrack(environment, this::append, initTimeout,
                    () -> cacheTtl.apply(environment));
        }

        void append(TimelineStep draft) {
            TimelineStep step = draft.withSequence(nextSequence++);
            steps.addLast(step);
            if (steps.size() > capacity) {
                steps.removeFirst();
                dropped++;
            }
            for (TimelineListener l : listeners) {
                l.onStep(step);
            }
        }
    }

    /**
     * @param capacity    steps kept per environment; older ones are dropped
     * @param initTimeout the relay's, for the note drawn when it elapses
     * @param cacheTtl    each environment's cache TTL (null when it has no persistent store), for the notes
     */
    public TimelineRecorder(int capacity, Duration initTimeout, Function<String, Duration> cacheTtl, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.initTimeout = initTimeout;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
    }

    /** A recorder listening to {@code relay} (attach before {@link Relay#start()} to see the start-up). */
    public static TimelineRecorder attachTo(Relay relay) {
        return attachTo(relay, DEFAULT_CAPACITY);
    }

    public static TimelineRecorder attachTo(Relay relay, int capacity) {
        TimelineRecorder recorder = new TimelineRecorder(capacity, relay.config().main().initTimeout(),
                name -> relay.environment(name).map(env -> env.store().freshness()).map(CacheFreshness::ttl)
                        .orElse(null), relay.clock());
        recorder.attachedTo = relay;
        recorder.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timeline-flush");
            t.setDaemon(true);
            return t;
        });
        long period = EnvironmentTrack.HOLD.toMillis() / 4;
        recorder.flusher.scheduleWithFixedDelay(recorder::flushStale, period, period, TimeUnit.MILLISECONDS);
        relay.addListener(recorder);
        return recorder;
    }

    @Override
    public void onEvent(RelayEvent event) {
        String environment = environmentOf(event);
        long now = System.nanoTime();
        synchronized (this) {
            track(environment).translator.handle(event, now);
            flushStale(now);
        }
    }

    /** Adds a note (an operator's action, a scenario's "30 seconds pass") at the current end of the timeline. */
    public void note(String environment, String participant, String text) {
        note(environment, participant, text, null);
    }

    public synchronized void note(String environment, String participant, String text, String detail) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
        track(environment).translator.note(clock.instant(), participant, text, detail);
    }

    public synchronized Timeline snapshot(String environment) {
        flushStale(System.nanoTime());
        Track t = tracks.get(environment);
        return t == null ? new Timeline(environment, List.of(), List.of())
                : new Timeline(environment, new ArrayList<>(t.steps), t.translator.clients());
    }

    /** Environments with a timeline, in order of first step. */
    public synchronized List<String> environments() {
        return new ArrayList<>(tracks.keySet());
    }

    /** Steps dropped from an environment's timeline because it was full. */
    public synchronized long dropped(String environment) {
        return Optional.ofNullable(tracks.get(environment)).map(t -> t.dropped).orElse(0L);
    }

    /** Forgets an environment's steps and SDK names (the console's "clear"). */
    public synchronized void clear(String environment) {
        tracks.remove(environment);
    }

    public void addListener(TimelineListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TimelineListener listener) {
        listeners.remove(listener);
    }

    @Override
    public synchronized void close() {
        if (attachedTo != null) {
            attachedTo.removeListener(this);
            attachedTo = null;
        }
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
    }

    private void flushStale() {
        synchronized (this) {
            flushStale(System.nanoTime());
        }
    }

    private void flushStale(long now) {
        for (Track t : tracks.values()) {
            t.translator.flushStale(now);
        }
    }

    private Track track(String environment) {
        return tracks.computeIfAbsent(environment, Track::new);
    }

    private static String environmentOf(RelayEvent event) {
        String name = event.environment();
        return name == null ? UNKNOWN_ENVIRONMENT : name;
    }
}
