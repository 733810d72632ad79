package io.relayconsole.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryDataStoreTest {

    private static Item flag(String key, long version) {
        String json = "{\"key\":\"" + key + "\",\"version\":" + version + "}";
        return Item.of(key, version, false, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void appliesOnlyStrictlyNewerVersionsAndKeepsTombstones() {
        InMemoryDataStore store = new InMemoryDataStore();
        assertThat(store.isInitialized()).isFalse();
        store.init(FullDataSet.of(Map.of("a", flag("a", 2)), Map.of()));
        assertThat(store.isInitialized()).isTrue();

        assertThat(store.upsert(DataKind.FEATURES, flag("a", 2))).isFalse();
        assertThat(store.upsert(DataKind.FEATURES, flag("a", 1))).isFalse();
        assertThat(store.upsert(DataKind.FEATURES, flag("a", 3))).isTrue();
        assertThat(store.upsert(DataKind.FEATURES, Item.tombstone("a", 4))).isTrue();
        assertThat(store.upsert(DataKind.FEATURES, flag("a", 4))).isFalse(); // no resurrection at the same version

        assertThat(store.get(DataKind.FEATURES, "a").deleted()).isTrue();
        assertThat(store.getAll(DataKind.SEGMENTS)).isEmpty();
    }

    @Test
    void unchangedDataIsTheSameInstanceSoPayloadsCanBeShared() {
        InMemoryDataStore store = new InMemoryDataStore();
        store.init(FullDataSet.of(Map.of("a", flag("a", 1)), Map.of()));
        FullDataSet first = store.getAllData();
        assertThat(store.getAllData()).isSameAs(first);
        store.upsert(DataKind.FEATURES, flag("a", 2));
        assertThat(store.getAllData()).isNotSameAs(first);
        assertThat(first.flags().get("a").version()).isEqualTo(1); // old snapshot untouched
    }
}
