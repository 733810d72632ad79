package io.relayconsole.app.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;
import java.util.Objects;

/**
 * The flag editor's variation fields, checked: a non-empty JSON array of variations, a fallthrough that is either
 * a variation number or the flag's own fallthrough object (a percentage rollout, as JSON), and an off variation
 * (empty = none). Problems come back as {@link IllegalArgumentException}s fit to show.
 *
 * <p>{@link #applyChangesTo} writes only the fields that differ from what the editor loaded, so a field the
 * developer did not touch (e.g. a fallthrough rollout) keeps exactly what the flag holds.
 */
public record VariationEdit(ArrayNode variations, ObjectNode fallthrough, Integer off) {

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
        ObjectNode fallthrough = fallthrough(fallthroughText, array.size());
        String off = offText == null ? "" : offText.trim();
        return new VariationEdit(array, fallthrough, off.isEmpty() ? null : index(off, "Off", array.size()));
    }

    /** What the editor shows for a flag's fallthrough: its variation number, or its whole object as JSON. */
    public static String fallthroughText(JsonNode fallthrough) {
        if (fallthrough instanceof ObjectNode object && object.size() == 1 && object.path("variation").isInt()) {
            return object.path("variation").asText();
        }
        return fallthrough == null || fallthrough.isMissingNode() || fallthrough.isNull() ? "" : fallthrough.toString();
    }

    /** The flag with all of these fields (a fallthrough variation number replaces a rollout). */
    public ObjectNode applyTo(ObjectNode flag) {
        ObjectNode copy = flag.deepCopy();
        copy.set("variations", variations);
        copy.set("fallthrough", fallthrough);
        setOff(copy);
        return copy;
    }

    /** The flag with only the fields that differ from {@code loaded} (what the editor showed) changed. */
    public ObjectNode applyChangesTo(ObjectNode flag, VariationEdit loaded) {
        ObjectNode copy = flag.deepCopy();
        if (loaded == null || !variations.equals(loaded.variations)) {
            copy.set("variations", variations);
        }
        if (loaded == null || !fallthrough.equals(loaded.fallthrough)) {
            copy.set("fallthrough", fallthrough);
        }
        if (loaded == null || !Objects.equals(off, loaded.off)) {
            setOff(copy);
        }
        return copy;
    }

    /** Whether applying this to a flag would change nothing the editor shows. */
    public boolean sameAs(VariationEdit other) {
        return other != null && variations.equals(other.variations) && fallthrough.equals(other.fallthrough)
                && Objects.equals(off, other.off);
    }

    private void setOff(ObjectNode flag) {
        if (off == null) {
            flag.remove("offVariation");
        } else {
            flag.put("offVariation", off);
        }
    }

    private static ObjectNode fallthrough(String text, int count) {
        String trimmed = text == null ? "" : text.trim();
        if (!trimmed.startsWith("{")) {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("variation", index(trimmed, "Fallthrough", count));
            return node;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Fallthrough must be a variation number or a JSON object such as"
                    + " {\"rollout\":{\"variations\":[{\"variation\":0,\"weight\":50000},...]}}: " + e.getOriginalMessage());
        }
        ObjectNode object = (ObjectNode) node;
        if (object.has("variation")) {
            index(object.path("variation").asText(), "Fallthrough", count);
        } else {
            checkRollout(object.path("rollout"), count, "Fallthrough");
        }
        return object;
    }

    static void checkRollout(JsonNode rollout, int count, String what) {
        JsonNode buckets = rollout.path("variations");
        if (!(buckets instanceof ArrayNode array) || array.isEmpty()) {
            throw new IllegalArgumentException(what + " rollout needs \"rollout\": {\"variations\": [...]} with"
                    + " at least one {\"variation\", \"weight\"}");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode bucket = array.get(i);
            if (!bucket.path("variation").isInt() || !bucket.path("weight").isInt()) {
                throw new IllegalArgumentException(what + " rollout variations[" + i + "] needs whole numbers"
                        + " \"variation\" and \"weight\" (weights are thousandths of a percent, 100000 in all)");
            }
            index(bucket.path("variation").asText(), what + " rollout variations[" + i + "]", count);
        }
    }

    static int index(String text, String what, int count) {
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
}
