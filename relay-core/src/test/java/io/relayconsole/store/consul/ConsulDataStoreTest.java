package io.relayconsole.store.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.store.StoreException;
import io.relayconsole.demo.consul.ConsulKvServer;
import io.relayconsole.demo.consul.KvEntry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kiwiproject.consul.Consul;
import org.kiwiproject.consul.KeyValueClient;

/** What is specific to Consul: the key layout SDKs read, batching, ACL tokens, and outages. */
class ConsulDataStoreTest {
    private static ConsulKvServer consul;
    private final List<ConsulDataStore> opened = new ArrayList<>();

    @BeforeAll
    static void startConsul() {
        consul = ConsulKvServer.startOnFreePort();
    }

    @AfterAll
    static void stopConsul() {
        consul.close();
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(ConsulDataStore::close);
        opened.clear();
        consul.requireAclToken(null);
        consul.start();
        consul.clear();
        consul.resetRequestLog();
    }

    private ConsulDataStore store(ConsulStoreOptions.Builder options) {
        ConsulDataStore store = new ConsulDataStore(options.build());
        opened.add(store);
        return store;
    }

    private ConsulDataStore store() {
        return store(ConsulStoreOptions.builder().url(consul.url()));
    }

    @Test
    void writesTheKeysEverySdkReadsUnderTheDefaultPrefix() {
        Item flag = item("{\"key\":\"my-flag\",\"version\":3,\"on\":true,\"extra\":{\"kept\":\"é\"}}", "my-flag");
        Item segment = item("{\"key\":\"beta\",\"version\":1,\"included\":[\"u\"]}", "beta");
        ConsulDataStore store = store();
        store.init(FullDataSet.of(Map.of("my-flag", flag), Map.of("beta", segment)));
        store.upsert(DataKind.FEATURES, Item.tombstone("gone", 4));

        Map<String, KvEntry> stored = consul.entries();
        assertThat(stored).containsOnlyKeys("launchdarkly/features/my-flag", "launchdarkly/segments/beta",
                "launchdarkly/features/gone", "launchdarkly/$inited");
        assertThat(text(stored.get("launchdarkly/features/my-flag"))).isEqualTo(flag.jsonString());
        assertThat(text(stored.get("launchdarkly/segments/beta"))).isEqualTo(segment.jsonString());
        assertThat(text(stored.get("launchdarkly/features/gone"))).isEqualTo("{\"key\":\"gone\",\"version\":4,\"deleted\":true}");
        assertThat(stored.get("launchdarkly/$inited").value()).isEmpty();
        assertThat(store.description().dbPrefix()).isEqualTo("launchdarkly");
    }

    @Test
    void readsItemsThatAnotherConsulClientWrote() {
        Consul other = Consul.builder().withUrl(consul.url()).build();
        try {
            KeyValueClient kv = other.keyValueClient();
            kv.putValue("team/features/from-elsewhere", "{\"key\":\"from-elsewhere\",\"version\":9,\"on\":false}");
            kv.putValue("team/$inited", "");
        } finally {
            other.destroy();
        }
        ConsulDataStore store = store(ConsulStoreOptions.builder().url(consul.url()).prefix("team"));

        assertThat(store.isInitialized()).isTrue();
        assertThat(store.get(DataKind.FEATURES, "from-elsewhere").version()).isEqualTo(9);
        assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("from-elsewhere");
    }

    @Test
    void initOfMoreThan64ItemsGoesInSeveralTransactionsOfAtMost64WithSegmentsFirstAndTheMarkerLast() {
        ConsulDataStore store = store();
        store.init(data(230, 20));

        List<Integer> sizes = consul.transactionSizes();
        assertThat(sizes).hasSizeGreaterThanOrEqualTo(4).allSatisfy(size -> assertThat(size).isBetween(1, 64));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(230 + 20 + 1);
        assertThat(store.getAll(DataKind.FEATURES)).hasSize(230);
        assertThat(store.getAll(DataKind.SEGMENTS)).hasSize(20);

        Map<String, KvEntry> stored = consul.entries();
        long lastSegment = maxIndex(stored, "launchdarkly/segments/");
        long firstFlag = stored.entrySet().stream().filter(e -> e.getKey().startsWith("launchdarkly/features/"))
                .mapToLong(e -> e.getValue().modifyIndex()).min().orElseThrow();
        assertThat(lastSegment).isLessThanOrEqualTo(firstFlag);
        assertThat(stored.get("launchdarkly/$inited").modifyIndex()).isEqualTo(maxIndex(stored, "launchdarkly/"));
    }

    @Test
    void reInitDeletesWhatTheNewDataNoLongerHasAcrossBatches() {
        ConsulDataStore store = store();
        store.init(data(150, 5));
        store.init(data(10, 0));

        assertThat(store.getAll(DataKind.FEATURES)).hasSize(10);
        assertThat(store.getAll(DataKind.SEGMENTS)).isEmpty();
        assertThat(consul.entries()).hasSize(11);
    }

    @Test
    void anItemTooBigForATransactionIsWrittenAloneAndOneOverConsulsValueLimitIsRefusedBeforeAnyWrite() {
        ConsulDataStore store = store();
        Item big = item("{\"key\":\"big\",\"version\":1,\"blob\":\"" + "x".repeat(450 * 1024) + "\"}", "big");
        store.init(FullDataSet.of(Map.of("big", big, "small", flag("small", 1)), Map.of()));
        assertThat(store.get(DataKind.FEATURES, "big").jsonString()).isEqualTo(big.jsonString());
        assertThat(store.isInitialized()).isTrue();

        consul.clear();
        Item tooBig = item("{\"key\":\"huge\",\"version\":1,\"blob\":\"" + "x".repeat(600 * 1024) + "\"}", "huge");
        assertThatThrownBy(() -> store.init(FullDataSet.of(Map.of("huge", tooBig, "small", flag("small", 1)), Map.of())))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("\"huge\"").hasMessageContaining("value limit");
        assertThat(consul.entries()).isEmpty();
    }

    @Test
    void anUnreadableStoredValueIsTreatedAsAbsentAndRepairedByTheNextUpsert() {
        ConsulDataStore store = store();
        store.init(FullDataSet.of(Map.of("ok", flag("ok", 1)), Map.of()));
        Consul other = Consul.builder().withUrl(consul.url()).build();
        try {
            other.keyValueClient().putValue("launchdarkly/features/broken", "not json");
        } finally {
            other.destroy();
        }

        assertThat(store.get(DataKind.FEATURES, "broken")).isNull();
        assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("ok");
        assertThat(store.upsert(DataKind.FEATURES, flag("broken", 1))).isTrue();
        assertThat(store.get(DataKind.FEATURES, "broken").version()).isEqualTo(1);
    }

    @Test
    void withAclsTheRightTokenWorksAndAWrongOrMissingOneFailsWithAClearMessage() {
        consul.requireAclToken("b1a2c3d4-token-secret");
        ConsulDataStore good = store(ConsulStoreOptions.builder().url(consul.url()).aclToken("b1a2c3d4-token-secret"));
        good.init(data(3, 1));
        assertThat(good.isInitialized()).isTrue();
        assertThat(good.upsert(DataKind.FEATURES, flag("flag0", 2))).isTrue();
        assertThat(good.getAll(DataKind.FEATURES)).hasSize(3);
        assertThat(good.isAvailable()).isTrue();

        ConsulDataStore wrong = store(ConsulStoreOptions.builder().url(consul.url()).aclToken("not-the-token-at-all"));
        assertThatThrownBy(() -> wrong.get(DataKind.FEATURES, "flag0"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("HTTP 403 ACL not found")
                .hasMessageContaining("check the configured ACL token")
                .hasMessageNotContaining("not-the-token-at-all");
        assertThatThrownBy(() -> wrong.init(data(1, 0))).isInstanceOf(StoreException.class);
        assertThat(wrong.isAvailable()).isFalse();

        ConsulDataStore none = store();
        assertThatThrownBy(none::isInitialized)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Permission denied")
                .hasMessageContaining("an ACL token is required");
        assertThat(good.getAll(DataKind.FEATURES)).hasSize(3);
    }

    @Test
    void theTokenNeverShowsInDescriptionsOrOptions() {
        ConsulDataStore store = store(ConsulStoreOptions.builder().url(consul.url()).aclToken("abcdef-0123456789-secret"));
        assertThat(store.description().database()).isEqualTo("consul");
        assertThat(store.description().dbServer()).isEqualTo(consul.url());
        assertThat(store.description().toString()).doesNotContain("0123456789");
        assertThat(store.options().toString()).doesNotContain("0123456789").endsWith("*ecret, connectTimeout=PT2S, requestTimeout=PT2S}");
        assertThat(store.toString()).doesNotContain("0123456789");
    }

    @Test
    void anOutageFailsFastWithStoreExceptionAndTheStoreRecoversWhenConsulReturns() {
        ConsulDataStore store = store();
        store.init(data(2, 1));
        consul.stop();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(store.isAvailable()).isFalse();
            assertThatThrownBy(() -> store.get(DataKind.FEATURES, "flag0"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("unreachable");
            assertThatThrownBy(store::isInitialized).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.upsert(DataKind.FEATURES, flag("flag0", 5))).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> store.init(data(1, 0))).isInstanceOf(StoreException.class);
        });

        consul.start();
        assertThat(store.isAvailable()).isTrue();
        assertThat(store.upsert(DataKind.FEATURES, flag("flag0", 5))).isTrue();
        assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("flag0", "flag1");
    }

    @Test
    void anAgentThatAcceptsButNeverAnswersIsReportedWithinTheRequestTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ConsulDataStore store = store(ConsulStoreOptions.builder().url("http://127.0.0.1:" + silent.getLocalPort())
                    .requestTimeout(Duration.ofMillis(300)));
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertThatThrownBy(() -> store.get(DataKind.FEATURES, "x"))
                        .isInstanceOf(StoreException.class).hasMessageContaining("did not answer within 300 ms");
                assertThat(store.isAvailable()).isFalse();
            });
        }
    }

    @Test
    void optionsValidateTheirInput() {
        assertThat(ConsulStoreOptions.builder().prefix("  ").build().prefix()).isEqualTo("launchdarkly");
        assertThat(ConsulStoreOptions.builder().prefix("env1/").build().prefix()).isEqualTo("env1");
        assertThat(ConsulStoreOptions.builder().build().url().toString()).isEqualTo("http://localhost:8500");
        assertThatThrownBy(() -> ConsulStoreOptions.builder().url("localhost:8500"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://host:8500");
        assertThatThrownBy(() -> ConsulStoreOptions.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConsulStoreOptions.builder().url("http://user:pw@consul.local:8500").build().displayUrl())
                .isEqualTo("http://consul.local:8500");
    }

    private static FullDataSet data(int flags, int segments) {
        Map<String, Item> flagMap = new LinkedHashMap<>();
        for (int i = 0; i < flags; i++) {
            flagMap.put("flag" + i, flag("flag" + i, 1));
        }
        Map<String, Item> segmentMap = new LinkedHashMap<>();
        for (int i = 0; i < segments; i++) {
            segmentMap.put("seg" + i, item("{\"key\":\"seg" + i + "\",\"version\":1}", "seg" + i));
        }
        return FullDataSet.of(flagMap, segmentMap);
    }

    private static Item flag(String key, long version) {
        return item("{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true}", key);
    }

    private static Item item(String json, String key) {
        try {
            return ItemParser.parseItem(json.getBytes(StandardCharsets.UTF_8), key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(KvEntry entry) {
        return new String(entry.value(), StandardCharsets.UTF_8);
    }

    private static long maxIndex(Map<String, KvEntry> stored, String prefix) {
        return stored.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().modifyIndex()).max().orElseThrow();
    }
}
