package io.relayconsole.store.dynamodb;

import io.relayconsole.store.DroppedItem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.FileData;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.testing.SdkProcess;
import io.relayconsole.testing.SdkProcess.Evaluation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Proof that what the store writes is what LaunchDarkly SDKs read in daemon mode: the legacy Node SDK with its
 * DynamoDB integration reads the table (no cache) and evaluates rules, a rollout, a segment and a prerequisite.
 */
class DynamoDbDaemonModeTest {
    private static final String PREFIX = "daemon";

    /** A small, realistic data set in the form LaunchDarkly sends it (and FileData reads it). */
    private static final String DATA = """
            {"flags":{
              "email-flag":{"key":"email-flag","version":3,"on":true,"salt":"email-salt",
                "variations":[true,false],"offVariation":1,"fallthrough":{"variation":1},
                "targets":[],"prerequisites":[],"trackEvents":false,"trackEventsFallthrough":false,
                "rules":[{"id":"email-rule","variation":0,"trackEvents":false,
                  "clauses":[{"attribute":"email","op":"endsWith","values":["@example.com"],"negate":false}]}]},
              "rollout-flag":{"key":"rollout-flag","version":1,"on":true,"salt":"rollout-salt",
                "variations":["a","b"],"offVariation":0,"targets":[],"rules":[],"prerequisites":[],
                "fallthrough":{"rollout":{"variations":[{"variation":0,"weight":50000},{"variation":1,"weight":50000}]}}},
              "segment-flag":{"key":"segment-flag","version":5,"on":true,"salt":"segment-salt",
                "variations":["beta","standard"],"offVariation":1,"fallthrough":{"variation":1},
                "targets":[],"prerequisites":[],
                "rules":[{"id":"segment-rule","variation":0,
                  "clauses":[{"attribute":"segmentMatch","op":"segmentMatch","values":["beta-testers"],"negate":false}]}]},
              "prereq-flag":{"key":"prereq-flag","version":2,"on":true,"salt":"prereq-salt",
                "variations":["unlocked","locked"],"offVariation":1,"fallthrough":{"variation":0},
                "targets":[],"rules":[],"prerequisites":[{"key":"email-flag","variation":0}]}
            },
            "segments":{
              "beta-testers":{"key":"beta-testers","version":4,"salt":"beta-salt",
                "included":["carol"],"excluded":[],
                "rules":[{"id":"plan-rule","clauses":[{"attribute":"plan","op":"in","values":["enterprise"],"negate":false}]}]}
            }}""";

    private static DynaliteServer server;
    private static String table;
    private static DynamoDbDataStore store;
    private static SdkProcess node;

    @BeforeAll
    static void start() throws Exception {
        server = new DynaliteServer();
        table = DynaliteServer.newTableName();
        server.createTable(table);
        store = new DynamoDbDataStore(server.options(table).prefix(PREFIX).build());
        node = SdkProcess.legacyNodeDynamoDbReader(server.process.endpoint(), table, PREFIX);
        assertThat(node.isReady()).as("Node SDK ready: %s", node.readyError()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /**
     * An old-style user, the format of the legacy Node SDK: built-in attributes (email, country, ...) at the top,
     * others under "custom".
     */
    private static Map<String, Object> user(String key, String email, String plan) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("key", key);
        if (email != null) {
            user.put("email", email);
        }
        user.put("custom", Map.of("plan", plan));
        return user;
    }

    @Test
    void theNodeSdkEvaluatesWhatTheStoreWrote() throws Exception {
        server.raw.deleteItem(b -> b.tableName(table).key(Map.of(
                "namespace", AttributeValue.fromS(PREFIX + ":$inited"), "key", AttributeValue.fromS(PREFIX + ":$inited"))));
        assertThat(node.storeInitialized()).as("no $inited marker").isFalse();
        store.init(ItemParser.parseDataSet(DATA.getBytes(StandardCharsets.UTF_8)));
        assertThat(node.storeInitialized()).isTrue();

        var alice = user("alice", "alice@example.com", "enterprise");
        var bob = user("bob", "bob@test.org", "free");
        var carol = user("carol", "carol@example.com", "pro");
        List<JsonNode> results = node.values(List.of(
                new Evaluation("email-flag", alice, false),
                new Evaluation("email-flag", bob, true),
                new Evaluation("segment-flag", alice, "default"), // segment rule: plan enterprise
                new Evaluation("segment-flag", bob, "default"),
                new Evaluation("segment-flag", carol, "default"), // segment: included by key
                new Evaluation("prereq-flag", carol, "default"),
                new Evaluation("prereq-flag", bob, "default"),
                new Evaluation("missing-flag", bob, "fallback")));
        assertThat(results).extracting(JsonNode::asText).containsExactly(
                "true", "false", "beta", "standard", "beta", "unlocked", "locked", "fallback");
    }

    @Test
    void theRolloutBucketsUsersAsTheJavaSdkDoes() throws Exception {
        store.init(ItemParser.parseDataSet(DATA.getBytes(StandardCharsets.UTF_8)));
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            evaluations.add(new Evaluation("rollout-flag", user("user-" + i, null, "free"), "default"));
        }
        List<String> fromNode = node.values(evaluations).stream().map(JsonNode::asText).toList();

        List<String> fromJava = new ArrayList<>();
        Path file = Files.createTempFile("flags-", ".json");
        Files.writeString(file, DATA);
        LDConfig config = new LDConfig.Builder()
                .dataSource(FileData.dataSource().filePaths(file))
                .events(Components.noEvents())
                .diagnosticOptOut(true)
                .build();
        try (LDClient java = new LDClient("sdk-file-data", config)) {
            for (int i = 0; i < 30; i++) {
                fromJava.add(java.stringVariation("rollout-flag", LDContext.builder("user-" + i).set("plan", "free")
                        .build(), "default"));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(fromNode).isEqualTo(fromJava);
        Set<String> seen = new HashSet<>(fromNode);
        assertThat(seen).as("a 50/50 rollout over 30 users gives both variations").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void updatesDeletionsAndDroppedItemsAreSeenOnTheNextEvaluation() throws Exception {
        store.init(ItemParser.parseDataSet(DATA.getBytes(StandardCharsets.UTF_8)));
        var alice = user("alice", "alice@example.com", "enterprise");

        // Switch the flag off: its off variation (false) is served, and the prerequisite fails with it.
        String off = DATA.substring(DATA.indexOf("{\"key\":\"email-flag\""), DATA.indexOf(",\n  \"rollout-flag\""))
                .replace("\"version\":3,\"on\":true", "\"version\":4,\"on\":false");
        assertThat(store.upsert(DataKind.FEATURES, ItemParser.parseItem(off.getBytes(StandardCharsets.UTF_8), "email-flag")))
                .isTrue();
        assertThat(store.upsert(DataKind.FEATURES, Item.tombstone("segment-flag", 6))).isTrue();
        Item huge = ItemParser.parseItem(("{\"key\":\"huge-flag\",\"version\":1,\"on\":true,\"variations\":[\"big\"],"
                + "\"fallthrough\":{\"variation\":0},\"salt\":\"" + "x".repeat(400_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8), "huge-flag");
        assertThat(store.upsert(DataKind.FEATURES, huge)).isFalse();

        List<JsonNode> results = node.values(List.of(
                new Evaluation("email-flag", alice, true),
                new Evaluation("prereq-flag", alice, "default"),
                new Evaluation("segment-flag", alice, "deleted"),
                new Evaluation("huge-flag", alice, "dropped")));
        assertThat(results).extracting(JsonNode::asText).containsExactly("false", "locked", "deleted", "dropped");
        assertThat(store.droppedItems()).extracting(DroppedItem::key).containsExactly("huge-flag");
    }
}
