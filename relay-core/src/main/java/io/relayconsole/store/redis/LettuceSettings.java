package io.relayconsole.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@link RedisStoreOptions} into lettuce settings shared by every topology. */
final class LettuceSettings {
    /** Keys and hash fields are text; values are the items' JSON bytes, stored exactly as received. */
    static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private static final Logger log = LoggerFactory.getLogger(RedisDataStore.class);

    private LettuceSettings() {
    }

    /** Reject commands while disconnected (no silent queueing), reconnect in the background, bounded waits. */
    static ClientOptions clientOptions(RedisStoreOptions options) {
        return ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .socketOptions(socketOptions(options))
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .build();
    }

    /** As {@link #clientOptions}, plus following topology changes (failover, resharding) as lettuce notices them. */
    static ClusterClientOptions clusterClientOptions(RedisStoreOptions options) {
        return ClusterClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .socketOptions(socketOptions(options))
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enableAllAdaptiveRefreshTriggers()
                        .build())
                .build();
    }

    private static SocketOptions socketOptions(RedisStoreOptions options) {
        return SocketOptions.builder().connectTimeout(options.connectTimeout()).keepAlive(true).build();
    }

    /** The URI of a data node (standalone server or cluster seed) with credentials, TLS, database and timeout. */
    static RedisURI nodeUri(RedisStoreOptions options, RedisNode node) {
        RedisURI.Builder b = RedisURI.Builder.redis(node.host(), node.port())
                .withSsl(options.tls())
                .withDatabase(options.database())
                .withTimeout(options.commandTimeout());
        return withCredentials(b, options).build();
    }

    /** A URI that finds the master through the sentinels; the password is the master's (sentinels without auth). */
    static RedisURI sentinelUri(RedisStoreOptions options) {
        RedisNode first = options.nodes().get(0);
        RedisURI.Builder b = RedisURI.Builder.sentinel(first.host(), first.port(), options.sentinelMasterId())
                .withSsl(options.tls())
                .withDatabase(options.database())
                .withTimeout(options.commandTimeout());
        for (RedisNode sentinel : options.nodes().subList(1, options.nodes().size())) {
            b.withSentinel(sentinel.host(), sentinel.port());
        }
        return withCredentials(b, options).build();
    }

    private static RedisURI.Builder withCredentials(RedisURI.Builder b, RedisStoreOptions options) {
        if (options.password() != null) {
            if (options.username() != null) {
                b.withAuthentication(options.username(), options.password());
            } else {
                b.withPassword(options.password());
            }
        }
        return b;
    }

    /** Logs connection losses and recoveries once per event, naming the server (password masked). */
    static RedisConnectionStateListener connectionLogger(String serverLabel, BooleanSupplier closing) {
        return new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                log.debug("Connected to Redis {} at {}", serverLabel, address);
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (!closing.getAsBoolean()) {
                    log.warn("Lost a connection to Redis {}; reconnecting in the background", serverLabel);
                }
            }
        };
    }

    static Duration shutdownTimeout() {
        return Duration.ofSeconds(2);
    }
}
