package io.relayconsole.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;
import java.util.Optional;

/**
 * The {@code flagValues} shorthand: a flag that serves one value to everyone. Expanded exactly as the SDKs'
 * file data sources do ({@code on: true}, {@code variations: [value]}, {@code fallthrough: {variation: 0}}).
 */
final class Shorthand {
    private static final String[] EMPTY_WHEN_SHORT = {"targets", "contextTargets", "rules", "prerequisites"};

    private Shorthand() {
    }

    static ObjectNode expand(String key, JsonNode value) {
        ObjectNode flag = Json.mapper().createObjectNode();
        flag.put("key", key);
        flag.put("on", true);
        flag.putArray("variations").add(value.deepCopy());
        flag.putObject("fallthrough").put("variation", 0);
        return flag;
    }

    /** The value, when a flag still says no more than its shorthand did (so it can be written back as one). */
    static Optional<JsonNode> valueOf(ObjectNode flag) {
        JsonNode variations = flag.path("variations");
        if (!flag.path("on").asBoolean(false) || !(variations instanceof ArrayNode array) || array.size() != 1
                || flag.path("fallthrough").path("variation").asInt(-1) != 0) {
            return Optional.empty();
        }
        for (String field : EMPTY_WHEN_SHORT) {
            if (flag.path(field).size() > 0) {
                return Optional.empty();
            }
        }
        return Optional.of(array.get(0));
    }
}
