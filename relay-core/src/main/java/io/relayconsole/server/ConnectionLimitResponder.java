package io.relayconsole.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import io.relayconsole.metrics.SdkMeters;
import io.relayconsole.serving.RequestLog;

/**
 * Stands in for the request handler on a connection opened beyond {@code [Main] maxConnections}: answers its
 * request with 503 and closes, like nginx's {@code limit_conn}. SDKs retry with backoff, so a relay at its limit
 * sheds load instead of running out of descriptors. Counted, and logged where the console shows refusals.
 */
final class ConnectionLimitResponder extends ChannelInboundHandlerAdapter {
    static final String REASON = "connection limit reached";

    private final int limit;
    private final SdkMeters meters;
    private final RequestLog requests;

    ConnectionLimitResponder(int limit, SdkMeters meters, RequestLog requests) {
        this.limit = limit;
        this.meters = meters;
        this.requests = requests;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                RequestInfo info = RequestInfo.of(ctx.channel(), request);
                FullHttpResponse response = Responses.error(HttpResponseStatus.SERVICE_UNAVAILABLE,
                        "Connection limit reached (" + limit + " connections); retry later");
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
                meters.connectionRefused("limit");
                meters.requestAnswered(null, null, info.method(), 503, 0);
                requests.record(null, info.remoteAddress(), info.method(), info.path(), 503,
                        response.content().readableBytes(), info.userAgent(), REASON);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }
}
