package io.relayconsole.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.function.Function;

/** One Redis server, reached directly or through Sentinel (lettuce asks the sentinels for the master on every (re)connect). */
final class StandaloneConnector implements RedisConnector {
    private final RedisClient client;
    private final RedisURI uri;
    private final TransactionConnectionPool<StatefulRedisConnection<String, byte[]>> transactions;
    private StatefulRedisConnection<String, byte[]> shared;
    private volatile boolean closed;

    StandaloneConnector(RedisStoreOptions options) {
        this.uri = options.topology() == RedisTopology.SENTINEL
                ? LettuceSettings.sentinelUri(options)
                : LettuceSettings.nodeUri(options, options.nodes().get(0));
        this.client = RedisClient.create(SharedClientResources.get());
        client.setOptions(LettuceSettings.clientOptions(options));
        client.addListener(LettuceSettings.connectionLogger(options.serverLabel(), () -> closed));
        this.transactions = new TransactionConnectionPool<>(
                () -> client.connect(LettuceSettings.CODEC, uri), options.transactionConnections(), options.commandTimeout());
    }

    @Override
    public RedisClusterCommands<String, byte[]> reads() {
        return sharedConnection().sync();
    }

    /**
     * Connected lazily, so a store created while Redis is down starts working once Redis is up; after the first
     * success lettuce reconnects by itself.
     */
    private synchronized StatefulRedisConnection<String, byte[]> sharedConnection() {
        if (closed) {
            throw new IllegalStateException("the Redis store is closed");
        }
        if (shared == null) {
            shared = client.connect(LettuceSettings.CODEC, uri);
        }
        return shared;
    }

    @Override
    public <T> T inTransaction(String key, Function<RedisCommands<String, byte[]>, T> work) {
        return transactions.use(connection -> work.apply(connection.sync()));
    }

    @Override
    public boolean sameSlot(String key, String otherKey) {
        return true;
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
