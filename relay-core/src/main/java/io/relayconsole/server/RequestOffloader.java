package io.relayconsole.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each complete request of one connection to that connection's request thread, so the I/O thread never
 * waits on a store, and a connection's responses still go out in the order its requests came in. Channel
 * events themselves stay on the I/O thread.
 */
final class RequestOffloader extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestOffloader.class);

    private final SdkRequestHandler handler;
    private final EventExecutor requestThread;

    RequestOffloader(SdkRequestHandler handler, EventExecutor requestThread) {
        this.handler = handler;
        this.requestThread = requestThread;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            requestThread.execute(() -> {
                try {
                    handler.handle(ctx, request);
                } finally {
                    request.release();
                }
            });
        } catch (RejectedExecutionException e) {
            request.release(); // shutting down
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("SDK connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("Unexpected error on SDK connection {}; closing it", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}
