package io.relayconsole.demo;

import io.relayconsole.timeline.SequenceDiagram;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The outage scenarios, each with the Mermaid diagram it is expected to draw ({@code scenario-N.mmd}): 1 to 4 are the
 * persistent-storage document's, word for word; the later ones are ours, written the way the document writes its
 * diagrams. Each plays through its own {@link ScenarioScript}.
 */
public enum Scenario {
    STORE_UP_WITH_TTL(1, "Persistent store with a TTL", new StoreUpWithTtl()),
    STORE_OUTAGE_WITH_TTL(2, "Persistent store outage with a TTL", new StoreOutageWithTtl()),
    UPSTREAM_OUTAGE_COLD_RELAY(3, "LaunchDarkly outage, cold relay", new UpstreamOutageColdRelay()),
    UPSTREAM_OUTAGE_WARM_RELAY(4, "LaunchDarkly outage, warm relay", new UpstreamOutageWarmRelay()),
    EVENTS_DURING_UPSTREAM_OUTAGE(5, "Events during a LaunchDarkly outage", new EventsDuringUpstreamOutage()),
    BROWSER_SDK_DURING_STORE_OUTAGE(6, "Browser SDK during a store outage", new BrowserSdkDuringStoreOutage()),
    BIG_SEGMENTS_GO_STALE(7, "Big segments stale: LaunchDarkly's big segments unreachable", new BigSegmentsGoStale()),
    SHARED_STORE_CUT_OFF_RELAY(8, "Two relays sharing Redis, one cut off, cache forever", new SharedStoreCutOffRelay());

    private final int number;
    private final String title;
    private final ScenarioScript script;

    Scenario(int number, String title, ScenarioScript script) {
        this.number = number;
        this.title = title;
        this.script = script;
    }

    ScenarioScript script() {
        return script;
    }

    /** Whether it can run on {@code backend} (scenario 8 needs a Redis it can restart empty). */
    public boolean runsOn(ScenarioBackend backend) {
        return script.runsOn(backend);
    }

    /** "Redis", or "demo database, Redis, ..." : the backends it runs on, as an error names them. */
    public String backendsLabel() {
        return Arrays.stream(ScenarioBackend.values()).filter(this::runsOn).map(ScenarioBackend::label)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The scenarios that run on {@code backend}, in order. */
    public static java.util.List<Scenario> on(ScenarioBackend backend) {
        return Arrays.stream(values()).filter(s -> s.runsOn(backend)).toList();
    }

    /** For the presenter's closing words: what the audience just saw, in plain words. */
    public String explanation() {
        return script.explanation();
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The expected diagram (for 1 to 4 the document's, word for word). */
    public String expectedMermaid() {
        String resource = "scenario-" + number + ".mmd";
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SequenceDiagram expectedDiagram() {
        return SequenceDiagram.parse(expectedMermaid());
    }

    /** @throws IllegalArgumentException naming the scenarios there are */
    public static Scenario byNumber(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + number + "; there are "
                        + Arrays.stream(values()).map(s -> String.valueOf(s.number))
                                .collect(java.util.stream.Collectors.joining(", "))));
    }
}
