package io.relayconsole.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.relayconsole.config.ConnectionLimitsConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.metrics.RelayMeters;
import io.relayconsole.serving.ServedRelay;
import io.relayconsole.serving.ServedEnvironment;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK-facing HTTP server (proxy mode): the {@code /all} and {@code /flags} streams, the polling
 * endpoints, {@code /status} and {@code /health}. Non-blocking: a stream holds no thread, and its payloads are
 * encoded once per data version and shared by every connection.
 */
public final class SdkServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SdkServer.class);

    private final ServedRelay relay;
    private final ServerLimits limits;
    private final RelayMeters meters;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final Map<String, EnvironmentFeed> feeds = new LinkedHashMap<>();
    private final ChannelGroup channels = new DefaultChannelGroup("sdk-connections", GlobalEventExecutor.INSTANCE);
    private EventLoopGroup acceptor;
    private EventLoopGroup workers;
    private EventExecutorGroup requestThreads;
    private Channel serverChannel;
    private ScheduledFuture<?> heartbeats;
    private ClientSide clientSide;

    public SdkServer(ServedRelay relay) {
        this(relay, ServerLimits.defaults());
    }

    public SdkServer(ServedRelay relay, ServerLimits limits) {
        this(relay, limits, RelayMeters.disabled());
    }

    /** {@code meters} receives what the server counts: streams, requests, fan-out, connections and refusals. */
    public SdkServer(ServedRelay relay, ServerLimits limits, RelayMeters meters) {
        this.relay = relay;
        this.limits = limits;
        this.meters = meters;
    }

    /** Binds and returns the bound port. {@code bindAddress} null means all interfaces; port 0 picks a free one. */
    public synchronized int start(String bindAddress, int port) throws InterruptedException {
        if (serverChannel != null) {
            throw new IllegalStateException("The SDK server is already started");
        }
        MainConfig main = relay.main();
        io.netty.handler.ssl.SslContext tls = TlsContexts.forServer(main.tls()); // fails before anything starts
        for (ServedEnvironment env : relay.environments()) {
            EnvironmentFeed feed = EnvironmentFeed.create(meters.streams(env.name()));
            feeds.put(env.name(), feed);
            env.addUpdateListener(feed.broadcaster());
        }
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("sdk-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("sdk-io", true),
                NioIoHandler.newFactory());
        requestThreads = new DefaultEventExecutorGroup(limits.requestThreads(),
                new DefaultThreadFactory("sdk-requests", true));
        StreamOpener streams = new StreamOpener(relay.connections(), limits.maxPendingStreamBytes(),
                main.maxClientConnectionTime(), meters.sdk());
        clientSide = ClientSide.create(relay.connections(), main.clientSideBaseUri(), limits.maxPendingStreamBytes(),
                main.maxClientConnectionTime(), meters.sdk());
        SdkRequestHandler handler = new SdkRequestHandler(relay, feeds, streams, clientSide, meters.sdk());
        ConnectionLimitsConfig connectionLimits = main.limits();
        HttpDecoderConfig decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxInitialLineLength())
                .setMaxHeaderSize(limits.maxHeaderBytes());

        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        boolean overLimit = connectionLimits.maxConnections() > 0
                                && openConnections.incrementAndGet() > connectionLimits.maxConnections();
                        if (connectionLimits.maxConnections() > 0) {
                            ch.closeFuture().addListener(f -> openConnections.decrementAndGet());
                        }
                        if (tls != null) {
                            ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline()
                                .addLast("http", new HttpServerCodec(decoderConfig))
                                .addLast("guard", new ConnectionGuard(connectionLimits.requestHeaderTimeout(),
                                        connectionLimits.idleConnectionTimeout(), meters.sdk()));
                        if (overLimit) {
                            ch.pipeline().addLast("limit", new ConnectionLimitResponder(
                                    connectionLimits.maxConnections(), meters.sdk(), relay.requests()));
                            return;
                        }
                        ch.pipeline()
                                .addLast("keepAlive", new HttpServerKeepAliveHandler())
                                .addLast("aggregate", new BoundedAggregator(limits.maxRequestBodyBytes(),
                                        relay.requests()))
                                .addLast("sdk", new RequestOffloader(handler, requestThreads.next()));
                    }
                });
        InetSocketAddress address = bindAddress == null ? new InetSocketAddress(port)
                : new InetSocketAddress(bindAddress, port);
        try {
            serverChannel = bootstrap.bind(address).sync().channel();
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        scheduleHeartbeats(main.heartbeatInterval());
        int bound = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        LOG.info("SDK server listening on {}:{}{}", bindAddress == null ? "*" : bindAddress, bound,
                tls != null ? " (TLS)" : "");
        return bound;
    }

    private void scheduleHeartbeats(Duration interval) {
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        long ms = interval.toMillis();
        heartbeats = workers.next().scheduleAtFixedRate(() -> {
            for (EnvironmentFeed feed : feeds.values()) {
                feed.broadcaster().heartbeat();
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Stops accepting, closes every connection (streams included) and frees the threads. */
    @Override
    public synchronized void close() {
        if (heartbeats != null) {
            heartbeats.cancel(false);
            heartbeats = null;
        }
        for (ServedEnvironment env : relay.environments()) {
            EnvironmentFeed feed = feeds.get(env.name());
            if (feed != null) {
                env.removeUpdateListener(feed.broadcaster());
            }
        }
        feeds.clear();
        if (clientSide != null) {
            clientSide.close();
            clientSide = null;
        }
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            serverChannel = null;
        }
        channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        // Request threads first (they may still write to closing channels), then the I/O threads.
        for (EventExecutorGroup group : new EventExecutorGroup[] {requestThreads, workers, acceptor}) {
            if (group != null) {
                group.shutdownGracefully(0, 2000, TimeUnit.MILLISECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
            }
        }
        acceptor = null;
        workers = null;
        requestThreads = null;
    }
}
