package io.relayconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.StoreException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDatabaseTest {
    private static final Item FLAG = Item.of("f", 3, false, "{\"key\":\"f\",\"version\":3}".getBytes());

    private static FullDataSet oneFlag() {
        return FullDataSet.ofFrozen(Map.of("f", FLAG), Map.of());
    }

    @Test
    void isAPersistentStoreWhoseDataOutlivesItsConnections() {
        DemoDatabase database = new DemoDatabase();
        try (DataStore first = database.connect("env")) {
            assertThat(first.description().isPersistent()).isTrue();
            assertThat(first.description().database()).isEqualTo("demo");
            first.init(oneFlag());
        }

        try (DataStore second = database.connect("env")) {
            assertThat(second.isInitialized()).isTrue();
            assertThat(second.get(DataKind.FEATURES, "f").version()).isEqualTo(3);
        }
        assertThat(database.connect("other").isInitialized()).isFalse();
    }

    @Test
    void whileDownEveryOperationFailsAndTheDataIsBackWhenUp() {
        DemoDatabase database = new DemoDatabase();
        DataStore store = database.connect("env");
        store.init(oneFlag());

        database.takeDown();

        assertThat(store.isAvailable()).isFalse();
        assertThatThrownBy(store::getAllData).isInstanceOf(StoreException.class).hasMessageContaining("down");
        assertThatThrownBy(() -> store.upsert(DataKind.FEATURES, FLAG)).isInstanceOf(StoreException.class);

        database.bringUp();

        assertThat(store.isAvailable()).isTrue();
        assertThat(store.getAllData().flags()).containsKey("f");
    }

    @Test
    void aConnectionNeedsAPrefix() {
        assertThatThrownBy(() -> new DemoDatabase().connect(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
