package io.relayconsole.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class RequestInfoTest {

    @Test
    void namesTheSdkByItsOwnHeaderWhateverTheCaseAndKeepsWrapperAndTags() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/sdk/evalx/abc/contexts/x?h=1");
        request.headers().add("user-agent", "Mozilla/5.0");
        request.headers().add("X-LAUNCHDARKLY-USER-AGENT", "JSClient/3.4.0");
        request.headers().add("x-LaunchDarkly-Wrapper", "react-client-sdk/3.0.0");
        request.headers().add("X-LaunchDarkly-Tags", "application-id/shop");

        RequestInfo info = RequestInfo.of(new EmbeddedChannel(), request);

        assertThat(info.path()).isEqualTo("/sdk/evalx/abc/contexts/x");
        assertThat(info.method()).isEqualTo("GET");
        assertThat(info.userAgent()).isEqualTo("JSClient/3.4.0");
        assertThat(info.wrapper()).isEqualTo("react-client-sdk/3.0.0");
        assertThat(info.tags()).isEqualTo("application-id/shop");
    }

    @Test
    void fallsBackToUserAgentAndDescribesTheConnectionOnceForAllItsRequests() {
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpRequest first = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/sdk/latest-all");
        first.headers().add("User-Agent", "JavaClient/7.13.0");
        first.headers().add("X-LaunchDarkly-User-Agent", "");
        HttpRequest second = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/all");

        RequestInfo a = RequestInfo.of(channel, first);
        RequestInfo b = RequestInfo.of(channel, second);

        assertThat(a.userAgent()).isEqualTo("JavaClient/7.13.0");
        assertThat(b.userAgent()).isNull();
        assertThat(b.wrapper()).isNull();
        assertThat(a.remoteAddress()).isEqualTo(RequestInfo.describe(channel.remoteAddress())).isSameAs(b.remoteAddress());
    }
}
