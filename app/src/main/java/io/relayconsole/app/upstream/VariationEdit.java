package io.relayconsole.app.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;

/**
 * The flag editor's variation fields, checked: a non-empty JSON array of variations, and fallthrough and off
 * variations that point into it. Problems come back as {@link IllegalArgumentException}s fit to show.
 */
public record VariationEdit(ArrayNode variations, int fallthrough, int off) {

    public static VariationEdit parse(String variationsText, String fallthroughText, String offText) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(variationsText == null ? "" : variationsText);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Variations must be a JSON array, e.g. [true, false]: "
                    + e.getOriginalMessage());
        }
        if (!(node instanceof ArrayNode array) || array.isEmpty()) {
            throw new IllegalArgumentException("Variations must be a JSON array with at least one value, e.g. [true, false]");
        }
        int fallthrough = index(fallthroughText, "Fallthrough", array.size());
        int off = index(offText, "Off", array.size());
        return new VariationEdit(array, fallthrough, off);
    }

    private static int index(String text, String what, int count) {
        int index;
        try {
            index = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " variation must be a number from 0 to " + (count - 1));
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(what + " variation " + index + " does not exist: there are " + count
                    + " variation(s), numbered 0 to " + (count - 1));
        }
        return index;
    }

    /** The flag with these variations; the fallthrough becomes a single variation (a rollout is replaced). */
    public ObjectNode applyTo(ObjectNode flag) {
        ObjectNode copy = flag.deepCopy();
        copy.set("variations", variations);
        copy.putObject("fallthrough").put("variation", fallthrough);
        copy.put("offVariation", off);
        return copy;
    }
}
