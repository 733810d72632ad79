package io.relayconsole.store.redis;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.CommandType;
import io.relayconsole.bigsegments.BigSegmentPatch;
import io.relayconsole.bigsegments.BigSegmentStore;
import io.relayconsole.bigsegments.PatchParts;
import io.relayconsole.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Big-segment membership in Redis, in the keys the SDKs' Redis big-segment stores read: sets
 * {@code {prefix}:big_segment_include:{hash}} and {@code …exclude:{hash}} of segment references, and the string
 * {@code {prefix}:big_segments_synchronized_on} (unix ms). Like ld-relay it keeps {@code big_segments_cursor} and
 * WATCHes {@code big_segments_lock} so two relays sharing a database never apply a patch twice or out of order.
 *
 * <p>A patch of up to {@link #ATOMIC_CHANGES} set changes is one MULTI/EXEC (pipelined): its changes and the cursor
 * together or not at all. A larger one (an initial sync of a big audience) would hold that many commands queued
 * in Redis and in the client; its SADD/SREMs are pipelined as its parts arrive from upstream (as scripts of many keys
 * each), and the cursor moves last, in its own WATCHed transaction. They are idempotent, so an interrupted patch is simply applied again from
 * the unmoved cursor. Not for Redis Cluster (the keys span slots); ld-relay does not support Cluster either.
 */
public final class RedisBigSegmentStore implements BigSegmentStore {
    static final int ATOMIC_CHANGES = 10_000;
    static final int KEYS_PER_SCRIPT = 500;
    static final int IN_FLIGHT = 16;
    /** Runs ARGV[1] (SADD or SREM) of ARGV[2] on every key: one command for many sets. */
    private static final String EACH_KEY_SCRIPT = "for i = 1, #KEYS do redis.call(ARGV[1], KEYS[i], ARGV[2]) end return #KEYS";
    private static final byte[] EACH_KEY = bytes(EACH_KEY_SCRIPT);
    private static final byte[] SADD = bytes("SADD");
    private static final byte[] SREM = bytes("SREM");
    private static final int MAX_ATTEMPTS = 50;

    private final RedisStoreOptions options;
    private final RedisConnector connector;
    private final String prefix;
    private final String syncTimeKey;
    private final String cursorKey;
    private final String lockKey;
    private final byte[] includePrefix;
    private final byte[] excludePrefix;

    public RedisBigSegmentStore(RedisStoreOptions options) {
        if (options.topology() == RedisTopology.CLUSTER) {
            throw new IllegalArgumentException("big segments cannot be stored in a Redis Cluster");
        }
        this.options = options;
        this.prefix = options.prefix();
        this.syncTimeKey = prefix + ":big_segments_synchronized_on";
        this.cursorKey = prefix + ":big_segments_cursor";
        this.lockKey = prefix + ":big_segments_lock";
        this.includePrefix = bytes(includeKey(""));
        this.excludePrefix = bytes(excludeKey(""));
        this.connector = RedisConnector.create(options);
    }

    /** Whether a store with these options can hold big segments (not a Cluster). */
    public static boolean supports(RedisStoreOptions options) {
        return options.topology() != RedisTopology.CLUSTER;
    }

    String includeKey(String hash) {
        return prefix + ":big_segment_include:" + hash;
    }

    String excludeKey(String hash) {
        return prefix + ":big_segment_exclude:" + hash;
    }

    @Override
    public String cursor() {
        return run("read of the big-segment cursor", () -> text(connector.reads().get(cursorKey)));
    }

    /**
     * The cursor is read first (nothing is read or written for a patch out of order). Parts are gathered while they
     * hold at most {@link #ATOMIC_CHANGES} changes, then written with the cursor in one MULTI/EXEC; past that, every
     * part is pipelined as it arrives (see {@link Pipeline}) and the cursor moves last, in its own transaction.
     */
    @Override
    public boolean apply(BigSegmentPatch header, PatchParts parts) {
        return run("big-segment patch " + header.version(), () -> connector.inTransaction(lockKey, redis -> {
            if (!follows(redis, header, false)) {
                return false;
            }
            List<BigSegmentPatch> gathered = new ArrayList<>();
            long count = 0;
            Pipeline pipeline = null;
            for (BigSegmentPatch part = parts.next(); part != null; part = parts.next()) {
                if (pipeline != null) {
                    pipeline.write(part);
                    continue;
                }
                gathered.add(part);
                count += part.changeCount();
                if (count > ATOMIC_CHANGES) {
                    pipeline = new Pipeline(redis.getStatefulConnection(), header.segmentId());
                    gathered.forEach(pipeline::write);
                    gathered.clear();
                }
            }
            BigSegmentPatch atomic = null;
            if (pipeline != null) {
                pipeline.finish();
            } else {
                atomic = BigSegmentPatch.joined(header, gathered);
            }
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                if (!follows(redis, header, true)) {
                    return false;
                }
                TransactionResult result = transaction(redis.getStatefulConnection(), header.version(), atomic);
                if (!result.wasDiscarded()) {
                    RedisDataStore.requireCommitted(result, "big-segment");
                    return true;
                }
            }
            throw new StoreException("Redis big-segment patch gave up after " + MAX_ATTEMPTS
                    + " attempts: other writers kept changing " + lockKey);
        }));
    }

    /** Reads the cursor (WATCHing the lock first when a transaction follows); false when the patch does not chain. */
    private boolean follows(RedisCommands<String, byte[]> redis, BigSegmentPatch patch, boolean watch) {
        if (watch) {
            redis.watch(lockKey);
        }
        if (patch.followsCursor(text(redis.get(cursorKey)))) {
            return true;
        }
        if (watch) {
            redis.unwatch();
        }
        return false;
    }

    /** MULTI, the changes of {@code atomic} (null: already written), lock and cursor, EXEC. */
    private TransactionResult transaction(StatefulRedisConnection<String, byte[]> connection, String version,
                                          BigSegmentPatch atomic) {
        RedisAsyncCommands<String, byte[]> async = connection.async();
        connection.setAutoFlushCommands(false);
        try {
            async.multi();
            if (atomic != null) {
                queueChanges(async, atomic);
            }
            byte[] cursor = bytes(version);
            async.set(lockKey, cursor);
            async.set(cursorKey, cursor);
            RedisFuture<TransactionResult> exec = async.exec();
            connection.flushCommands();
            return exec.get(options.commandTimeout().toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted during a Redis big-segment transaction", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("Redis big-segment transaction failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoFlushCommands(true);
        }
    }

    /**
     * Outside a transaction, as the parts arrive: each list of changes as scripts of {@link #KEYS_PER_SCRIPT} keys
     * (one SADD or SREM of the reference per key, run inside Redis), at most {@link #IN_FLIGHT} scripts unanswered at
     * once. Per-key SADD commands cost the relay a lettuce command each: pipelined a thousand per flush, a million
     * of them took 6.7 s of relay CPU against 1.8 s for scripts (bench/, 2026-12-02); Redis spends ~1.2x the CPU of
     * plain SADDs on the scripts. The window keeps Redis busy while the next part is parsed and encoded, keeps each
     * command's wait well inside lettuce's command timeout, and stays small (8,000 keys) because what is in flight
     * at a young collection of the relay's small heap gets promoted: 32 scripts of 1,000 keys meant a full
     * collection every third young one.
     */
    private final class Pipeline {
        private final StatefulRedisConnection<String, byte[]> connection;
        private final RedisAsyncCommands<String, byte[]> async;
        private final byte[] ref;
        private final ArrayDeque<RedisFuture<?>> inFlight = new ArrayDeque<>(IN_FLIGHT);

        Pipeline(StatefulRedisConnection<String, byte[]> connection, String segmentId) {
            this.connection = connection;
            this.async = connection.async();
            this.ref = bytes(segmentId);
        }

        void write(BigSegmentPatch part) {
            connection.setAutoFlushCommands(false);
            try {
                scripted(SADD, part.includedAdd(), true);
                scripted(SREM, part.includedRemove(), true);
                scripted(SADD, part.excludedAdd(), false);
                scripted(SREM, part.excludedRemove(), false);
            } finally {
                connection.setAutoFlushCommands(true);
            }
        }

        /** Waits for every write still unanswered. */
        void finish() {
            await(new ArrayList<>(inFlight));
            inFlight.clear();
        }

        /** EVAL of {@link #KEYS_PER_SCRIPT} keys at a time, encoded by this thread ({@link EachKeyScriptArgs}). */
        private void scripted(byte[] command, List<String> hashes, boolean include) {
            byte[] keyPrefix = include ? includePrefix : excludePrefix;
            for (int from = 0; from < hashes.size(); from += KEYS_PER_SCRIPT) {
                List<String> keys = hashes.subList(from, Math.min(hashes.size(), from + KEYS_PER_SCRIPT));
                if (inFlight.size() >= IN_FLIGHT) {
                    await(List.of(inFlight.removeFirst()));
                }
                inFlight.addLast(async.dispatch(CommandType.EVAL, new IntegerOutput<>(LettuceSettings.CODEC),
                        new EachKeyScriptArgs(EACH_KEY, keyPrefix, keys, command, ref)));
                connection.flushCommands();
            }
        }
    }

    /** Inside MULTI: SADD/SREM of the segment reference per context hash (at most {@link #ATOMIC_CHANGES}). */
    private void queueChanges(RedisAsyncCommands<String, byte[]> async, BigSegmentPatch patch) {
        byte[] ref = bytes(patch.segmentId());
        patch.includedAdd().forEach(hash -> async.sadd(includeKey(hash), ref));
        patch.includedRemove().forEach(hash -> async.srem(includeKey(hash), ref));
        patch.excludedAdd().forEach(hash -> async.sadd(excludeKey(hash), ref));
        patch.excludedRemove().forEach(hash -> async.srem(excludeKey(hash), ref));
    }

    private void await(List<RedisFuture<?>> pending) {
        if (pending.isEmpty()) {
            return;
        }
        if (!LettuceFutures.awaitAll(options.commandTimeout().multipliedBy(4), pending.toArray(new RedisFuture[0]))) {
            throw new StoreException("Redis did not confirm " + pending.size() + " big-segment writes in time");
        }
    }

    @Override
    public void setSynchronizedOn(Instant time) {
        run("write of " + syncTimeKey, () -> connector.reads().set(syncTimeKey, bytes(Long.toString(time.toEpochMilli()))));
    }

    @Override
    public Instant synchronizedOn() {
        String value = run("read of " + syncTimeKey, () -> text(connector.reads().get(syncTimeKey)));
        try {
            return value == null || value.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null; // not a time: treated as never synchronized, as the SDKs do
        }
    }

    @Override
    public Map<String, Boolean> membership(String contextHash) {
        return run("read of big-segment membership", () -> {
            Set<byte[]> excluded = connector.reads().smembers(excludeKey(contextHash));
            Set<byte[]> included = connector.reads().smembers(includeKey(contextHash));
            Map<String, Boolean> membership = new HashMap<>();
            excluded.forEach(ref -> membership.put(text(ref), false));
            included.forEach(ref -> membership.put(text(ref), true)); // an include wins, as in the SDKs
            return membership;
        });
    }

    @Override
    public String label() {
        return "redis " + options.serverLabel() + " (prefix " + prefix + ")";
    }

    @Override
    public void close() {
        connector.close();
    }

    private <T> T run(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Redis " + operation + " failed on " + options.serverLabel() + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
