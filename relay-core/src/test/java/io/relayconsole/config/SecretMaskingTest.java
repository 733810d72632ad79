package io.relayconsole.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials must never appear in clear when a configuration is logged or shown. */
class SecretMaskingTest {

    @Test
    void redisPasswordsAreMaskedIncludingOnesInTheUrl() {
        RedisConfig redis = new RedisConfig(URI.create("redis://user:hunter2@cache:6379/0"), false, "user",
                "hunter2", Duration.ofSeconds(30), null, false);
        assertThat(redis.toString()).doesNotContain("hunter2").contains("password=********")
                .contains("redis://user:********@cache:6379/0");
    }

    @Test
    void consulTokensAndProxyPasswordsAreMasked() {
        assertThat(new ConsulConfig("c", "tok-secret", null, Duration.ZERO).toString())
                .doesNotContain("tok-secret").contains("token=********");
        assertThat(new ProxyConfig(URI.create("http://p:1"), "u", "pw-secret", null, false, List.of()).toString())
                .doesNotContain("pw-secret");
    }

    @Test
    void loadedConfigurationsDoNotShowSdkKeysOrPasswords() {
        RelayConfig config = ConfigLoader.parse("r", """
                [Redis]
                url = redis://:urlpass@127.0.0.1:6379
                password = plainpass
                [Environment "prod"]
                sdkKey = sdk-12345678-abcd-ef01-2345-6789abcdef01
                """).config();
        assertThat(config.toString()).doesNotContain("urlpass", "plainpass",
                "sdk-12345678-abcd-ef01-2345-6789abcdef01").contains("sdk-********-****-****-****-*******def01");
    }

    @Test
    void unsetSecretsStayVisiblyUnset() {
        assertThat(Secrets.maskPassword(null)).isNull();
        assertThat(Secrets.maskUriCredentials(URI.create("redis://cache:6379"))).isEqualTo("redis://cache:6379");
    }
}
