package io.relayconsole.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.launchdarkly.sdk.json.JsonSerialization;
import com.launchdarkly.sdk.server.FeatureFlagsState;
import io.relayconsole.model.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The flags of one context as client-side and mobile SDKs read them: by flag key, {@code value}, {@code variation},
 * {@code version} and {@code flagVersion} (both the flag's version), and, when LaunchDarkly includes them,
 * {@code reason}, {@code trackEvents}, {@code trackReason}, {@code debugEventsUntilDate}, {@code prerequisites}.
 * Built from the SDK's {@code allFlagsState}, whose JSON carries exactly these fields under {@code $flagsState}.
 */
public final class EvaluatedFlags {
    private static final String[] METADATA = {"variation", "version", "reason", "trackEvents", "trackReason",
        "debugEventsUntilDate", "prerequisites"};

    private final Map<String, ObjectNode> flags;

    private EvaluatedFlags(Map<String, ObjectNode> flags) {
        this.flags = Collections.unmodifiableMap(flags);
    }

    static EvaluatedFlags of(FeatureFlagsState state) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(JsonSerialization.serialize(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK wrote unreadable JSON", e);
        }
        JsonNode metadata = root.path("$flagsState");
        Map<String, ObjectNode> flags = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            String key = entry.getKey();
            ObjectNode flag = Json.mapper().createObjectNode();
            flag.set("value", root.path(key).isMissingNode() ? null : root.get(key));
            for (String field : METADATA) {
                JsonNode v = entry.getValue().get(field);
                if (v != null && !v.isNull()) {
                    flag.set(field, v);
                }
            }
            if (!flag.has("variation")) {
                flag.putNull("variation");
            }
            if (flag.has("version")) {
                flag.set("flagVersion", flag.get("version"));
            }
            flags.put(key, flag);
        }
        return new EvaluatedFlags(flags);
    }

    /** Flag key to its evaluated form; do not modify the nodes. */
    public Map<String, ObjectNode> flags() {
        return flags;
    }

    /** The evalx response body and the {@code put} of a client stream. */
    public byte[] toJson() {
        try {
            return Json.mapper().writeValueAsBytes(flags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client stream's {@code patch} for one flag: its evaluated form with its {@code key}. */
    public byte[] patch(String key) {
        ObjectNode patch = Json.mapper().createObjectNode().put("key", key);
        patch.setAll(Objects.requireNonNull(flags.get(key), key));
        try {
            return Json.mapper().writeValueAsBytes(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
