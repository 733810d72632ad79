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
 * Answers each complete request of one connection on the I/O thread when it needs no store I/O (the data is in
 * memory), and otherwise hands it to that connection's request thread, so the I/O thread never waits on a store.
 * A request is answered inline only when none of the connection's earlier requests is still on the request
 * thread, so responses still go out in the order the requests came in.
 */
final class RequestOffloader extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestOffloader.class);

    private final SdkRequestHandler handler;
    private final EventExecutor requestThread;
    private int offloaded; // requests of this connection still on the request thread; touched on its I/O thread

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
        if (offloaded == 0 && handler.answersWithoutWaiting(request)) {
            try {
                handler.handle(ctx, request);
            } finally {
                request.release();
            }
            return;
        }
        offloaded++;
        try {
            requestThread.execute(() -> {
                try {
                    handler.handle(ctx, request);
                } finally {
                    request.release();
                    doneOnIoThread(ctx);
                }
            });
        } catch (RejectedExecutionException e) {
            request.release(); // shutting down
            ctx.close();
        }
    }

    private void doneOnIoThread(ChannelHandlerContext ctx) {
        try {
            ctx.executor().execute(() -> offloaded--);
        } catch (RejectedExecutionException e) {
            // the server is shutting down: the connection is being closed anyway
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
