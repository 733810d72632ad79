package io.relayconsole.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.relayconsole.metrics.SdkMeters;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * nginx's {@code client_header_timeout} and {@code keepalive_timeout} for the SDK port: a connection must finish
 * its request headers within {@code headerTimeout} of opening, and a connection with no request in flight is closed
 * after {@code idleTimeout} (a request whose headers never finish counts as none). A stream is a response in flight
 * that never ends, so streams are never closed by it. Sits after the HTTP codec; all of it runs on the channel's
 * event loop, so it needs no lock. Each close is counted by reason.
 */
final class ConnectionGuard extends ChannelDuplexHandler {
    private final long headerTimeoutMillis;
    private final long idleTimeoutMillis;
    private final SdkMeters meters;
    private ScheduledFuture<?> deadline;
    private boolean inFlight;
    private boolean anyRequest;

    ConnectionGuard(Duration headerTimeout, Duration idleTimeout, SdkMeters meters) {
        this.headerTimeoutMillis = headerTimeout.toMillis();
        this.idleTimeoutMillis = idleTimeout.toMillis();
        this.meters = meters;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        meters.connectionOpened();
        arm(ctx, headerTimeoutMillis);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        meters.connectionClosed();
        disarm();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            inFlight = true;
            anyRequest = true;
            disarm();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            // The response is complete once written; from then on the connection is idle until the next request.
            promise = promise.unvoid();
            promise.addListener((ChannelFutureListener) f -> {
                inFlight = false;
                if (f.channel().isActive()) {
                    arm(ctx, idleTimeoutMillis);
                }
            });
        }
        super.write(ctx, msg, promise);
    }

    private void arm(ChannelHandlerContext ctx, long millis) {
        disarm();
        deadline = ctx.executor().schedule(() -> {
            if (!inFlight && ctx.channel().isActive()) {
                meters.connectionRefused(anyRequest ? "idle" : "header_timeout");
                ctx.close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
