package io.relayconsole.app.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.Json;
import java.util.Collection;
import java.util.Set;

/**
 * The flag editor's targeting fields as JSON arrays in LaunchDarkly's flag format: individual {@code targets},
 * {@code rules} (clauses with every operator LaunchDarkly's evaluator supports, a variation or a percentage
 * rollout each) and {@code prerequisites}. Checked so that a problem names its field, e.g.
 * {@code rules[0].clauses[1].op}. Like {@link VariationEdit}, a save writes only the fields that differ from what
 * the editor loaded.
 */
public record TargetingEdit(ArrayNode targets, ArrayNode rules, ArrayNode prerequisites) {

    /** The clause operators of LaunchDarkly's Java server SDK 7 evaluator (its {@code Operator} values). */
    static final Set<String> OPERATORS = Set.of("in", "endsWith", "startsWith", "matches", "contains", "lessThan",
            "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "before", "after", "semVerEqual",
            "semVerLessThan", "semVerGreaterThan", "segmentMatch");

    /** What the editor shows for an array field of a flag: its JSON, {@code []} when absent. */
    public static String text(JsonNode field) {
        return field instanceof ArrayNode ? field.toString() : "[]";
    }

    /**
     * @param variationCount how many variations the flag will have (targets and rules refer to them)
     * @param flagKeys       the environment's flags, for prerequisites
     * @param self           the flag being edited (it cannot be its own prerequisite)
     */
    public static TargetingEdit parse(String targetsText, String rulesText, String prerequisitesText,
                                      int variationCount, Collection<String> flagKeys, String self) {
        ArrayNode targets = array(targetsText, "targets", "[{\"variation\":0,\"values\":[\"user-key\"]}]");
        for (int i = 0; i < targets.size(); i++) {
            String at = "targets[" + i + "]";
            JsonNode target = targets.get(i);
            VariationEdit.index(target.path("variation").asText(null), at, variationCount);
            if (!(target.path("values") instanceof ArrayNode values) || !allText(values)) {
                throw new IllegalArgumentException(at + ".values must be an array of context keys (strings)");
            }
        }
        ArrayNode rules = array(rulesText, "rules", "[{\"clauses\":[{\"attribute\":\"email\",\"op\":\"endsWith\","
                + "\"values\":[\"@example.com\"]}],\"variation\":0}]");
        for (int i = 0; i < rules.size(); i++) {
            checkRule(rules.get(i), "rules[" + i + "]", variationCount);
        }
        ArrayNode prerequisites = array(prerequisitesText, "prerequisites", "[{\"key\":\"other-flag\",\"variation\":0}]");
        for (int i = 0; i < prerequisites.size(); i++) {
            String at = "prerequisites[" + i + "]";
            JsonNode prerequisite = prerequisites.get(i);
            String key = prerequisite.path("key").asText("");
            if (!flagKeys.contains(key) || key.equals(self)) {
                throw new IllegalArgumentException(at + ".key: " + (key.equals(self) ? "a flag cannot be its own"
                        + " prerequisite" : "there is no flag \"" + key + "\" in this environment"));
            }
            if (!prerequisite.path("variation").isInt() || prerequisite.path("variation").asInt() < 0) {
                throw new IllegalArgumentException(at + ".variation must be the number of one of " + key
                        + "'s variations");
            }
        }
        return new TargetingEdit(targets, rules, prerequisites);
    }

    private static void checkRule(JsonNode rule, String at, int variationCount) {
        if (!(rule.path("clauses") instanceof ArrayNode clauses) || clauses.isEmpty()) {
            throw new IllegalArgumentException(at + ".clauses must be an array with at least one clause");
        }
        for (int c = 0; c < clauses.size(); c++) {
            String clauseAt = at + ".clauses[" + c + "]";
            JsonNode clause = clauses.get(c);
            if (!clause.path("attribute").isTextual() || clause.path("attribute").asText().isEmpty()) {
                throw new IllegalArgumentException(clauseAt + ".attribute must name a context attribute, e.g. \"email\"");
            }
            String op = clause.path("op").asText("");
            if (!OPERATORS.contains(op)) {
                throw new IllegalArgumentException(clauseAt + ".op: \"" + op + "\" is not an operator the evaluator"
                        + " supports (" + String.join(", ", OPERATORS.stream().sorted().toList()) + ")");
            }
            if (!(clause.path("values") instanceof ArrayNode)) {
                throw new IllegalArgumentException(clauseAt + ".values must be an array");
            }
            if (clause.has("negate") && !clause.path("negate").isBoolean()) {
                throw new IllegalArgumentException(clauseAt + ".negate must be true or false");
            }
        }
        if (rule.has("rollout")) {
            VariationEdit.checkRollout(rule.path("rollout"), variationCount, at);
        } else {
            VariationEdit.index(rule.path("variation").asText(null), at, variationCount);
        }
    }

    /** The flag with only the fields that differ from {@code loaded} changed (all of them when null). */
    public ObjectNode applyChangesTo(ObjectNode flag, TargetingEdit loaded) {
        ObjectNode copy = flag.deepCopy();
        if (loaded == null || !targets.equals(loaded.targets)) {
            copy.set("targets", targets);
        }
        if (loaded == null || !rules.equals(loaded.rules)) {
            copy.set("rules", rules);
        }
        if (loaded == null || !prerequisites.equals(loaded.prerequisites)) {
            copy.set("prerequisites", prerequisites);
        }
        return copy;
    }

    private static ArrayNode array(String text, String field, String example) {
        String trimmed = text == null || text.isBlank() ? "[]" : text.trim();
        JsonNode node;
        try {
            node = Json.mapper().readTree(trimmed);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(field + " must be a JSON array, e.g. " + example + ": "
                    + e.getOriginalMessage());
        }
        if (!(node instanceof ArrayNode array)) {
            throw new IllegalArgumentException(field + " must be a JSON array, e.g. " + example);
        }
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isObject()) {
                throw new IllegalArgumentException(field + "[" + i + "] must be a JSON object");
            }
        }
        return array;
    }

    private static boolean allText(ArrayNode values) {
        for (JsonNode v : values) {
            if (!v.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
