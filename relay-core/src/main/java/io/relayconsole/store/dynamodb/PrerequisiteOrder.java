package io.relayconsole.store.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relayconsole.model.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders flags so each comes after the flags it names as prerequisites, as the LaunchDarkly SDKs do before a
 * non-atomic init: a daemon-mode reader that looks while an init is under way is then less likely to find a
 * flag whose prerequisite is not written yet. Cycles and unknown keys are tolerated (original order kept).
 */
final class PrerequisiteOrder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrerequisiteOrder() {
    }

    static List<Item> of(Map<String, Item> flags) {
        List<Item> ordered = new ArrayList<>(flags.size());
        Set<String> visited = new HashSet<>();
        for (Item flag : flags.values()) {
            visit(flag, flags, visited, ordered);
        }
        return ordered;
    }

    private static void visit(Item flag, Map<String, Item> flags, Set<String> visited, List<Item> ordered) {
        if (!visited.add(flag.key())) {
            return;
        }
        for (String prerequisite : prerequisiteKeys(flag)) {
            Item required = flags.get(prerequisite);
            if (required != null) {
                visit(required, flags, visited, ordered);
            }
        }
        ordered.add(flag);
    }

    private static List<String> prerequisiteKeys(Item flag) {
        if (flag.deleted()) {
            return List.of();
        }
        try {
            JsonNode prerequisites = JSON.readTree(flag.json()).path("prerequisites");
            List<String> keys = new ArrayList<>();
            for (JsonNode p : prerequisites) {
                if (p.path("key").isTextual()) {
                    keys.add(p.path("key").asText());
                }
            }
            return keys;
        } catch (IOException e) {
            return List.of(); // the item was parsed before; an odd shape here only loses the ordering
        }
    }
}
