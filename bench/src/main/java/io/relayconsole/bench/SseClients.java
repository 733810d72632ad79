package io.relayconsole.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many SDK-like streaming clients ({@code GET /all}) on one event loop, so 10,000 of them fit beside the relay
 * on two cores. Each parses the SSE stream line by line (data lines are only kept when short, so a 1 MB
 * {@code put} costs a scan, not a copy) and records, with {@link System#nanoTime()}, when its first complete
 * {@code put} arrived and when a {@code patch} whose data contains a marker arrived.
 */
public final class SseClients implements AutoCloseable {
    private static final int KEPT_LINE_BYTES = 8 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final List<Client> clients = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile CountDownLatch puts;
    private volatile CountDownLatch patches;
    private volatile byte[] marker = new byte[0];

    /** Opens {@code count} streams; with {@code batch} > 0, waits for each batch's TCP connects before the next. */
    public void open(String host, int port, String sdkKey, int count, int batch) throws InterruptedException {
        open(host, port, sdkKey, count, batch, i -> "/all");
    }

    /** As {@link #open(String, int, String, int, int)}, client {@code i} requesting {@code path.apply(i)}. */
    public void open(String host, int port, String sdkKey, int count, int batch,
                     java.util.function.IntFunction<String> path) throws InterruptedException {
        puts = new CountDownLatch(count);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        List<ChannelFuture> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uri = path.apply(i);
            Client client = new Client();
            clients.add(client);
            client.connectStarted = System.nanoTime();
            ChannelFuture f = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(new HttpClientCodec(4096, 8192, 64 * 1024), client);
                }
            }).connect(host, port);
            f.addListener((ChannelFuture done) -> {
                if (!done.isSuccess()) {
                    failures.incrementAndGet();
                    return;
                }
                DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
                request.headers().set(HttpHeaderNames.HOST, host + ":" + port)
                        .set(HttpHeaderNames.AUTHORIZATION, sdkKey)
                        .set(HttpHeaderNames.ACCEPT, "text/event-stream")
                        .set(HttpHeaderNames.USER_AGENT, "JavaClient/7.13.0");
                done.channel().writeAndFlush(request);
            });
            pending.add(f);
            if (batch > 0 && pending.size() == batch) {
                for (ChannelFuture p : pending) {
                    p.await();
                }
                pending.clear();
            }
        }
    }

    /** Waits until every client has its {@code put}; false on timeout. */
    public boolean awaitPuts(long timeoutMillis) throws InterruptedException {
        return puts.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public long putsMissing() {
        return puts.getCount();
    }

    /** Arms the clients for a patch whose data contains {@code text}. */
    public void expectPatch(String text) {
        marker = text.getBytes(StandardCharsets.UTF_8);
        patches = new CountDownLatch(clients.size());
        for (Client c : clients) {
            c.patchAt = 0;
        }
    }

    public boolean awaitPatches(long timeoutMillis) throws InterruptedException {
        return patches.await(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public long patchesMissing() {
        return patches.getCount();
    }

    /** nanoTime of each client's {@code put} (0 if none yet). */
    public long[] putTimes() {
        return clients.stream().mapToLong(c -> c.putAt).toArray();
    }

    public long[] patchTimes() {
        return clients.stream().mapToLong(c -> c.patchAt).toArray();
    }

    public int failures() {
        return failures.get();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Client extends SimpleChannelInboundHandler<HttpObject> {
        long connectStarted;
        volatile long putAt;
        volatile long patchAt;
        private final byte[] line = new byte[KEPT_LINE_BYTES];
        private int lineLength;
        private boolean lineTruncated;
        private String event = "";
        private boolean dataHasMarker;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpResponse response && response.status().code() != 200) {
                failures.incrementAndGet();
                ctx.close();
                return;
            }
            if (msg instanceof HttpContent content) {
                scan(content.content());
            }
        }

        private void scan(ByteBuf buf) {
            int i = buf.readerIndex();
            int end = buf.writerIndex();
            while (i < end) {
                int newline = buf.indexOf(i, end, (byte) '\n'); // vectorised search: a 1 MB line is cheap to skip
                int stop = newline < 0 ? end : newline;
                int room = KEPT_LINE_BYTES - lineLength;
                int take = Math.min(room, stop - i);
                buf.getBytes(i, line, lineLength, take);
                lineLength += take;
                lineTruncated |= take < stop - i;
                if (newline < 0) {
                    return;
                }
                endLine();
                i = newline + 1;
            }
        }

        private void endLine() {
            if (lineLength == 0 && !lineTruncated) {
                dispatch();
            } else if (startsWith("event:")) {
                event = new String(line, 6, lineLength - 6, StandardCharsets.US_ASCII).trim();
            } else if (startsWith("data:") && !lineTruncated && marker.length > 0) {
                dataHasMarker |= contains(marker);
            }
            lineLength = 0;
            lineTruncated = false;
        }

        private void dispatch() {
            long now = System.nanoTime();
            if (event.equals("put") && putAt == 0) {
                putAt = now;
                puts.countDown();
            } else if (event.equals("patch") && dataHasMarker && patchAt == 0 && patches != null) {
                patchAt = now;
                patches.countDown();
            }
            event = "";
            dataHasMarker = false;
        }

        private boolean startsWith(String prefix) {
            if (lineLength < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean contains(byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= lineLength; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (line[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.incrementAndGet();
            ctx.close();
        }
    }
}
