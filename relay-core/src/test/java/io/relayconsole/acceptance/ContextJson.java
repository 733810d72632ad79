package io.relayconsole.acceptance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.launchdarkly.sdk.ContextKind;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.json.JsonSerialization;
import io.relayconsole.model.Json;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/** A context as JSON for an SDK in another process: in the context schema, or as an old-style user. */
final class ContextJson {
    /** The old user schema's built-in string attributes besides key and name (an SDK 5 ignores them as custom). */
    private static final Set<String> OLD_BUILT_INS = Set.of("ip", "email", "avatar", "firstName", "lastName",
            "country");

    private ContextJson() {
    }

    /** The context schema ({@code kind}, {@code key}, attributes), as SDKs that know contexts read it. */
    static JsonNode of(LDContext context) {
        return parse(JsonSerialization.serialize(context));
    }

    /**
     * The user object of SDKs older than contexts (the Java SDK 5): key and the old built-in attributes at the
     * top, every other attribute under {@code custom}. Only a single-kind {@code user} context has such a form.
     */
    static Optional<JsonNode> asOldStyleUser(LDContext context) {
        if (context.isMultiple() || !context.getKind().equals(ContextKind.DEFAULT)) {
            return Optional.empty();
        }
        ObjectNode user = Json.mapper().createObjectNode().put("key", context.getKey());
        if (context.getName() != null) {
            user.put("name", context.getName());
        }
        if (context.isAnonymous()) {
            user.put("anonymous", true);
        }
        ObjectNode custom = Json.mapper().createObjectNode();
        for (String name : context.getCustomAttributeNames()) {
            (OLD_BUILT_INS.contains(name) ? user : custom).set(name, parse(context.getValue(name)));
        }
        if (!custom.isEmpty()) {
            user.set("custom", custom);
        }
        return Optional.of(user);
    }

    static JsonNode parse(LDValue value) {
        return parse(value.toJsonString());
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
