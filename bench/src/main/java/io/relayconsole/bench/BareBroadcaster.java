package io.relayconsole.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor the relay is compared with: the least a Netty server must do to stream SSE. {@code GET /all}
 * answers with the {@code put} event built once from a file, as one shared buffer; {@code POST /broadcast}
 * wraps its body in a {@code patch} event and writes it to every open stream. No authentication, no data
 * model, no store. Run as its own process, like the relay, so its RSS can be read the same way.
 *
 * <p>Usage: {@code BareBroadcaster PORT PUT_DATA_FILE} (the file holds the {@code put} event's data line).
 */
public final class BareBroadcaster {
    private BareBroadcaster() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] putData = Files.readAllBytes(Path.of(args[1]));
        ByteBuf putEvent = Unpooled.unreleasableBuffer(Unpooled.directBuffer(putData.length + 32)
                .writeBytes("event: put\ndata: ".getBytes(StandardCharsets.US_ASCII))
                .writeBytes(putData).writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII)).asReadOnly());
        ChannelGroup streams = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Handler(putEvent, streams));
                    }
                }).bind("127.0.0.1", port).sync();
        System.out.println("bare broadcaster listening on " + port);
        Thread.currentThread().join();
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ByteBuf putEvent;
        private final ChannelGroup streams;

        Handler(ByteBuf putEvent, ChannelGroup streams) {
            this.putEvent = putEvent;
            this.streams = streams;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            Channel ch = ctx.channel();
            if (request.method() == HttpMethod.GET && request.uri().startsWith("/all")) {
                DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                        .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
                ch.write(head);
                ch.writeAndFlush(new DefaultHttpContent(putEvent.duplicate()));
                streams.add(ch);
            } else if (request.method() == HttpMethod.POST && request.uri().equals("/broadcast")) {
                ByteBuf event = Unpooled.buffer(request.content().readableBytes() + 32)
                        .writeBytes("event: patch\ndata: ".getBytes(StandardCharsets.US_ASCII))
                        .writeBytes(request.content()).writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
                // The group writes a duplicate per channel; content objects are per-channel too
                streams.writeAndFlush(new DefaultHttpContent(event));
                DefaultFullHttpResponse ok = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
                ok.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(ok);
            } else {
                DefaultFullHttpResponse notFound = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.NOT_FOUND);
                notFound.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
                ctx.writeAndFlush(notFound).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
