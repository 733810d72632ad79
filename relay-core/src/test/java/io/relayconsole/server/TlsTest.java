package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.TlsConfig;
import io.relayconsole.relay.Relay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ld-relay's TLS settings: the SDK port speaks HTTPS with the operator's certificate. */
class TlsTest {

    @Test
    void servesHttpsWithTheConfiguredCertificate(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor()).as("openssl (apt-get install openssl) made a certificate").isZero();

        MainConfig main = ServerTestSupport.main(Duration.ofSeconds(1), Duration.ofMinutes(3))
                .withTls(new TlsConfig(true, cert.toString(), key.toString(), "1.2"));
        try (Relay relay = ServerTestSupport.relay(main, List.of(EnvironmentConfig.of("prod", KEY_A)), null).start()) {
            HttpResponse<String> status = trustingClient().send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + relay.port() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"prod\"");

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + relay.port() + "/status")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void anUnusableCertificateStopsTheStartWithTheFileName(@TempDir Path dir) {
        MainConfig main = ServerTestSupport.main(Duration.ofSeconds(1), Duration.ofMinutes(3))
                .withTls(new TlsConfig(true, dir.resolve("missing.pem").toString(), dir.resolve("k.pem").toString(),
                        null));
        Relay relay = ServerTestSupport.relay(main, List.of(EnvironmentConfig.of("prod", KEY_A)), null);
        try {
            assertThatThrownBy(relay::start).hasMessageContaining("missing.pem");
        } finally {
            relay.close();
        }
    }

    /** Trusts the test's self-signed certificate; never outside tests. */
    private static HttpClient trustingClient() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trustAll}, null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }
}
