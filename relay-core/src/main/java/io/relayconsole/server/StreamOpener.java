package io.relayconsole.server;

import io.netty.channel.Channel;
import io.relayconsole.metrics.SdkMeters;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.serving.SdkConnection;
import io.relayconsole.serving.SdkConnections;
import io.relayconsole.store.StoreException;
import java.time.Duration;

/**
 * Turns an authenticated request into a live stream: subscribes it first (so no change can slip between
 * the store read and the subscription), reads the store, registers the connection, and starts it with the
 * replayed {@code put}, or silent when the store holds no data yet (reference §2.5).
 */
final class StreamOpener {
    private final SdkConnections connections;
    private final long maxPendingBytes;
    private final Duration maxConnectionTime;
    private final SdkMeters meters;

    StreamOpener(SdkConnections connections, long maxPendingBytes, Duration maxConnectionTime, SdkMeters meters) {
        this.connections = connections;
        this.maxPendingBytes = maxPendingBytes;
        this.maxConnectionTime = maxConnectionTime;
        this.meters = meters;
    }

    /** @throws StoreException when the store cannot be read; the stream is not opened then */
    void open(Channel channel, RequestInfo info, ServedEnvironment env, EnvironmentFeed feed, StreamKind kind) {
        SdkStream stream = new SdkStream(channel, kind, maxPendingBytes);
        EnvironmentBroadcaster broadcaster = feed.broadcaster();
        broadcaster.add(stream);
        SharedBytes initialPut;
        try {
            initialPut = readInitialPut(env, feed, kind);
        } catch (RuntimeException e) {
            broadcaster.remove(stream);
            stream.closed();
            throw e;
        }
        SdkConnection connection = connections.register(
                new SdkConnection.ConnectionRequest(env.name(), info.remoteAddress(), info.userAgent(),
                        info.wrapper(), info.tags(), info.path()),
                stream::endGracefully);
        meters.streamOpened(env.name(), info.path(), info.userAgent());
        channel.closeFuture().addListener(f -> {
            broadcaster.remove(stream);
            connections.unregister(connection);
            meters.streamClosed(env.name(), info.path(), info.userAgent());
            stream.closed();
        });
        stream.start(Responses.streamHead(), initialPut, connection, ConnectionAge.withJitter(maxConnectionTime));
    }

    private static SharedBytes readInitialPut(ServedEnvironment env, EnvironmentFeed feed, StreamKind kind) {
        if (!env.hasData()) {
            return null;
        }
        FullDataSet data = env.currentData();
        DataVersionPayloads payloads = feed.payloads().forData(data);
        return kind == StreamKind.ALL ? payloads.allPutFrame() : payloads.flagsPutFrame();
    }
}
