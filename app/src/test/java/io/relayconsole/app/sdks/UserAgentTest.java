package io.relayconsole.app.sdks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserAgentTest {

    @Test
    void knownSdksGetReadableNames() {
        assertThat(UserAgent.parse("JavaClient/7.13.0")).isEqualTo(new UserAgent("Java server SDK", "7.13.0"));
        assertThat(UserAgent.parse("NodeJSClient/9.13.2 extra/1")).isEqualTo(new UserAgent("Node.js server SDK", "9.13.2"));
    }

    @Test
    void otherProductsKeepTheirName() {
        assertThat(UserAgent.parse("curl/8.5.0")).isEqualTo(new UserAgent("curl", "8.5.0"));
        assertThat(UserAgent.parse("MyTool")).isEqualTo(new UserAgent("MyTool", ""));
    }

    @Test
    void missingHeaderIsUnknown() {
        assertThat(UserAgent.parse(null)).isEqualTo(new UserAgent("unknown", ""));
        assertThat(UserAgent.parse("  ")).isEqualTo(new UserAgent("unknown", ""));
        assertThat(UserAgent.parse("/1.0")).isEqualTo(new UserAgent("/1.0", ""));
    }
}
