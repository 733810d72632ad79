package io.relayconsole.store.dynamodb;

import io.relayconsole.store.DroppedItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What only the DynamoDB store does: its exact layout, the 400 KB limit, batching, and the table lifecycle. */
class DynamoDbDataStoreTest {
    @RegisterExtension
    static final DynaliteExtension dynalite = new DynaliteExtension();
    private final List<DynamoDbDataStore> opened = new ArrayList<>();
    private String table;

    @BeforeEach
    void useFreshTable() {
        table = dynalite.table(); // a test may switch to a table it never creates
    }

    @AfterEach
    void closeStores() {
        opened.forEach(DynamoDbDataStore::close);
    }

    private DynamoDbDataStore store(String prefix) {
        DynamoDbDataStore store = new DynamoDbDataStore(dynalite.server().options(table).prefix(prefix).build());
        opened.add(store);
        return store;
    }

    @Test
    void writesTheLayoutDaemonModeSdksReadWithAPrefix() {
        Item flag = flag("my-flag", 7, "");
        store("p").init(FullDataSet.of(Map.of("my-flag", flag), Map.of("seg", segment("seg", 2))));

        Map<String, AttributeValue> stored = rawItem("p:features", "my-flag");
        assertThat(stored).containsOnlyKeys("namespace", "key", "version", "item");
        assertThat(stored.get("version").n()).isEqualTo("7");
        assertThat(stored.get("item").s()).isEqualTo(flag.jsonString());
        assertThat(rawItem("p:segments", "seg").get("version").n()).isEqualTo("2");

        Map<String, AttributeValue> marker = rawItem("p:$inited", "p:$inited");
        assertThat(marker).containsOnlyKeys("namespace", "key");
        assertThat(rawNamespaces()).containsExactlyInAnyOrder("p:features", "p:segments", "p:$inited");
    }

    @Test
    void withoutAPrefixTheNamespacesAreBare() {
        DynamoDbDataStore store = store(null);
        store.init(FullDataSet.of(Map.of("f", flag("f", 1, "")), Map.of()));
        store.upsert(DataKind.FEATURES, Item.tombstone("gone", 3));

        assertThat(rawNamespaces()).containsExactlyInAnyOrder("features", "$inited");
        assertThat(rawItem("$inited", "$inited")).isNotNull();
        Map<String, AttributeValue> tombstone = rawItem("features", "gone");
        assertThat(tombstone.get("version").n()).isEqualTo("3");
        assertThat(tombstone.get("item").s()).isEqualTo("{\"key\":\"gone\",\"version\":3,\"deleted\":true}");
    }

    @Test
    void initWritesMoreThanOneBatchAndDeletesKeysThatAreGone() {
        DynamoDbDataStore store = store("env");
        store.init(dataSet(60, 30, "v1-"));
        assertThat(store.getAll(DataKind.FEATURES)).hasSize(60);
        assertThat(store.getAll(DataKind.SEGMENTS)).hasSize(30);

        // Half the old flags stay, the rest are replaced by new keys; segments shrink.
        FullDataSet second = dataSet(0, 5, "v1-");
        Map<String, Item> flags = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            flags.put("v1-flag-" + i, flag("v1-flag-" + i, 2, ""));
            flags.put("v2-flag-" + i, flag("v2-flag-" + i, 1, ""));
        }
        store.init(FullDataSet.of(flags, second.segments()));

        assertThat(store.getAll(DataKind.FEATURES).keySet()).isEqualTo(flags.keySet());
        assertThat(store.getAll(DataKind.SEGMENTS)).hasSize(5);
        assertThat(store.get(DataKind.FEATURES, "v1-flag-45")).isNull();
        assertThat(store.get(DataKind.FEATURES, "v1-flag-3").version()).isEqualTo(2);
        assertThat(rawCount("env:features")).isEqualTo(60);
        assertThat(rawCount("env:segments")).isEqualTo(5);
    }

    @Test
    void anItemOverTheSizeLimitIsDroppedLoggedAndListedWhileTheRestIsWritten() {
        ListAppender<ILoggingEvent> logs = captureStoreLogs();
        try {
            DynamoDbDataStore store = store(null);
            store.init(FullDataSet.of(Map.of("my-flag-key", flag("my-flag-key", 1, "")), Map.of()));

            Item huge = flag("my-flag-key", 2, "x".repeat(400_000));
            Item small = flag("small", 1, "");
            store.init(FullDataSet.of(Map.of("my-flag-key", huge, "small", small), Map.of("seg", segment("seg", 1))));

            assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("The item \"my-flag-key\" in \"features\" was too large to store in DynamoDB "
                            + "and was dropped");
            assertThat(store.droppedItems()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo(DataKind.FEATURES);
                assertThat(d.key()).isEqualTo("my-flag-key");
                assertThat(d.version()).isEqualTo(2);
                assertThat(d.estimatedSize()).isGreaterThan(400_000);
            });
            // The rest is there, and the outdated version 1 is gone rather than served as if current.
            assertThat(store.isInitialized()).isTrue();
            assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("small");
            assertThat(store.getAll(DataKind.SEGMENTS)).containsOnlyKeys("seg");

            // An upsert of a too-large item is "not updated", not an error; a smaller version clears the listing.
            assertThat(store.upsert(DataKind.FEATURES, flag("my-flag-key", 3, "y".repeat(400_000)))).isFalse();
            assertThat(store.droppedItems()).extracting(DroppedItem::version).containsExactly(3L);
            assertThat(store.upsert(DataKind.FEATURES, flag("my-flag-key", 4, ""))).isTrue();
            assertThat(store.droppedItems()).isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(DynamoDbDataStore.class)).detachAppender(logs);
        }
    }

    @Test
    void readsWhatOtherSdkWritersLeaveInTheTable() {
        DynamoDbDataStore store = store(null);
        // The Java SDK writes a tombstone as item = "null"; the Go reader lets the version attribute win.
        dynalite.server().raw.putItem(b -> b.tableName(table).item(Map.of(
                "namespace", AttributeValue.fromS("features"), "key", AttributeValue.fromS("java-deleted"),
                "version", AttributeValue.fromN("9"), "item", AttributeValue.fromS("null"))));
        dynalite.server().raw.putItem(b -> b.tableName(table).item(Map.of(
                "namespace", AttributeValue.fromS("features"), "key", AttributeValue.fromS("bumped"),
                "version", AttributeValue.fromN("12"), "item", AttributeValue.fromS(flag("bumped", 5, "").jsonString()))));
        dynalite.server().raw.putItem(b -> b.tableName(table).item(Map.of(
                "namespace", AttributeValue.fromS("features"), "key", AttributeValue.fromS("garbage"),
                "version", AttributeValue.fromN("1"), "item", AttributeValue.fromS("{not json"))));

        assertThat(store.get(DataKind.FEATURES, "java-deleted").deleted()).isTrue();
        assertThat(store.get(DataKind.FEATURES, "java-deleted").version()).isEqualTo(9);
        assertThat(store.get(DataKind.FEATURES, "bumped").version()).isEqualTo(12);
        assertThat(store.get(DataKind.FEATURES, "garbage")).isNull();
        assertThat(store.getAll(DataKind.FEATURES)).containsOnlyKeys("java-deleted", "bumped");
        assertThat(store.upsert(DataKind.FEATURES, flag("bumped", 12, ""))).isFalse();
    }

    @Test
    void aMissingTableIsReportedWithHowToCreateItAndCreatedOnlyOnRequest() {
        table = DynaliteServer.newTableName(); // never created
        DynamoDbDataStore store = store(null);

        assertThat(store.tableExists()).isFalse();
        assertThat(store.isAvailable()).isFalse();
        assertThatThrownBy(() -> store.get(DataKind.FEATURES, "x"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("The DynamoDB table \"" + table + "\" does not exist")
                .hasMessageContaining("Create table")
                .hasMessageContaining("aws dynamodb create-table --table-name " + table);
        assertThatThrownBy(() -> store.init(FullDataSet.empty())).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
        assertThat(store.tableExists()).as("no operation creates the table implicitly").isFalse();

        assertThat(store.createTable()).isTrue();
        assertThat(store.tableExists()).isTrue();
        assertThat(store.createTable()).as("already there").isFalse();
        assertThat(store.isAvailable()).isTrue();
        store.init(FullDataSet.of(Map.of("f", flag("f", 1, "")), Map.of()));
        assertThat(store.get(DataKind.FEATURES, "f").version()).isEqualTo(1);

        var keySchema = dynalite.server().raw.describeTable(b -> b.tableName(table)).table().keySchema();
        assertThat(keySchema).extracting(k -> k.attributeName() + "/" + k.keyTypeAsString())
                .containsExactly("namespace/HASH", "key/RANGE");
    }

    @Test
    void describesItselfWithoutCredentials() {
        DynamoDbStoreOptions options = dynalite.server().options(table).prefix("env1")
                .credentials("AKIAEXAMPLE12345", "s3cr3t-value").build();
        try (DynamoDbDataStore store = new DynamoDbDataStore(options)) {
            assertThat(store.description()).isEqualTo(
                    new StoreDescription("dynamodb", dynalite.server().process.endpoint().toString(), "env1",
                            table));
            assertThat(store.isAvailable()).as("dynalite accepts any credentials").isTrue();
        }
        assertThat(options.toString()).contains(table, "env1").doesNotContain("s3cr3t-value", "AKIAEXAMPLE");
    }

    private ListAppender<ILoggingEvent> captureStoreLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(DynamoDbDataStore.class)).addAppender(appender);
        return appender;
    }

    private Map<String, AttributeValue> rawItem(String namespace, String key) {
        var response = dynalite.server().raw.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "namespace", AttributeValue.fromS(namespace), "key", AttributeValue.fromS(key))));
        assertThat(response.hasItem()).as("item %s / %s", namespace, key).isTrue();
        return response.item();
    }

    private List<String> rawNamespaces() {
        return dynalite.server().raw.scanPaginator(b -> b.tableName(table)).items().stream()
                .map(i -> i.get("namespace").s()).distinct().collect(Collectors.toList());
    }

    private long rawCount(String namespace) {
        return dynalite.server().raw.scanPaginator(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("namespace").s().equals(namespace)).count();
    }

    private static FullDataSet dataSet(int flagCount, int segmentCount, String prefix) {
        Map<String, Item> flags = new LinkedHashMap<>();
        for (int i = 0; i < flagCount; i++) {
            flags.put(prefix + "flag-" + i, flag(prefix + "flag-" + i, 1, ""));
        }
        Map<String, Item> segments = new LinkedHashMap<>();
        for (int i = 0; i < segmentCount; i++) {
            segments.put(prefix + "seg-" + i, segment(prefix + "seg-" + i, 1));
        }
        return FullDataSet.of(flags, segments);
    }

    static Item flag(String key, long version, String padding) {
        return parse(key, "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true,\"variations\":[true,false],"
                + "\"fallthrough\":{\"variation\":0},\"offVariation\":1,\"salt\":\"" + padding + "\"}");
    }

    static Item segment(String key, long version) {
        return parse(key, "{\"key\":\"" + key + "\",\"version\":" + version + ",\"included\":[\"a\"]}");
    }

    private static Item parse(String key, String json) {
        try {
            return ItemParser.parseItem(json.getBytes(StandardCharsets.UTF_8), key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
