package io.relayconsole.store.dynamodb;

import static io.relayconsole.store.dynamodb.DynamoDbSchema.KEY;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.NAMESPACE;
import static io.relayconsole.store.dynamodb.DynamoDbSchema.s;

import io.relayconsole.bigsegments.BigSegmentPatch;
import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.bigsegments.PatchParts;
import io.relayconsole.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * counts as out of order. The first patch into an empty store (no cursor: nothing was ever completed here) is
 * written as whole items with {@code BatchWriteItem}, the fast path for an initial sync of a large audience.
 */
public final class DynamoDbBigSegmentStore implements BigSegmentStore {
    static final String METADATA = "big_segments_metadata";
    static final String USER = "big_segments_user";
    static final String SYNC_TIME = "synchronizedOn";
    static final String LAST_VERSION = "lastVersion";
    static final String INCLUDED = "included";
    static final String EXCLUDED = "excluded";
    private static final int WRITERS = 8;

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

    public DynamoDbBigSegmentStore(DynamoDbStoreOptions options) {
        this.options = options;
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
     * The parts are gathered into the whole patch before anything is written: the first patch's items are written
     * whole, and a hash may be included in one part and excluded in another.
     */
    @Override
    public boolean apply(BigSegmentPatch header, PatchParts parts) {
        String stored = cursor();
        if (!header.followsCursor(stored)) {
            return false;
        }
        BigSegmentPatch patch = parts.collect(header);
        if (stored == null) {
            putWholeItems(patch);
        } else {
            updateSets(patch);
        }
        return moveCursor(stored, patch.version());
    }

    /** Nothing was completed here yet, so every item this patch touches holds exactly what the patch adds. */
    private void putWholeItems(BigSegmentPatch patch) {
        Map<String, Set<String>[]> byHash = new LinkedHashMap<>();
        for (String hash : patch.includedAdd()) {
            sets(byHash, hash)[0].add(patch.segmentId());
        }
        for (String hash : patch.excludedAdd()) {
            sets(byHash, hash)[1].add(patch.segmentId());
        }
        List<WriteRequest> puts = new ArrayList<>(byHash.size());
        byHash.forEach((hash, sets) -> {
            Map<String, AttributeValue> item = new HashMap<>(userKey(hash));
            if (!sets[0].isEmpty()) {
                item.put(INCLUDED, AttributeValue.fromSs(List.copyOf(sets[0])));
            }
            if (!sets[1].isEmpty()) {
                item.put(EXCLUDED, AttributeValue.fromSs(List.copyOf(sets[1])));
            }
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        });
        int slice = Math.max(BatchWriter.BATCH_SIZE, (puts.size() / WRITERS / BatchWriter.BATCH_SIZE + 1)
                * BatchWriter.BATCH_SIZE);
        List<Runnable> work = new ArrayList<>();
        for (int start = 0; start < puts.size(); start += slice) {
            List<WriteRequest> part = puts.subList(start, Math.min(start + slice, puts.size()));
            work.add(() -> batchWriter.write(part));
        }
        runAll(work);
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] sets(Map<String, Set<String>[]> byHash, String hash) {
        return byHash.computeIfAbsent(hash, h -> new Set[] {new LinkedHashSet<>(), new LinkedHashSet<>()});
    }

    /** One {@code ADD} or {@code DELETE} of the reference per change; idempotent, so a retry repeats them safely. */
    private void updateSets(BigSegmentPatch patch) {
        AttributeValue ref = AttributeValue.fromSs(List.of(patch.segmentId()));
        List<Runnable> work = new ArrayList<>(patch.changeCount());
        patch.includedAdd().forEach(h -> work.add(() -> updateSet(h, "ADD", INCLUDED, ref)));
        patch.includedRemove().forEach(h -> work.add(() -> updateSet(h, "DELETE", INCLUDED, ref)));
        patch.excludedAdd().forEach(h -> work.add(() -> updateSet(h, "ADD", EXCLUDED, ref)));
        patch.excludedRemove().forEach(h -> work.add(() -> updateSet(h, "DELETE", EXCLUDED, ref)));
        runAll(work);
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

    private void runAll(List<Runnable> work) {
        if (work.size() == 1) {
            work.get(0).run();
            return;
        }
        List<Future<?>> futures = new ArrayList<>(work.size());
        work.forEach(w -> futures.add(writers.submit(w)));
        RuntimeException failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new StoreException("interrupted while writing big-segment membership", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new StoreException("big-segment write failed: " + e.getCause(), e.getCause());
                    futures.forEach(x -> x.cancel(false));
                }
            }
        }
        if (failure != null) {
            throw failure;
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
        writers.shutdownNow();
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
