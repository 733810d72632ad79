package io.relayconsole.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.relayconsole.store.StoreException;
import java.util.List;
import java.util.function.Function;

/**
 * A Redis Cluster. Reads are routed by lettuce to the slot's master. A transaction runs on the node connection
 * of a cluster connection owned by the calling thread, so WATCH/MULTI/EXEC reach one master and are not
 * interleaved with anyone else's commands.
 */
final class ClusterConnector implements RedisConnector {
    private final RedisClusterClient client;
    private final TransactionConnectionPool<StatefulRedisClusterConnection<String, byte[]>> transactions;
    private StatefulRedisClusterConnection<String, byte[]> shared;
    private volatile boolean closed;

    ClusterConnector(RedisStoreOptions options) {
        List<RedisURI> seeds = options.nodes().stream().map(node -> LettuceSettings.nodeUri(options, node)).toList();
        this.client = RedisClusterClient.create(SharedClientResources.get(), seeds);
        client.setOptions(LettuceSettings.clusterClientOptions(options));
        client.addListener(LettuceSettings.connectionLogger(options.serverLabel(), () -> closed));
        this.transactions = new TransactionConnectionPool<>(
                this::connectToAllMasters, options.transactionConnections(), options.commandTimeout());
    }

    @Override
    public RedisClusterCommands<String, byte[]> reads() {
        return sharedConnection().sync();
    }

    private synchronized StatefulRedisClusterConnection<String, byte[]> sharedConnection() {
        if (closed) {
            throw new IllegalStateException("the Redis store is closed");
        }
        if (shared == null) {
            shared = connectToAllMasters();
        }
        return shared;
    }

    /**
     * Lettuce opens a cluster connection's per-node connections lazily, and with REJECT_COMMANDS it rejects
     * commands while such a connection is still being opened. Opening them up front (each call waits for its
     * node) keeps the first commands from failing; a node that joins later is connected on first use.
     */
    private StatefulRedisClusterConnection<String, byte[]> connectToAllMasters() {
        StatefulRedisClusterConnection<String, byte[]> connection = client.connect(LettuceSettings.CODEC);
        try {
            for (RedisClusterNode node : connection.getPartitions()) {
                if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                    // Lettuce routes by host and port (not node id), so open that connection.
                    connection.getConnection(node.getUri().getHost(), node.getUri().getPort());
                }
            }
            return connection;
        } catch (RuntimeException e) {
            connection.closeAsync();
            throw e;
        }
    }

    @Override
    public <T> T inTransaction(String key, Function<RedisCommands<String, byte[]>, T> work) {
        return transactions.use(connection -> {
            int slot = SlotHash.getSlot(key);
            RedisClusterNode master = connection.getPartitions().getMasterBySlot(slot);
            if (master == null) {
                throw new StoreException("no Redis Cluster master serves slot " + slot + " (key " + key + ")");
            }
            return work.apply(connection.getConnection(master.getUri().getHost(), master.getUri().getPort()).sync());
        });
    }

    @Override
    public boolean sameSlot(String key, String otherKey) {
        return SlotHash.getSlot(key) == SlotHash.getSlot(otherKey);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        transactions.close();
        client.shutdown(java.time.Duration.ZERO, LettuceSettings.shutdownTimeout());
    }
}
