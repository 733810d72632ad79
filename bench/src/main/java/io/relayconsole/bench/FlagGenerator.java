package io.relayconsole.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Flags shaped like a real project's, not empty objects: individual and context targets, rules with several
 * clauses and operators, segment matches, percentage rollouts with seeds, prerequisites, several variation
 * types. About 1 KB of JSON per flag on average. Deterministic for a given seed, so both sides of a comparison
 * get the same bytes.
 */
public final class FlagGenerator {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] OPS = {"in", "endsWith", "startsWith", "matches", "contains", "lessThan",
        "greaterThan", "semVerGreaterThan", "before", "after"};
    private static final String[] ATTRIBUTES = {"email", "country", "plan", "appVersion", "beta", "region",
        "createdAt", "tenant"};
    private static final String[] KINDS = {"user", "user", "user", "organization", "device"};

    private final Random random;

    public FlagGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code flagCount} flags and one segment per 20 flags (rules refer to them). */
    public static FullDataSet dataSet(int flagCount, long seed) {
        FlagGenerator generator = new FlagGenerator(seed);
        int segmentCount = Math.max(1, flagCount / 20);
        Map<String, Item> segments = new LinkedHashMap<>();
        for (int i = 0; i < segmentCount; i++) {
            Item segment = generator.segment("segment-" + i);
            segments.put(segment.key(), segment);
        }
        Map<String, Item> flags = new LinkedHashMap<>();
        for (int i = 0; i < flagCount; i++) {
            Item flag = generator.flag("flag-" + i, i, segmentCount);
            flags.put(flag.key(), flag);
        }
        return FullDataSet.of(Map.of(DataKind.FEATURES, flags, DataKind.SEGMENTS, segments));
    }

    /** The JSON of one flag of about {@code targetBytes} (padded with more targets), for the patch measures. */
    public static String flagJson(String key, int version, int targetBytes) {
        FlagGenerator generator = new FlagGenerator(key.hashCode());
        ObjectNode flag = generator.flagNode(key, 7, 10);
        flag.put("version", version);
        ArrayNode values = (ArrayNode) flag.withArray("targets").get(0).get("values");
        while (write(flag).length < targetBytes) {
            values.add("user-" + generator.random.nextInt(1_000_000));
        }
        return new String(write(flag), java.nio.charset.StandardCharsets.UTF_8);
    }

    Item flag(String key, int index, int segmentCount) {
        ObjectNode node = flagNode(key, index, segmentCount);
        return Item.of(key, node.get("version").asLong(), false, write(node));
    }

    private ObjectNode flagNode(String key, int index, int segmentCount) {
        ObjectNode flag = F.objectNode();
        flag.put("key", key);
        flag.put("version", 1 + random.nextInt(400));
        flag.put("on", random.nextInt(10) > 1);
        ArrayNode prerequisites = flag.putArray("prerequisites");
        if (index > 0 && random.nextInt(8) == 0) {
            prerequisites.addObject().put("key", "flag-" + random.nextInt(index)).put("variation", 0);
        }
        flag.put("salt", UUID.nameUUIDFromBytes(key.getBytes()).toString().replace("-", ""));
        int variationCount = 2 + random.nextInt(3);
        ArrayNode variations = flag.putArray("variations");
        int type = random.nextInt(4);
        for (int v = 0; v < variationCount; v++) {
            switch (type) {
                case 0 -> variations.add(v % 2 == 0);
                case 1 -> variations.add("variant-" + (char) ('a' + v));
                case 2 -> variations.add(v * 25);
                default -> variations.addObject().put("color", "#" + Integer.toHexString(random.nextInt(0xffffff)))
                        .put("limit", random.nextInt(1000)).put("label", "tier " + v);
            }
        }
        if (type == 0) {
            while (variations.size() > 2) {
                variations.remove(variations.size() - 1);
            }
            variationCount = 2;
        }
        ArrayNode targets = flag.putArray("targets");
        ObjectNode target = targets.addObject();
        ArrayNode values = target.putArray("values");
        for (int t = 0, n = 1 + random.nextInt(6); t < n; t++) {
            values.add("user-" + random.nextInt(1_000_000));
        }
        target.put("variation", random.nextInt(variationCount));
        ArrayNode contextTargets = flag.putArray("contextTargets");
        if (random.nextBoolean()) {
            ObjectNode ct = contextTargets.addObject();
            ct.put("contextKind", "organization");
            ArrayNode ctValues = ct.putArray("values");
            for (int t = 0, n = 1 + random.nextInt(3); t < n; t++) {
                ctValues.add("org-" + random.nextInt(50_000));
            }
            ct.put("variation", random.nextInt(variationCount));
        }
        ArrayNode rules = flag.putArray("rules");
        for (int r = 0, n = random.nextInt(4); r < n; r++) {
            ObjectNode rule = rules.addObject();
            rule.put("id", UUID.nameUUIDFromBytes((key + r).getBytes()).toString());
            ArrayNode clauses = rule.putArray("clauses");
            for (int c = 0, m = 1 + random.nextInt(2); c < m; c++) {
                clauses.add(clause(segmentCount));
            }
            if (random.nextInt(3) == 0) {
                rule.set("rollout", rollout(variationCount));
            } else {
                rule.put("variation", random.nextInt(variationCount));
            }
            rule.put("trackEvents", false);
        }
        ObjectNode fallthrough = flag.putObject("fallthrough");
        if (random.nextBoolean()) {
            fallthrough.set("rollout", rollout(variationCount));
        } else {
            fallthrough.put("variation", random.nextInt(variationCount));
        }
        flag.put("offVariation", 0);
        flag.putObject("clientSideAvailability").put("usingMobileKey", random.nextBoolean())
                .put("usingEnvironmentId", random.nextInt(4) == 0);
        flag.put("clientSide", false);
        flag.put("trackEvents", random.nextInt(10) == 0);
        flag.put("trackEventsFallthrough", false);
        flag.putNull("debugEventsUntilDate");
        flag.put("deleted", false);
        return flag;
    }

    private ObjectNode clause(int segmentCount) {
        ObjectNode clause = F.objectNode();
        if (random.nextInt(5) == 0) {
            clause.put("contextKind", "");
            clause.put("attribute", "");
            clause.put("op", "segmentMatch");
            clause.putArray("values").add("segment-" + random.nextInt(segmentCount));
        } else {
            clause.put("contextKind", KINDS[random.nextInt(KINDS.length)]);
            clause.put("attribute", ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
            clause.put("op", OPS[random.nextInt(OPS.length)]);
            ArrayNode values = clause.putArray("values");
            for (int v = 0, n = 1 + random.nextInt(4); v < n; v++) {
                values.add(random.nextBoolean() ? "@example" + random.nextInt(100) + ".com"
                        : "value-" + random.nextInt(10_000));
            }
        }
        clause.put("negate", random.nextInt(6) == 0);
        return clause;
    }

    private ObjectNode rollout(int variationCount) {
        ObjectNode rollout = F.objectNode();
        ArrayNode weighted = rollout.putArray("variations");
        int remaining = 100_000;
        for (int v = 0; v < variationCount; v++) {
            int weight = v == variationCount - 1 ? remaining : random.nextInt(remaining + 1);
            remaining -= weight;
            weighted.addObject().put("variation", v).put("weight", weight);
        }
        rollout.put("bucketBy", "key");
        if (random.nextBoolean()) {
            rollout.put("seed", random.nextInt(Integer.MAX_VALUE));
        }
        rollout.put("contextKind", "user");
        return rollout;
    }

    Item segment(String key) {
        ObjectNode segment = F.objectNode();
        segment.put("key", key);
        segment.put("version", 1 + random.nextInt(50));
        ArrayNode included = segment.putArray("included");
        for (int i = 0, n = random.nextInt(12); i < n; i++) {
            included.add("user-" + random.nextInt(1_000_000));
        }
        ArrayNode excluded = segment.putArray("excluded");
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            excluded.add("user-" + random.nextInt(1_000_000));
        }
        segment.putArray("includedContexts");
        segment.putArray("excludedContexts");
        ArrayNode rules = segment.putArray("rules");
        if (random.nextBoolean()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", UUID.nameUUIDFromBytes(key.getBytes()).toString());
            ArrayNode clauses = rule.putArray("clauses");
            clauses.addObject().put("contextKind", "user").put("attribute", "email").put("op", "endsWith")
                    .put("negate", false).putArray("values").add("@example.com");
        }
        segment.put("salt", UUID.nameUUIDFromBytes((key + "salt").getBytes()).toString().replace("-", ""));
        segment.put("deleted", false);
        return Item.of(key, segment.get("version").asLong(), false, write(segment));
    }

    private static byte[] write(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Plain keys of a data set's flags, for callers that list what they wrote. */
    public static List<String> keys(FullDataSet data, DataKind kind) {
        return new ArrayList<>(data.get(kind).keySet());
    }
}
