package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.env;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static io.relayconsole.server.ServerTestSupport.main;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LaunchDarkly Java server SDK, unchanged, in proxy mode against this server. */
class RealJavaSdkTest {
    private static final LDContext USER = LDContext.create("user-1");
    private Relay relay;
    private RelayEnvironment env;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    private void start() throws InterruptedException {
        relay = ServerTestSupport.relay(main(Duration.ofSeconds(30), Duration.ofMinutes(3)),
                List.of(EnvironmentConfig.of("prod", KEY_A)), null).start();
        env = env(relay, "prod");
        upstream(relay, env.name()).init(data(List.of(booleanFlag("on-flag", 1, true)), List.of()));
    }

    private LDConfig.Builder config() {
        URI uri = URI.create("http://127.0.0.1:" + relay.port());
        return new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(uri))
                .events(Components.noEvents())
                .diagnosticOptOut(true)
                .startWait(Duration.ofSeconds(10));
    }

    @Test
    void streamingSdkInitializesAndSeesLiveChanges() throws Exception {
        start();
        try (LDClient client = new LDClient(KEY_A, config().dataSource(Components.streamingDataSource()).build())) {
            assertThat(client.isInitialized()).isTrue();
            assertThat(client.boolVariation("on-flag", USER, false)).isTrue();
            upstream(relay, env.name()).upsert(DataKind.FEATURES, booleanFlag("on-flag", 2, false));
            await().atMost(Duration.ofSeconds(10)).until(() -> !client.boolVariation("on-flag", USER, true));
            upstream(relay, env.name()).upsert(DataKind.FEATURES, Item.tombstone("on-flag", 3));
            await().atMost(Duration.ofSeconds(10)).until(() -> client.boolVariation("on-flag", USER, true));
        }
    }

    @Test
    void pollingSdkInitializesFromLatestAll() throws Exception {
        start();
        try (LDClient client = new LDClient(KEY_A, config().dataSource(Components.pollingDataSource()).build())) {
            assertThat(client.isInitialized()).isTrue();
            assertThat(client.boolVariation("on-flag", USER, false)).isTrue();
        }
    }

    private static Item booleanFlag(String key, long version, boolean on) {
        return ServerTestSupport.item(key, "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":" + on
                + ",\"variations\":[true,false],\"fallthrough\":{\"variation\":0},\"offVariation\":1,"
                + "\"targets\":[],\"rules\":[],\"prerequisites\":[],\"salt\":\"s\",\"trackEvents\":false}");
    }
}
