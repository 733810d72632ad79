package io.relayconsole.server;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import io.netty.util.Attribute;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.Map;

/** What the server logs and registers about a request: who sent it and what it asked for. */
record RequestInfo(String remoteAddress, String method, String uri, String path, String userAgent, String wrapper,
                   String tags) {

    private static final AttributeKey<String> REMOTE_ADDRESS = AttributeKey.valueOf("relayconsole.remoteAddress");
    private static final AsciiString SDK_USER_AGENT = AsciiString.cached("x-launchdarkly-user-agent");
    private static final AsciiString WRAPPER = AsciiString.cached("x-launchdarkly-wrapper");
    private static final AsciiString TAGS = AsciiString.cached("x-launchdarkly-tags");

    static RequestInfo of(Channel channel, HttpRequest request) {
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query >= 0 ? uri.substring(0, query) : uri;
        // One pass over the headers instead of a lookup per name: every poll comes here, and each lookup
        // validates and hashes its name (measured in the polling profile, bench/README.md).
        String userAgent = null;
        String sdkAgent = null;
        String wrapper = null;
        String tags = null;
        Iterator<Map.Entry<CharSequence, CharSequence>> headers = request.headers().iteratorCharSequence();
        while (headers.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = headers.next();
            CharSequence name = h.getKey();
            if (userAgent == null && AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.USER_AGENT)) {
                userAgent = h.getValue().toString();
            } else if (sdkAgent == null && AsciiString.contentEqualsIgnoreCase(name, SDK_USER_AGENT)) {
                sdkAgent = h.getValue().toString();
            } else if (wrapper == null && AsciiString.contentEqualsIgnoreCase(name, WRAPPER)) {
                wrapper = h.getValue().toString();
            } else if (tags == null && AsciiString.contentEqualsIgnoreCase(name, TAGS)) {
                tags = h.getValue().toString();
            }
        }
        // Browsers cannot set User-Agent, so LaunchDarkly's browser SDKs name themselves in
        // X-LaunchDarkly-User-Agent; where both are sent, that one names the SDK and the other the browser.
        return new RequestInfo(remoteAddress(channel), request.method().name(), uri, path,
                sdkAgent != null && !sdkAgent.isBlank() ? sdkAgent : userAgent, wrapper, tags);
    }

    /** Described once per connection: a keep-alive connection's polls share it. */
    private static String remoteAddress(Channel channel) {
        Attribute<String> known = channel.attr(REMOTE_ADDRESS);
        String address = known.get();
        if (address == null) {
            address = describe(channel.remoteAddress());
            known.set(address);
        }
        return address;
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
