package io.relayconsole.server;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** What the server logs and registers about a request: who sent it and what it asked for. */
record RequestInfo(String remoteAddress, String method, String uri, String path, String userAgent, String wrapper,
                   String tags) {

    static RequestInfo of(Channel channel, HttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query >= 0 ? uri.substring(0, query) : uri;
        // Browsers cannot set User-Agent, so LaunchDarkly's browser SDKs name themselves in
        // X-LaunchDarkly-User-Agent; where both are sent, that one names the SDK and the other the browser.
        String sdkAgent = request.headers().get("X-LaunchDarkly-User-Agent");
        return new RequestInfo(describe(channel.remoteAddress()), request.method().name(), uri, path,
                sdkAgent != null && !sdkAgent.isBlank() ? sdkAgent : request.headers().get(HttpHeaderNames.USER_AGENT),
                request.headers().get("X-LaunchDarkly-Wrapper"),
                request.headers().get("X-LaunchDarkly-Tags"));
    }

    /** The same request, logged and shown under another path (one that hides what must not be shown). */
    RequestInfo withPath(String shownPath) {
        return new RequestInfo(remoteAddress, method, uri, shownPath, userAgent, wrapper, tags);
    }

    static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
