package io.relayconsole.store.dynamodb;

import static io.relayconsole.store.dynamodb.DynamoDbSchema.KEY;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.NAMESPACE;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.s;

import io.relayconsole.bigsegments.BigSegmentPatch;
import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.bigsegments.PatchParts;
import io.relayconsole.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Big-segment membership in the environment's DynamoDB table, as the SDKs' DynamoDB big-segment stores read it:
 * item {@code P+big_segments_metadata} (namespace and key alike) with {@code synchronizedOn} (N, unix ms) and
 * {@code lastVersion} (S, the cursor), and per context hash an item {@code P+big_segments_user} / hash with string
 * sets {@code included} and {@code excluded} of segment references ({@code P} = prefix and ":", or nothing).
 *
 * <p>ld-relay writes a patch with {@code TransactWriteItems}, which DynamoDB-compatible local servers (dynalite) lack.
 * Here the order makes it safe instead: the cursor is checked first, each change is an idempotent {@code ADD} or
 * {@code DELETE} of the reference in one item's set, and the cursor moves last with a conditional
 * {@code UpdateItem} ({@code lastVersion = previous}, or absent for the first patch). A patch interrupted midway
 * leaves the cursor where it was and is applied again; a writer that got in first makes the condition fail, which
 * counts as out of order. The first patch into an empty store (no cursor: nothing was ever completed here) puts its
 * included hashes' items whole with {@code BatchWriteItem}, the fast path for an initial sync of a large audience,
 * until it has held {@link #HELD_EXCLUSIONS} exclusions; then it adds them and goes on with set updates.
 */
public final class DynamoDbBigSegmentStore implements BigSegmentStore {
    static final String METADATA = "big_segments_metadata";
    static final String USER = "big_segments_user";
    static final String SYNC_TIME = "synchronizedOn";
    static final String LAST_VERSION = "lastVersion";
    static final String INCLUDED = "included";
    static final String EXCLUDED = "excluded";
    private static final int WRITERS = 8;
    /** Writes queued or running at once: enough to keep every writer busy while the next part is read. */
    private static final int IN_FLIGHT = WRITERS * 4;
    /**
     * Exclusions a first patch holds back while it puts whole items: ~10 MB of hashes. Audiences rarely exclude many,
     * but a patch that does must not grow the relay's memory with it.
     */
    static final int HELD_EXCLUSIONS = 100_000;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final DynamoDbStoreOptions options;
    private final String table;
    private final String metadataNamespace;
    private final String userNamespace;
    private final AwsCredentialsProvider credentials;
    private final DynamoDbClient client;
    private final DynamoDbErrors errors;
    private final BatchWriter batchWriter;
    private final String server;
    private final ExecutorService writers;
    private final int heldExclusions;

    public DynamoDbBigSegmentStore(DynamoDbStoreOptions options) {
        this(options, HELD_EXCLUSIONS);
    }

    DynamoDbBigSegmentStore(DynamoDbStoreOptions options, int heldExclusions) {
        this.options = options;
        this.heldExclusions = heldExclusions;
        this.table = options.tableName();
        String prefix = options.prefix() == null || options.prefix().isEmpty() ? "" : options.prefix() + ":";
        this.metadataNamespace = prefix + METADATA;
        this.userNamespace = prefix + USER;
        Region region = DynamoDbClients.region(options);
        this.server = options.endpoint() != null ? DynamoDbDataStore.displayEndpoint(options.endpoint())
                : "AWS region " + region.id();
        this.credentials = DynamoDbClients.credentials(options);
        this.client = DynamoDbClients.create(options, region, credentials);
        this.errors = new DynamoDbErrors(table, server);
        this.batchWriter = new BatchWriter(client, table, errors);
        this.writers = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread t = new Thread(r, "dynamodb-big-segment-writer");
            t.setDaemon(true);
            return t;
        });
    }

    private Map<String, AttributeValue> metadataKey() {
        return Map.of(NAMESPACE, s(metadataNamespace), KEY, s(metadataNamespace));
    }

    private Map<String, AttributeValue> userKey(String hash) {
        return Map.of(NAMESPACE, s(userNamespace), KEY, s(hash));
    }

    private Map<String, AttributeValue> metadata() {
        return errors.call("read the big-segment metadata", () -> client.getItem(b -> b.tableName(table)
                .key(metadataKey()).consistentRead(true))).item();
    }

    @Override
    public String cursor() {
        AttributeValue v = metadata().get(LAST_VERSION);
        return v == null ? null : v.s();
    }

    /**
     * The parts are written as they arrive, at most {@link #IN_FLIGHT} writes unfinished, so a patch of a million
     * hashes is never held whole (gathered first, one took 1.6 GB of the relay's memory; bench/, 2026-12-02). Into an
     * empty store, each included hash's item is put whole; excluded hashes are held and added to their items' sets
     * once every put has landed, since a hash may be included in one part and excluded in another. Once
     * {@link #heldExclusions} are held they are added, and the rest of the patch updates sets instead of putting
     * items, so no later put can overwrite an exclusion already stored.
     */
    @Override
    public boolean apply(BigSegmentPatch header, PatchParts parts) {
        String stored = cursor();
        if (!header.followsCursor(stored)) {
            return false;
        }
        AttributeValue ref = AttributeValue.fromSs(List.of(header.segmentId()));
        Writes writes = new Writes();
        try {
            boolean wholeItems = stored == null;
            List<String> excludedLater = new ArrayList<>();
            for (BigSegmentPatch part = parts.next(); part != null; part = parts.next()) {
                if (wholeItems) {
                    List<WriteRequest> puts = includedItems(part.includedAdd(), ref);
                    if (!puts.isEmpty()) {
                        writes.submit(() -> batchWriter.write(puts));
                    }
                    excludedLater.addAll(part.excludedAdd());
                    if (excludedLater.size() >= heldExclusions) {
                        addExclusions(writes, excludedLater, ref);
                        wholeItems = false;
                    }
                } else {
                    updateSets(writes, part, ref);
                }
            }
            addExclusions(writes, excludedLater, ref);
        } finally {
            writes.cancelAll();
        }
        return moveCursor(stored, header.version());
    }

    /** Adds the held exclusions once every put that could overwrite them has landed, and forgets them. */
    private void addExclusions(Writes writes, List<String> excluded, AttributeValue ref) {
        writes.awaitAll();
        excluded.forEach(hash -> writes.submit(() -> updateSet(hash, "ADD", EXCLUDED, ref)));
        excluded.clear();
        writes.awaitAll();
    }

    /**
     * Nothing was completed here yet, so an included hash's item holds the reference in {@code included} only. A
     * hash listed twice is put once: a batch may not name an item twice.
     */
    private List<WriteRequest> includedItems(List<String> hashes, AttributeValue ref) {
        List<WriteRequest> puts = new ArrayList<>(hashes.size());
        for (String hash : new LinkedHashSet<>(hashes)) {
            Map<String, AttributeValue> item = new HashMap<>(userKey(hash));
            item.put(INCLUDED, ref);
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        return puts;
    }

    /** One {@code ADD} or {@code DELETE} of the reference per change; idempotent, so a retry repeats them safely. */
    private void updateSets(Writes writes, BigSegmentPatch part, AttributeValue ref) {
        part.includedAdd().forEach(h -> writes.submit(() -> updateSet(h, "ADD", INCLUDED, ref)));
        part.includedRemove().forEach(h -> writes.submit(() -> updateSet(h, "DELETE", INCLUDED, ref)));
        part.excludedAdd().forEach(h -> writes.submit(() -> updateSet(h, "ADD", EXCLUDED, ref)));
        part.excludedRemove().forEach(h -> writes.submit(() -> updateSet(h, "DELETE", EXCLUDED, ref)));
    }

    private void updateSet(String hash, String action, String attribute, AttributeValue ref) {
        errors.call("update big-segment membership", () -> client.updateItem(b -> b.tableName(table)
                .key(userKey(hash)).updateExpression(action + " #set :ref")
                .expressionAttributeNames(Map.of("#set", attribute))
                .expressionAttributeValues(Map.of(":ref", ref))));
    }

    /** The cursor moves last, and only from where this patch found it. */
    private boolean moveCursor(String from, String to) {
        try {
            errors.call("move the big-segment cursor", () -> client.updateItem(b -> {
                b.tableName(table).key(metadataKey()).updateExpression("SET #v = :to");
                if (from == null) {
                    b.conditionExpression("attribute_not_exists(#v)")
                            .expressionAttributeNames(Map.of("#v", LAST_VERSION))
                            .expressionAttributeValues(Map.of(":to", s(to)));
                } else {
                    b.conditionExpression("#v = :from").expressionAttributeNames(Map.of("#v", LAST_VERSION))
                            .expressionAttributeValues(Map.of(":to", s(to), ":from", s(from)));
                }
            }));
            return true;
        } catch (StoreException e) {
            if (e.getCause() instanceof ConditionalCheckFailedException) {
                return false;
            }
            throw e;
        }
    }

    /** Writes on the writer pool, at most {@link #IN_FLIGHT} unfinished; the first failure ends the patch. */
    private final class Writes {
        private final ArrayDeque<Future<?>> unfinished = new ArrayDeque<>();

        void submit(Runnable write) {
            if (unfinished.size() >= IN_FLIGHT) {
                awaitOldest();
            }
            unfinished.addLast(writers.submit(write));
        }

        void awaitAll() {
            while (!unfinished.isEmpty()) {
                awaitOldest();
            }
        }

        /**
         * Drops the writes a failure left queued (a no-op after {@link #awaitAll()}). Writes already sent finish:
         * aborting one mid-request gains nothing (the server may apply it anyway) and kills dynalite.
         */
        void cancelAll() {
            unfinished.forEach(f -> f.cancel(false));
            unfinished.clear();
        }

        private void awaitOldest() {
            try {
                unfinished.removeFirst().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while writing big-segment membership", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new StoreException("big-segment write failed: " + e.getCause(), e.getCause());
            }
        }
    }

    @Override
    public void setSynchronizedOn(Instant time) {
        errors.call("write the big-segment synchronization time", () -> client.updateItem(b -> b.tableName(table)
                .key(metadataKey()).updateExpression("SET #t = :t")
                .expressionAttributeNames(Map.of("#t", SYNC_TIME))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(Long.toString(time.toEpochMilli()))))));
    }

    @Override
    public Instant synchronizedOn() {
        AttributeValue t = metadata().get(SYNC_TIME);
        return t == null || t.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(t.n()));
    }

    @Override
    public Map<String, Boolean> membership(String contextHash) {
        Map<String, AttributeValue> item = errors.call("read big-segment membership", () -> client.getItem(b -> b
                .tableName(table).key(userKey(contextHash)).consistentRead(true))).item();
        Map<String, Boolean> membership = new HashMap<>();
        if (item.containsKey(EXCLUDED)) {
            item.get(EXCLUDED).ss().forEach(ref -> membership.put(ref, false));
        }
        if (item.containsKey(INCLUDED)) {
            item.get(INCLUDED).ss().forEach(ref -> membership.put(ref, true)); // an include wins, as in the SDKs
        }
        return membership;
    }

    @Override
    public String label() {
        return "dynamodb " + server + " table " + table;
    }

    @Override
    public void close() {
        // Let sent writes end before the client's connections close under them (see Writes.cancelAll).
        writers.shutdown();
        try {
            if (!writers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                writers.shutdownNow();
            }
        } catch (InterruptedException e) {
            writers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        client.close();
        if (credentials instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing the provider only stops its refresh thread
            }
        }
    }
}
