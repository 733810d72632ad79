package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.testing.RedisServerExtension;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the store leaves in Redis, read back with redis-cli: the exact keys and values daemon-mode SDKs read. */
class RedisDataStoreLayoutTest {
    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();
    private RedisDataStore store;

    @AfterEach
    void cleanUp() {
        if (store != null) {
            store.close();
        }
        redis.flushAll();
    }

    private RedisDataStore open(RedisStoreOptions.Builder options) {
        store = new RedisDataStore(options.build());
        return store;
    }

    static Item item(String key, String json) {
        try {
            return ItemParser.parseItem(json.getBytes(StandardCharsets.UTF_8), key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void initWritesTheTwoHashesAndTheInitedMarkerUnderTheDefaultPrefix() {
        String flagJson = "{\"key\":\"f1\",\"version\":7,\"on\":true,\"variations\":[\"ü\",2]}";
        String segmentJson = "{\"key\":\"s1\",\"version\":3,\"included\":[\"u\"]}";
        open(RedisStoreOptions.builder().url(redis.url()))
                .init(FullDataSet.of(Map.of("f1", item("f1", flagJson)), Map.of("s1", item("s1", segmentJson))));

        assertThat(redis.cli("KEYS", "*").lines().sorted())
                .containsExactly("launchdarkly:$inited", "launchdarkly:features", "launchdarkly:segments");
        assertThat(redis.cli("TYPE", "launchdarkly:features")).isEqualTo("hash");
        assertThat(redis.cli("TYPE", "launchdarkly:segments")).isEqualTo("hash");
        assertThat(redis.cli("TYPE", "launchdarkly:$inited")).isEqualTo("string");
        assertThat(redis.cli("STRLEN", "launchdarkly:$inited")).isEqualTo("0");
        assertThat(redis.cli("HGETALL", "launchdarkly:features")).isEqualTo("f1\n" + flagJson);
        assertThat(redis.cli("HGET", "launchdarkly:segments", "s1")).isEqualTo(segmentJson);
    }

    @Test
    void aCustomPrefixIsFollowedByAColon() {
        open(RedisStoreOptions.builder().url(redis.url()).prefix("env-a")).init(FullDataSet.of(Map.of(), Map.of()));
        assertThat(redis.cli("EXISTS", "env-a:$inited")).isEqualTo("1");
        assertThat(redis.cli("EXISTS", "launchdarkly:$inited")).isEqualTo("0");
    }

    @Test
    void aDeletionIsStoredAsATombstoneEverySdkReads() {
        RedisDataStore store = open(RedisStoreOptions.builder().url(redis.url()));
        store.init(FullDataSet.of(Map.of("f1", item("f1", "{\"key\":\"f1\",\"version\":1}")), Map.of()));
        store.upsert(DataKind.FEATURES, Item.tombstone("f1", 2));
        assertThat(redis.cli("HGET", "launchdarkly:features", "f1")).isEqualTo("{\"key\":\"f1\",\"version\":2,\"deleted\":true}");
    }

    @Test
    void largeDataSetsAreWrittenCompletely() {
        Map<String, Item> flags = new LinkedHashMap<>();
        for (int i = 0; i < 2 * RedisDataStore.HSET_CHUNK_SIZE + 7; i++) {
            flags.put("flag-" + i, item("flag-" + i, "{\"key\":\"flag-" + i + "\",\"version\":" + i + "}"));
        }
        RedisDataStore store = open(RedisStoreOptions.builder().url(redis.url()));
        store.init(FullDataSet.of(flags, Map.of()));
        assertThat(redis.cli("HLEN", "launchdarkly:features")).isEqualTo(String.valueOf(flags.size()));
        assertThat(store.getAll(DataKind.FEATURES)).hasSize(flags.size());
        assertThat(store.get(DataKind.FEATURES, "flag-1006").version()).isEqualTo(1006);
    }

    @Test
    void itemsWrittenByOtherSdksAreRead() {
        // Java/Node SDK tombstones carry no key; Go's carry "$deleted".
        redis.cli("HSET", "launchdarkly:features", "java-deleted", "{\"version\":4,\"deleted\":true}");
        redis.cli("HSET", "launchdarkly:features", "go-deleted", "{\"key\":\"$deleted\",\"version\":5,\"deleted\":true}");
        redis.cli("HSET", "launchdarkly:features", "live", "{\"key\":\"live\",\"version\":6,\"on\":false}");
        RedisDataStore store = open(RedisStoreOptions.builder().url(redis.url()));

        Map<String, Item> all = store.getAll(DataKind.FEATURES);
        assertThat(all.get("java-deleted").deleted()).isTrue();
        assertThat(all.get("java-deleted").version()).isEqualTo(4);
        assertThat(all.get("go-deleted").deleted()).isTrue();
        assertThat(all.get("live").jsonString()).isEqualTo("{\"key\":\"live\",\"version\":6,\"on\":false}");
        assertThat(store.upsert(DataKind.FEATURES, Item.tombstone("go-deleted", 5))).isFalse();
    }

    @Test
    void anUnreadableStoredValueIsSkippedAndCanBeRepairedByAnUpdate() {
        redis.cli("HSET", "launchdarkly:features", "broken", "not json");
        redis.cli("HSET", "launchdarkly:features", "ok", "{\"key\":\"ok\",\"version\":1}");
        RedisDataStore store = open(RedisStoreOptions.builder().url(redis.url()));

        assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("ok");
        assertThat(store.get(DataKind.FEATURES, "broken")).isNull();
        assertThat(store.upsert(DataKind.FEATURES, item("broken", "{\"key\":\"broken\",\"version\":1}"))).isTrue();
        assertThat(store.get(DataKind.FEATURES, "broken").version()).isEqualTo(1);
    }

    @Test
    void describesItselfWithServerAndPrefix() {
        RedisDataStore store = open(RedisStoreOptions.builder().host("127.0.0.1").port(redis.port()).prefix("p"));
        assertThat(store.description().database()).isEqualTo("redis");
        assertThat(store.description().dbServer()).isEqualTo("redis://127.0.0.1:" + redis.port());
        assertThat(store.description().dbPrefix()).isEqualTo("p");
    }
}
