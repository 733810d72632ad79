package io.relayconsole.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sample flags and segments an environment starts with: booleans, strings, JSON and numbers; individual
 * and context-kind targets; rules with several operators, one on an {@code organization} context; seeded and
 * salted percentage rollouts; segments; a prerequisite; an off flag; a client-side flag.
 * The data lives in {@code sample-data.json} next to this class.
 */
public final class SampleFlags {
    private static final String RESOURCE = "sample-data.json";

    private SampleFlags() {
    }

    /** Fresh, mutable copies of the sample items of one kind, in file order. */
    public static List<ObjectNode> items(DataKind kind) {
        JsonNode all = load().path(kind.streamName());
        List<ObjectNode> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : all.properties()) {
            result.add((ObjectNode) entry.getValue().deepCopy());
        }
        return result;
    }

    private static JsonNode load() {
        try (InputStream in = SampleFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
