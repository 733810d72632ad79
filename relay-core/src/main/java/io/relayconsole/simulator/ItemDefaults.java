package io.relayconsole.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Completes a flag or segment with the properties LaunchDarkly always sends, so strict SDKs never meet a
 * missing array or salt in what the simulator serves. Present values are left alone.
 */
final class ItemDefaults {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ItemDefaults() {
    }

    static void complete(DataKind kind, ObjectNode item) {
        if (!item.hasNonNull("salt")) {
            byte[] salt = new byte[8];
            RANDOM.nextBytes(salt);
            item.put("salt", HexFormat.of().formatHex(salt));
        }
        if (kind == DataKind.FEATURES) {
            completeFlag(item);
        } else {
            completeSegment(item);
        }
    }

    private static void completeFlag(ObjectNode flag) {
        putIfMissing(flag, "on", false);
        for (String array : new String[] {"prerequisites", "targets", "contextTargets", "rules", "variations"}) {
            arrayIfMissing(flag, array);
        }
        if (!flag.hasNonNull("fallthrough")) {
            flag.putObject("fallthrough").put("variation", 0);
        }
        putIfMissing(flag, "clientSide", false);
        putIfMissing(flag, "trackEvents", false);
        putIfMissing(flag, "trackEventsFallthrough", false);
        if (!flag.has("debugEventsUntilDate")) {
            flag.putNull("debugEventsUntilDate");
        }
    }

    private static void completeSegment(ObjectNode segment) {
        for (String array : new String[] {"included", "excluded", "includedContexts", "excludedContexts", "rules"}) {
            arrayIfMissing(segment, array);
        }
    }

    private static void putIfMissing(ObjectNode node, String field, boolean value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static void arrayIfMissing(ObjectNode node, String field) {
        if (!node.path(field).isArray()) {
            node.putArray(field);
        }
    }
}
