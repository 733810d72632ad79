package io.relayconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every store must do, whatever its backend. Each backend's test subclasses this and says how to make a
 * store with a given prefix over one shared, empty database.
 */
public abstract class DataStoreContractTest {
    private final List<DataStore> opened = new ArrayList<>();

    /** A store over the test database; stores with different prefixes must not see each other's data. */
    protected abstract DataStore createStore(String prefix);

    /** Empties the test database between tests. */
    protected abstract void clearDatabase();

    protected final DataStore open(String prefix) {
        DataStore store = createStore(prefix);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(DataStore::close);
        opened.clear();
        clearDatabase();
    }

    protected static Item flag(String key, long version) {
        return item(key, version, "{\"key\":\"" + key + "\",\"version\":" + version
                + ",\"on\":true,\"variations\":[true,false],\"unknownField\":{\"kept\":\"é\"}}");
    }

    protected static Item segment(String key, long version) {
        return item(key, version, "{\"key\":\"" + key + "\",\"version\":" + version + ",\"included\":[\"a\"]}");
    }

    private static Item item(String key, long version, String json) {
        try {
            return ItemParser.parseItem(json.getBytes(StandardCharsets.UTF_8), key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static FullDataSet data(Item... flags) {
        Map<String, Item> map = new LinkedHashMap<>();
        for (Item f : flags) {
            map.put(f.key(), f);
        }
        return FullDataSet.of(map, Map.of("seg", segment("seg", 1)));
    }

    @Test
    void anEmptyDatabaseIsNotInitialized() {
        DataStore store = open("contract");
        assertThat(store.isInitialized()).isFalse();
        assertThat(store.get(DataKind.FEATURES, "nothing")).isNull();
        assertThat(store.getAll(DataKind.FEATURES)).isEmpty();
        assertThat(store.isAvailable()).isTrue();
    }

    @Test
    void initStoresEveryItemWithItsExactJson() {
        DataStore store = open("contract");
        Item a = flag("a", 3);
        store.init(data(a, flag("b", 1)));

        assertThat(store.isInitialized()).isTrue();
        assertThat(store.get(DataKind.FEATURES, "a").jsonString()).isEqualTo(a.jsonString());
        assertThat(store.get(DataKind.FEATURES, "a").version()).isEqualTo(3);
        assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("a", "b");
        assertThat(store.getAll(DataKind.SEGMENTS)).containsOnlyKeys("seg");
        assertThat(store.getAllData().flags().get("b").version()).isEqualTo(1);
    }

    @Test
    void initReplacesWhatWasThere() {
        DataStore store = open("contract");
        store.init(data(flag("old", 1)));
        store.init(data(flag("new", 1)));
        assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("new");
        assertThat(store.get(DataKind.FEATURES, "old")).isNull();
    }

    @Test
    void upsertAppliesOnlyStrictlyNewerVersions() {
        DataStore store = open("contract");
        store.init(data(flag("a", 5)));

        assertThat(store.upsert(DataKind.FEATURES, flag("a", 4))).isFalse();
        assertThat(store.upsert(DataKind.FEATURES, flag("a", 5))).isFalse();
        assertThat(store.get(DataKind.FEATURES, "a").version()).isEqualTo(5);

        assertThat(store.upsert(DataKind.FEATURES, flag("a", 6))).isTrue();
        assertThat(store.get(DataKind.FEATURES, "a").version()).isEqualTo(6);

        assertThat(store.upsert(DataKind.FEATURES, flag("new", 1))).isTrue();
        assertThat(store.upsert(DataKind.SEGMENTS, segment("seg", 2))).isTrue();
        assertThat(store.get(DataKind.SEGMENTS, "seg").version()).isEqualTo(2);
    }

    @Test
    void deletionsAreVersionedTombstones() {
        DataStore store = open("contract");
        store.init(data(flag("a", 1)));

        assertThat(store.upsert(DataKind.FEATURES, Item.tombstone("a", 2))).isTrue();
        Item stored = store.get(DataKind.FEATURES, "a");
        assertThat(stored.deleted()).isTrue();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(store.getAll(DataKind.FEATURES).get("a").deleted()).isTrue();

        // An older update cannot resurrect a deleted item.
        assertThat(store.upsert(DataKind.FEATURES, flag("a", 2))).isFalse();
        assertThat(store.get(DataKind.FEATURES, "a").deleted()).isTrue();
    }

    @Test
    void prefixesIsolateEnvironmentsEvenWhenOneIsAPrefixOfTheOther() {
        DataStore env1 = open("env1");
        DataStore env10 = open("env10");
        env10.init(data(flag("ten", 1)));
        env1.init(data(flag("one", 1)));
        env1.init(data(flag("one-again", 1)));

        assertThat(env10.getAll(DataKind.FEATURES)).containsOnlyKeys("ten");
        assertThat(env1.getAll(DataKind.FEATURES)).containsOnlyKeys("one-again");
        assertThat(env10.isInitialized()).isTrue();
    }

    @Test
    void concurrentWritersEndWithTheHighestVersion() throws Exception {
        DataStore first = open("contract");
        DataStore second = open("contract");
        first.init(data(flag("race", 0)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                DataStore store = writer % 2 == 0 ? first : second;
                int offset = writer;
                futures.add(pool.submit(() -> {
                    for (int v = 1 + offset; v <= 40; v += 4) {
                        store.upsert(DataKind.FEATURES, flag("race", v));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.get(DataKind.FEATURES, "race").version()).isEqualTo(40);
        assertThat(second.get(DataKind.FEATURES, "race").version()).isEqualTo(40);
    }

    @Test
    void describesItself() {
        assertThat(open("contract").description()).isNotNull();
    }
}
