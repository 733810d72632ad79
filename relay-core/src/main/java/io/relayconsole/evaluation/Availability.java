package io.relayconsole.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import java.io.IOException;

/**
 * Which SDK kinds may see a flag, by the rule of LaunchDarkly's service and ld-relay: {@code clientSideAvailability}
 * ({@code usingEnvironmentId}, {@code usingMobileKey}); for flags from before that field existed, browsers by the
 * legacy {@code clientSide} and mobile SDKs always. (The Java SDK's {@code CLIENT_SIDE_ONLY} reads only
 * {@code clientSide}, so it is not used: a flag made available to browsers in the new field alone would be missed.)
 */
record Availability(boolean browser, boolean mobile) {
    static final Availability NONE = new Availability(false, false);

    static Availability of(Item flag) {
        try {
            JsonNode root = Json.mapper().readTree(flag.json());
            JsonNode availability = root.path("clientSideAvailability");
            if (!availability.isObject()) {
                return new Availability(root.path("clientSide").asBoolean(false), true);
            }
            return new Availability(availability.path("usingEnvironmentId").asBoolean(false),
                    availability.path("usingMobileKey").asBoolean(false));
        } catch (IOException e) {
            return NONE;
        }
    }

    boolean visibleTo(SdkKind kind) {
        return switch (kind) {
            case SERVER -> true;
            case MOBILE -> mobile;
            case CLIENT -> browser;
        };
    }
}
