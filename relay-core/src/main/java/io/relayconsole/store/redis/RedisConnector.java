package io.relayconsole.store.redis;

import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.function.Function;

/**
 * The store's view of a Redis deployment, whatever its topology: shared commands for single-key reads, and
 * a connection of one's own (to the master serving a key) for transactions.
 */
interface RedisConnector extends AutoCloseable {

    static RedisConnector create(RedisStoreOptions options) {
        return options.topology() == RedisTopology.CLUSTER
                ? new ClusterConnector(options)
                : new StandaloneConnector(options);
    }

    /** Thread-safe commands for single-key reads; connects on first use (throws if Redis cannot be reached). */
    RedisClusterCommands<String, byte[]> reads();

    /**
     * Runs {@code work} on a connection no other thread uses meanwhile, connected to the master that owns
     * {@code key}. Every key used inside must live in the same hash slot as {@code key}.
     */
    <T> T inTransaction(String key, Function<RedisCommands<String, byte[]>, T> work);

    /** Whether both keys can take part in one MULTI/EXEC (always true outside a Cluster). */
    boolean sameSlot(String key, String otherKey);

    @Override
    void close();
}
