package io.relayconsole.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.simulator.FlagSimulator;
import io.relayconsole.testing.RedisServerProcess;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /livez}, {@code /readyz} and {@code /status/{env}} of a relay that starts cold with its upstream down and no
 * store, then gets data when the upstream (the built-in one, started late on the port the relay points at) comes up.
 */
class ProbesTest {
    private static final String KEY = "sdk-0a0b0c0d-1111-2222-3333-444444444444";
    private RelayRuntime runtime;
    private FlagSimulator upstream;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void readyzIs503UntilDataArrivesAndLivezIsAlways200() throws Exception {
        int upstreamPort = RedisServerProcess.freePort();
        URI down = URI.create("http://127.0.0.1:" + upstreamPort);
        MainConfig main = MainConfig.defaults().withPort(0).withUpstream(down, down)
                .withTimings(Duration.ofSeconds(1), Duration.ofMinutes(3));
        runtime = RelayRuntime.start(RelayConfig.of(main, List.of(EnvironmentConfig.of("production", KEY))),
                RelayOptions.builder().bindAddress("127.0.0.1").initialReconnectDelay(Duration.ofMillis(100)).build());
        int port = runtime.relay().port();

        HttpResponse<byte[]> cold = ServerTestSupport.get(port, "/readyz");
        assertThat(cold.statusCode()).isEqualTo(503);
        assertThat(ServerTestSupport.text(cold)).contains("\"production\"").contains("\"not ready\"");
        assertThat(ServerTestSupport.get(port, "/livez").statusCode()).isEqualTo(200);

        // After initTimeout the environment answers SDKs, but with nothing: still not ready, and it says why.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                ServerTestSupport.text(ServerTestSupport.get(port, "/readyz")).contains("no data"));
        assertThat(ServerTestSupport.get(port, "/readyz").statusCode()).isEqualTo(503);
        assertThat(ServerTestSupport.get(port, "/livez").statusCode()).isEqualTo(200);

        upstream = new FlagSimulator();
        upstream.addEnvironment(KEY);
        upstream.start(upstreamPort);
        await().atMost(Duration.ofSeconds(30)).until(() -> ServerTestSupport.get(port, "/readyz").statusCode() == 200);
        assertThat(ServerTestSupport.text(ServerTestSupport.get(port, "/readyz")))
                .isEqualTo("{\"environments\":{\"production\":{\"status\":\"ready\"}},\"status\":\"ready\"}");
        assertThat(ServerTestSupport.get(port, "/livez").statusCode()).isEqualTo(200);
    }

    @Test
    void statusOfOneEnvironmentMasksItsKeyAndUnknownNamesAre404() throws Exception {
        upstream = new FlagSimulator();
        upstream.addEnvironment(KEY);
        upstream.start(0);
        MainConfig main = MainConfig.defaults().withPort(0).withUpstream(upstream.streamUri(), upstream.baseUri());
        runtime = RelayRuntime.start(RelayConfig.of(main, List.of(EnvironmentConfig.of("production", KEY))),
                RelayOptions.builder().bindAddress("127.0.0.1").build());
        int port = runtime.relay().port();
        await().atMost(Duration.ofSeconds(10)).until(() -> ServerTestSupport.get(port, "/readyz").statusCode() == 200);

        HttpResponse<byte[]> one = ServerTestSupport.get(port, "/status/production");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(ServerTestSupport.text(one)).contains("\"name\":\"production\"").contains("\"status\":\"connected\"")
                .contains("\"ready\":\"yes\"").doesNotContain(KEY).contains("\"sdkKey\":\"sdk-****");
        assertThat(ServerTestSupport.get(port, "/status/staging").statusCode()).isEqualTo(404);
    }
}
