package io.relayconsole.demo;

import io.relayconsole.timeline.SequenceDiagram;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The persistent-storage document's four diagrams, each with the Mermaid the document draws. */
public enum Scenario {
    STORE_UP_WITH_TTL(1, "Persistent store with a TTL"),
    STORE_OUTAGE_WITH_TTL(2, "Persistent store outage with a TTL"),
    UPSTREAM_OUTAGE_COLD_RELAY(3, "LaunchDarkly outage, cold relay"),
    UPSTREAM_OUTAGE_WARM_RELAY(4, "LaunchDarkly outage, warm relay");

    private final int number;
    private final String title;

    Scenario(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The document's diagram, word for word. */
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

    /** @throws IllegalArgumentException for anything but 1 to 4 */
    public static Scenario byNumber(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + number + "; there are 1 to 4"));
    }
}
