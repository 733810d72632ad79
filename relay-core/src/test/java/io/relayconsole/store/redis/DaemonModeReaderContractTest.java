package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.testing.RedisServerExtension;
import io.relayconsole.testing.SdkProcess;
import io.relayconsole.testing.SdkProcess.Answer;
import io.relayconsole.testing.SdkProcess.Evaluation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The daemon-mode proof: a real LaunchDarkly SDK, configured with its own Redis store, reads what
 * {@link RedisDataStore} wrote and evaluates rules, rollouts, segments and prerequisites from it. Subclasses say
 * which SDK.
 */
abstract class DaemonModeReaderContractTest {
    static final String PREFIX = "daemon-env";
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    /** Starts the SDK reading Redis on {@code port} with key prefix {@code prefix}. */
    protected abstract SdkProcess startReader(int port, String prefix);

    @Test
    void theSdkEvaluatesWhatTheStoreWrote() {
        try (RedisDataStore store = new RedisDataStore(RedisStoreOptions.builder().url(redis.url()).prefix(PREFIX).build())) {
            store.init(sampleData());
            store.upsert(DataKind.FEATURES, Item.tombstone("doomed", 2));
            store.upsert(DataKind.FEATURES, RedisDataStoreLayoutTest.item("late-flag", flag("late-flag", 1,
                    "\"on\":false,\"offVariation\":0,\"variations\":[\"late\"]")));
        }

        try (SdkProcess sdk = startReader(redis.port(), PREFIX)) {
            assertThat(sdk.isReady()).as("SDK ready: %s", sdk.readyError()).isTrue();

            List<Evaluation> requests = new ArrayList<>(List.of(
                    new Evaluation("email-rule", alice(), "default"),
                    new Evaluation("email-rule", bob(), "default"),
                    new Evaluation("prereq-flag", alice(), "default"),
                    new Evaluation("prereq-flag", bob(), "default"),
                    new Evaluation("segment-flag", carol(), "default"),
                    new Evaluation("segment-flag", bob(), "default"),
                    new Evaluation("doomed", alice(), "fallback"),
                    new Evaluation("late-flag", alice(), "default")));
            List<Object> expected = new ArrayList<>(List.of(true, false, "granted", "denied", "beta", "outsider", "fallback", "late"));
            for (int i = 0; i < 20; i++) {
                requests.add(new Evaluation("rollout", user("user-" + i), "default"));
                expected.add(rolloutVariation("rollout", "rollout-salt", "user-" + i) == 0 ? "a" : "b");
            }

            List<Answer> answers = sdk.evaluate(requests);
            for (int i = 0; i < requests.size(); i++) {
                JsonNode value = answers.get(i).value();
                Object actual = value.isBoolean() ? value.asBoolean() : value.asText();
                assertThat(actual).as("%s for %s (reason %s)", requests.get(i).flag(), requests.get(i).context(), answers.get(i).reason())
                        .isEqualTo(expected.get(i));
            }
            assertThat(expected.subList(8, expected.size())).as("the rollout splits the users").contains("a", "b");
        }
    }

    static FullDataSet sampleData() {
        Map<String, Item> segments = new LinkedHashMap<>();
        segments.put("beta-users", RedisDataStoreLayoutTest.item("beta-users", "{\"key\":\"beta-users\",\"version\":2,"
                + "\"included\":[\"carol\"],\"excluded\":[],\"includedContexts\":[],\"excludedContexts\":[],\"rules\":[],"
                + "\"salt\":\"beta-salt\",\"deleted\":false}"));
        Map<String, Item> flags = new LinkedHashMap<>();
        flags.put("email-rule", RedisDataStoreLayoutTest.item("email-rule", flag("email-rule", 3,
                "\"on\":true,\"rules\":[{\"id\":\"r1\",\"clauses\":[{\"contextKind\":\"user\",\"attribute\":\"email\","
                        + "\"op\":\"endsWith\",\"values\":[\"@example.com\"],\"negate\":false}],\"variation\":1,\"trackEvents\":false}],"
                        + "\"fallthrough\":{\"variation\":0},\"offVariation\":0,\"variations\":[false,true]")));
        flags.put("prereq-flag", RedisDataStoreLayoutTest.item("prereq-flag", flag("prereq-flag", 1,
                "\"on\":true,\"prerequisites\":[{\"key\":\"email-rule\",\"variation\":1}],"
                        + "\"fallthrough\":{\"variation\":1},\"offVariation\":0,\"variations\":[\"denied\",\"granted\"]")));
        flags.put("segment-flag", RedisDataStoreLayoutTest.item("segment-flag", flag("segment-flag", 1,
                "\"on\":true,\"rules\":[{\"id\":\"r1\",\"clauses\":[{\"attribute\":\"segmentMatch\",\"op\":\"segmentMatch\","
                        + "\"values\":[\"beta-users\"],\"negate\":false}],\"variation\":1,\"trackEvents\":false}],"
                        + "\"fallthrough\":{\"variation\":0},\"offVariation\":0,\"variations\":[\"outsider\",\"beta\"]")));
        flags.put("rollout", RedisDataStoreLayoutTest.item("rollout", flag("rollout", 5,
                "\"on\":true,\"fallthrough\":{\"rollout\":{\"variations\":[{\"variation\":0,\"weight\":50000},"
                        + "{\"variation\":1,\"weight\":50000}]}},\"offVariation\":0,\"variations\":[\"a\",\"b\"],"
                        + "\"salt\":\"rollout-salt\"")));
        flags.put("doomed", RedisDataStoreLayoutTest.item("doomed", flag("doomed", 1,
                "\"on\":true,\"fallthrough\":{\"variation\":0},\"offVariation\":0,\"variations\":[\"alive\"]")));
        return FullDataSet.of(flags, segments);
    }

    /** A flag with every array property present (some SDKs require them) plus {@code body}'s properties. */
    static String flag(String key, long version, String body) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("prerequisites", "[]");
        defaults.put("targets", "[]");
        defaults.put("contextTargets", "[]");
        defaults.put("rules", "[]");
        defaults.put("salt", "\"" + key + "-salt\"");
        StringBuilder json = new StringBuilder("{\"key\":\"" + key + "\",\"version\":" + version + "," + body);
        defaults.forEach((name, value) -> {
            if (!body.contains("\"" + name + "\":")) {
                json.append(",\"").append(name).append("\":").append(value);
            }
        });
        return json.append(",\"trackEvents\":false,\"trackEventsFallthrough\":false,\"clientSide\":false,\"deleted\":false}").toString();
    }

    /** LaunchDarkly's bucketing (SHA-1 of "flag.salt.key", first 15 hex digits) for a 50/50 rollout by key. */
    static int rolloutVariation(String flagKey, String salt, String contextKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((flagKey + "." + salt + "." + contextKey).getBytes(StandardCharsets.UTF_8));
            long value = Long.parseLong(HexFormat.of().formatHex(digest).substring(0, 15), 16);
            return value / (double) 0xFFFFFFFFFFFFFFFL < 0.5 ? 0 : 1;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, Object> user(String key) {
        return Map.of("kind", "user", "key", key);
    }

    static Map<String, Object> alice() {
        return Map.of("kind", "user", "key", "alice", "email", "alice@example.com");
    }

    static Map<String, Object> bob() {
        return Map.of("kind", "user", "key", "bob", "email", "bob@test.org");
    }

    static Map<String, Object> carol() {
        return Map.of("kind", "user", "key", "carol", "email", "carol@internal.example.com");
    }
}
