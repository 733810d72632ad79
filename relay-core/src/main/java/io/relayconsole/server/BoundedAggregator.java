package io.relayconsole.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.relayconsole.serving.RequestLog;

/**
 * Collects each request into one message, refusing bodies over the limit with a JSON 413 that the request
 * log records, instead of buffering them.
 */
final class BoundedAggregator extends HttpObjectAggregator {
    private final RequestLog requests;
    private final int maxBodyBytes;

    BoundedAggregator(int maxBodyBytes, RequestLog requests) {
        super(maxBodyBytes, true);
        this.maxBodyBytes = maxBodyBytes;
        this.requests = requests;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        String reason = "request body larger than " + maxBodyBytes + " bytes";
        if (oversized instanceof HttpRequest request) {
            RequestInfo info = RequestInfo.of(ctx.channel(), request);
            requests.record(null, info.remoteAddress(), info.method(), info.path(), 413, 0, info.userAgent(), reason);
        }
        FullHttpResponse response = Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "Request body larger than " + maxBodyBytes + " bytes");
        if (HttpUtil.isKeepAlive(oversized)) {
            // Stay open: the aggregator discards the rest of the body as it arrives (never held in memory), and
            // a client still sending it reads the 413 instead of a connection reset.
            HttpUtil.setKeepAlive(response, true);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
