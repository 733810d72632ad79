package io.relayconsole.store.dynamodb;

import static io.relayconsole.store.dynamodb.DynamoDbSchema.ITEM;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.KEY;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.NAMESPACE;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.VERSION;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.s;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.MalformedDataException;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.DroppedItem;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Flags and segments in a DynamoDB table, in the layout LaunchDarkly SDKs read in daemon mode (see
 * {@link DynamoDbSchema}). No caching: every call is a round trip, with consistent reads.
 *
 * <p>Init is not atomic (DynamoDB transactions are not used, so DynamoDB-compatible local servers work): it
 * writes segments, then flags, then deletes keys that are no longer present, and only then the
 * {@code $inited} marker. Items too large for DynamoDB are skipped, logged and listed in {@link #droppedItems()}.
 * The table is never created implicitly: {@link #createTable()} is an explicit operation.
 */
public final class DynamoDbDataStore implements DataStore {
    private static final Logger log = LoggerFactory.getLogger(DynamoDbDataStore.class);
    private static final Duration TABLE_CREATION_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbStoreOptions options;
    private final DynamoDbSchema schema;
    private final AwsCredentialsProvider credentials;
    private final DynamoDbClient client;
    private final DynamoDbErrors errors;
    private final BatchWriter batchWriter;
    private final String server;
    private final Map<String, DroppedItem> dropped = new ConcurrentHashMap<>();

    /**
     * Sets up the client; nothing is sent to DynamoDB until the first operation.
     *
     * @throws StoreException if no AWS region can be determined (only without an endpoint override)
     */
    public DynamoDbDataStore(DynamoDbStoreOptions options) {
        this.options = options;
        this.schema = new DynamoDbSchema(options.prefix());
        Region region = DynamoDbClients.region(options);
        this.server = options.endpoint() != null ? displayEndpoint(options.endpoint()) : "AWS region " + region.id();
        this.credentials = DynamoDbClients.credentials(options);
        this.client = DynamoDbClients.create(options, region, credentials);
        this.errors = new DynamoDbErrors(options.tableName(), server);
        this.batchWriter = new BatchWriter(client, options.tableName(), errors);
    }

    public DynamoDbStoreOptions options() {
        return options;
    }

    @Override
    public void init(FullDataSet data) {
        Map<DataKind, Set<String>> staleKeys = new LinkedHashMap<>();
        for (DataKind kind : DataKind.values()) {
            staleKeys.put(kind, new HashSet<>(queryKeys(kind)));
        }
        List<WriteRequest> writes = new ArrayList<>();
        List<DroppedItem> droppedNow = new ArrayList<>();
        // DataKind order puts segments before the flags that reference them; flags follow their prerequisites.
        for (DataKind kind : DataKind.values()) {
            Iterable<Item> items = kind == DataKind.FEATURES
                    ? PrerequisiteOrder.of(data.get(kind)) : data.get(kind).values();
            for (Item item : items) {
                Map<String, AttributeValue> attributes = schema.toAttributes(kind, item);
                int size = DynamoDbSchema.estimatedSize(attributes);
                if (size > DynamoDbSchema.MAX_ITEM_SIZE) {
                    // Its key stays "stale", so an older stored version is deleted rather than served.
                    droppedNow.add(logDropped(kind, item, size));
                    continue;
                }
                staleKeys.get(kind).remove(item.key());
                writes.add(WriteRequest.builder().putRequest(p -> p.item(attributes)).build());
            }
        }
        staleKeys.forEach((kind, keys) -> keys.forEach(key ->
                writes.add(WriteRequest.builder().deleteRequest(d -> d.key(schema.itemKey(kind, key))).build())));

        dropped.clear();
        droppedNow.forEach(d -> dropped.put(droppedKey(d.kind(), d.key()), d));
        batchWriter.write(writes);
        // The marker goes last, so a reader never sees "initialized" before the data is there.
        errors.call("write the $inited marker",
                () -> client.putItem(b -> b.tableName(options.tableName()).item(schema.initedKey())));
    }

    @Override
    public Item get(DataKind kind, String key) {
        Map<String, AttributeValue> attributes = errors.call("read " + kind.namespace() + " item \"" + key + "\"",
                () -> client.getItem(b -> b.tableName(options.tableName()).key(schema.itemKey(kind, key))
                        .consistentRead(true))).item();
        return attributes == null || attributes.isEmpty() ? null : toItem(kind, key, attributes);
    }

    @Override
    public Map<String, Item> getAll(DataKind kind) {
        Map<String, Item> items = new LinkedHashMap<>();
        errors.call("read all " + kind.namespace(), () -> {
            client.queryPaginator(query(kind).build()).items().forEach(attributes -> {
                AttributeValue key = attributes.get(KEY);
                Item item = key == null ? null : toItem(kind, key.s(), attributes);
                if (item != null) {
                    items.put(item.key(), item);
                }
            });
            return null;
        });
        return Collections.unmodifiableMap(items);
    }

    @Override
    public boolean upsert(DataKind kind, Item item) {
        Map<String, AttributeValue> attributes = schema.toAttributes(kind, item);
        int size = DynamoDbSchema.estimatedSize(attributes);
        if (size > DynamoDbSchema.MAX_ITEM_SIZE) {
            // "Not updated" rather than an error: a too-large item is a data problem, not a store outage.
            DroppedItem drop = logDropped(kind, item, size);
            dropped.put(droppedKey(kind, item.key()), drop);
            return false;
        }
        boolean written = errors.call("write " + kind.namespace() + " item \"" + item.key() + "\"", () -> {
            try {
                client.putItem(b -> b.tableName(options.tableName()).item(attributes)
                        .conditionExpression("attribute_not_exists(#namespace) OR attribute_not_exists(#key)"
                                + " OR :version > #version")
                        .expressionAttributeNames(Map.of("#namespace", NAMESPACE, "#key", KEY, "#version", VERSION))
                        .expressionAttributeValues(Map.of(":version", attributes.get(VERSION))));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });
        if (written) {
            dropped.remove(droppedKey(kind, item.key()));
        }
        return written;
    }

    @Override
    public boolean isInitialized() {
        Map<String, AttributeValue> marker = errors.call("read the $inited marker",
                () -> client.getItem(b -> b.tableName(options.tableName()).key(schema.initedKey())
                        .consistentRead(true))).item();
        return marker != null && !marker.isEmpty();
    }

    @Override
    public boolean isAvailable() {
        try {
            client.getItem(b -> b.tableName(options.tableName()).key(schema.initedKey()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public StoreDescription description() {
        return new StoreDescription("dynamodb", options.endpoint() != null ? server : null, options.prefix(),
                options.tableName());
    }

    /** Flags and segments currently not in the table because they exceed DynamoDB's item size limit. */
    @Override
    public List<DroppedItem> droppedItems() {
        List<DroppedItem> list = new ArrayList<>(dropped.values());
        list.sort(Comparator.comparing(DroppedItem::droppedAt));
        return List.copyOf(list);
    }

    /** Whether the table exists (in any state). */
    public boolean tableExists() {
        try {
            errors.call("describe table \"" + options.tableName() + "\"",
                    () -> client.describeTable(b -> b.tableName(options.tableName())));
            return true;
        } catch (StoreException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Creates the table (on-demand billing, partition key {@code namespace}, sort key {@code key}) and waits
     * until it is active. Only ever called on the user's request.
     *
     * @return true if it was created, false if it already existed
     */
    public boolean createTable() {
        String table = options.tableName();
        try {
            errors.call("create table \"" + table + "\"", () -> client.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            a -> a.attributeName(NAMESPACE).attributeType(ScalarAttributeType.S),
                            a -> a.attributeName(KEY).attributeType(ScalarAttributeType.S))
                    .keySchema(
                            k -> k.attributeName(NAMESPACE).keyType(KeyType.HASH),
                            k -> k.attributeName(KEY).keyType(KeyType.RANGE))));
        } catch (StoreException e) {
            if (e.getCause() instanceof ResourceInUseException) {
                return false;
            }
            throw e;
        }
        errors.call("wait for table \"" + table + "\" to become active", () -> {
            try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                    .overrideConfiguration(WaiterOverrideConfiguration.builder()
                            .waitTimeout(TABLE_CREATION_TIMEOUT)
                            .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(250)))
                            .build())
                    .build()) {
                return waiter.waitUntilTableExists(b -> b.tableName(table));
            }
        });
        log.info("Created DynamoDB table \"{}\" ({})", table, server);
        return true;
    }

    @Override
    public void close() {
        client.close();
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Closing the AWS credentials provider failed", e);
            }
        }
    }

    private QueryRequest.Builder query(DataKind kind) {
        return QueryRequest.builder()
                .tableName(options.tableName())
                .consistentRead(true)
                .keyConditionExpression("#namespace = :namespace")
                .expressionAttributeNames(Map.of("#namespace", NAMESPACE))
                .expressionAttributeValues(Map.of(":namespace", s(schema.namespace(kind))));
    }

    private List<String> queryKeys(DataKind kind) {
        List<String> keys = new ArrayList<>();
        QueryRequest request = query(kind)
                .projectionExpression("#key")
                .expressionAttributeNames(Map.of("#namespace", NAMESPACE, "#key", KEY))
                .build();
        errors.call("list existing " + kind.namespace(), () -> {
            client.queryPaginator(request).items().forEach(attributes -> {
                AttributeValue key = attributes.get(KEY);
                if (key != null && key.s() != null) {
                    keys.add(key.s());
                }
            });
            return null;
        });
        return keys;
    }

    /**
     * Reads one stored item. Also accepts what other writers leave: a missing or {@code "null"} {@code item}
     * (the Java SDK's tombstone) with a version, and a {@code version} attribute that differs from the JSON's
     * (the attribute wins, as in the Go SDK). Unreadable items are logged and treated as absent.
     */
    private Item toItem(DataKind kind, String key, Map<String, AttributeValue> attributes) {
        Long attributeVersion = versionAttribute(attributes.get(VERSION));
        AttributeValue json = attributes.get(ITEM);
        if (json == null || json.s() == null || json.s().equals("null")) {
            if (attributeVersion != null) {
                return Item.tombstone(key, attributeVersion);
            }
            log.warn("Ignoring {} item \"{}\" in DynamoDB table \"{}\": it has neither JSON nor a version",
                    kind.namespace(), key, options.tableName());
            return null;
        }
        try {
            Item item = ItemParser.parseItem(json.s().getBytes(StandardCharsets.UTF_8), key);
            if (attributeVersion != null && attributeVersion != 0 && attributeVersion != item.version()) {
                return Item.of(key, attributeVersion, item.deleted(), item.json());
            }
            return item;
        } catch (MalformedDataException e) {
            log.warn("Ignoring {} item \"{}\" in DynamoDB table \"{}\": {}", kind.namespace(), key,
                    options.tableName(), e.getMessage());
            return null;
        }
    }

    private static Long versionAttribute(AttributeValue value) {
        if (value == null || value.n() == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.n()).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private DroppedItem logDropped(DataKind kind, Item item, int size) {
        log.error("The item \"{}\" in \"{}\" was too large to store in DynamoDB and was dropped",
                item.key(), kind.namespace());
        return new DroppedItem(kind, item.key(), item.version(), size, Instant.now());
    }

    private static String droppedKey(DataKind kind, String key) {
        return kind.namespace() + "\u0000" + key;
    }

    /** The endpoint without any user info, which could hold a secret. */
    static String displayEndpoint(URI endpoint) {
        if (endpoint.getUserInfo() == null) {
            return endpoint.toString();
        }
        try {
            return new URI(endpoint.getScheme(), null, endpoint.getHost(), endpoint.getPort(), endpoint.getPath(),
                    null, null).toString();
        } catch (URISyntaxException e) {
            return endpoint.getScheme() + "://" + endpoint.getHost();
        }
    }
}
