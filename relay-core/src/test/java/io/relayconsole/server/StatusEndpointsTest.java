package io.relayconsole.server;

import io.relayconsole.testing.SwitchableStore;
import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.KEY_B;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.env;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static io.relayconsole.server.ServerTestSupport.flag;
import static io.relayconsole.server.ServerTestSupport.get;
import static io.relayconsole.server.ServerTestSupport.main;
import static io.relayconsole.server.ServerTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.model.Json;
import io.relayconsole.relay.Relay;
import io.relayconsole.store.DataStore;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.upstream.DataSourceState;
import io.relayconsole.upstream.ErrorInfo;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusEndpointsTest {
    private Relay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void statusHasLdRelayShapeWithMaskedKeysAndNeedsNoAuth() throws Exception {
        SwitchableStore persistent = new SwitchableStore();
        relay = ServerTestSupport.relay(main(Duration.ofSeconds(30), Duration.ofMinutes(3)),
                List.of(EnvironmentConfig.of("a", KEY_A), EnvironmentConfig.of("b", KEY_B)),
                c -> c.name().equals("b") ? persistent : (DataStore) new InMemoryDataStore()).start();
        upstream(relay, "a").init(data(List.of(flag("f1", 1)), List.of()));
        upstream(relay, "a").updateStatus(DataSourceState.VALID, null);
        Instant failure = Instant.now();
        upstream(relay, "b").updateStatus(DataSourceState.INTERRUPTED,
                ErrorInfo.of(ErrorInfo.Kind.NETWORK_ERROR, "refused", failure));

        HttpResponse<byte[]> response = get(relay.port(), "/status");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        String body = text(response);
        assertThat(body).doesNotContain(KEY_A).doesNotContain(KEY_B);
        JsonNode root = Json.mapper().readTree(body);

        JsonNode a = root.path("environments").path("a");
        assertThat(a.path("sdkKey").asText()).isEqualTo("sdk-********-****-****-****-*******44444");
        assertThat(a.path("status").asText()).isEqualTo("connected");
        assertThat(a.path("connectionStatus").path("state").asText()).isEqualTo("VALID");
        assertThat(a.path("connectionStatus").path("stateSince").isNumber()).isTrue();
        assertThat(a.path("dataStoreStatus").path("state").asText()).isEqualTo("VALID");
        assertThat(a.path("dataStoreStatus").has("database")).isFalse();

        JsonNode b = root.path("environments").path("b");
        assertThat(b.path("status").asText()).isEqualTo("disconnected");
        assertThat(b.path("connectionStatus").path("state").asText()).isEqualTo("INITIALIZING");
        assertThat(b.path("connectionStatus").path("lastError").path("kind").asText()).isEqualTo("NETWORK_ERROR");
        assertThat(b.path("connectionStatus").path("lastError").path("time").asLong()).isEqualTo(failure.toEpochMilli());
        assertThat(b.path("dataStoreStatus").path("database").asText()).isEqualTo("redis");
        assertThat(b.path("dataStoreStatus").path("dbPrefix").asText()).isEqualTo("launchdarkly");

        assertThat(root.path("status").asText()).isEqualTo("degraded");
        assertThat(root.path("version").asText()).isNotEmpty();
        assertThat(root.path("clientVersion").asText()).isNotEmpty();

        // The relay notices an outage when an operation fails, as ld-relay does: here, writing an update.
        persistent.setDown(true);
        upstream(relay, "b").upsert(io.relayconsole.model.DataKind.FEATURES, flag("f9", 1));
        JsonNode later = Json.mapper().readTree(text(get(relay.port(), "/status")));
        assertThat(later.path("environments").path("b").path("dataStoreStatus").path("state").asText())
                .isEqualTo("INTERRUPTED");
    }

    @Test
    void healthIs503WhileDegradedAnd200OnceEveryEnvironmentIsConnected() throws Exception {
        relay = ServerTestSupport.relay(main(Duration.ofSeconds(30), Duration.ofMinutes(3)),
                List.of(EnvironmentConfig.of("a", KEY_A)), null).start();
        HttpResponse<byte[]> degraded = get(relay.port(), "/health");
        assertThat(degraded.statusCode()).isEqualTo(503);
        JsonNode body = Json.mapper().readTree(degraded.body());
        assertThat(body.path("status").asText()).isEqualTo("degraded");
        assertThat(body.path("environments").path("a").path("reason").asText()).contains("INITIALIZING");

        upstream(relay, "a").init(data(List.of(flag("f1", 1)), List.of()));
        upstream(relay, "a").updateStatus(DataSourceState.VALID, null);
        HttpResponse<byte[]> healthy = get(relay.port(), "/healthz");
        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(healthy.body()).path("status").asText()).isEqualTo("healthy");
    }
}
