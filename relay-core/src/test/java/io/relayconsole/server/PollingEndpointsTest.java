package io.relayconsole.server;

import io.relayconsole.testing.SwitchableStore;
import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.env;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static io.relayconsole.server.ServerTestSupport.flag;
import static io.relayconsole.server.ServerTestSupport.get;
import static io.relayconsole.server.ServerTestSupport.main;
import static io.relayconsole.server.ServerTestSupport.segment;
import static io.relayconsole.server.ServerTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.serving.RequestRecord;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingEndpointsTest {
    private Relay relay;
    private RelayEnvironment env;
    private SwitchableStore store;

    private void start(EnvironmentConfig config) throws InterruptedException {
        store = new SwitchableStore();
        relay = ServerTestSupport.relay(main(Duration.ofSeconds(30), Duration.ofMinutes(3)), List.of(config),
                c -> store).start();
        env = env(relay, config.name());
        upstream(relay, env.name()).init(data(List.of(flag("f1", 1), flag("f2", 2)), List.of(segment("s1", 3))));
    }

    private void start() throws InterruptedException {
        start(EnvironmentConfig.of("prod", KEY_A));
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void latestEndpointsServeTheDataAndRecordThePoll() throws Exception {
        start();
        String f1 = flag("f1", 1).jsonString();
        String f2 = flag("f2", 2).jsonString();
        String s1 = segment("s1", 3).jsonString();
        HttpResponse<byte[]> all = get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(text(all)).isEqualTo("{\"flags\":{\"f1\":" + f1 + ",\"f2\":" + f2 + "},\"segments\":{\"s1\":" + s1 + "}}");
        assertThat(text(get(relay.port(), "/sdk/latest-flags", "Authorization", KEY_A)))
                .isEqualTo("{\"f1\":" + f1 + ",\"f2\":" + f2 + "}");
        assertThat(text(get(relay.port(), "/sdk/latest-segments", "Authorization", KEY_A))).isEqualTo("{\"s1\":" + s1 + "}");
        assertThat(text(get(relay.port(), "/sdk/latest-flags/f2", "Authorization", KEY_A))).isEqualTo(f2);
        assertThat(text(get(relay.port(), "/sdk/latest-segments/s1", "Authorization", KEY_A))).isEqualTo(s1);

        RequestRecord last = relay.requests().recent().get(relay.requests().recent().size() - 1);
        assertThat(last.path()).isEqualTo("/sdk/latest-segments/s1");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.environment()).isEqualTo("prod");
        assertThat(last.bytes()).isEqualTo(s1.length());
    }

    @Test
    void absentAndDeletedItemsAre404AndDeletedItemsLeaveTheDocuments() throws Exception {
        start();
        upstream(relay, env.name()).upsert(DataKind.FEATURES, Item.tombstone("f1", 9));
        assertThat(get(relay.port(), "/sdk/latest-flags/f1", "Authorization", KEY_A).statusCode()).isEqualTo(404);
        assertThat(get(relay.port(), "/sdk/latest-flags/nope", "Authorization", KEY_A).statusCode()).isEqualTo(404);
        assertThat(get(relay.port(), "/sdk/latest-segments/nope", "Authorization", KEY_A).statusCode()).isEqualTo(404);
        assertThat(get(relay.port(), "/sdk/flags/f1", "Authorization", KEY_A).statusCode()).isEqualTo(404);
        assertThat(text(get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A))).doesNotContain("\"f1\"");
    }

    @Test
    void etagGives304UntilTheDataChanges() throws Exception {
        start();
        HttpResponse<byte[]> first = get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        upstream(relay, env.name()).upsert(DataKind.FEATURES, flag("f3", 1));
        HttpResponse<byte[]> changed = get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(text(changed)).contains("\"f3\":");
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void gzipPollingReturnsTheSameJsonAfterDecompression() throws Exception {
        start();
        HttpResponse<byte[]> plain = get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A);
        HttpResponse<byte[]> gzip = get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A,
                "Accept-Encoding", "gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text(plain));
        }
        String gzipEtag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A, "Accept-Encoding", "gzip",
                "If-None-Match", gzipEtag).statusCode()).isEqualTo(304);
    }

    @Test
    void phpEndpointsUseRelayEtagsAndTtlHeaders() throws Exception {
        EnvironmentConfig config = new EnvironmentConfig("prod", KEY_A, null, null, null, null, List.of(), List.of(),
                false, null, Duration.ofMinutes(5), null);
        start(config);
        HttpResponse<byte[]> flags = get(relay.port(), "/sdk/flags", "Authorization", KEY_A);
        assertThat(flags.statusCode()).isEqualTo(200);
        assertThat(text(flags)).isEqualTo("{\"f1\":" + flag("f1", 1).jsonString() + ",\"f2\":" + flag("f2", 2).jsonString() + "}");
        String etag = flags.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("relay-[0-9a-f]{15}");
        assertThat(flags.headers().firstValue("Vary").orElseThrow()).contains("Authorization");
        assertThat(flags.headers().firstValue("Expires")).isPresent();
        assertThat(get(relay.port(), "/sdk/flags", "Authorization", KEY_A, "If-None-Match", etag).statusCode())
                .isEqualTo(304);

        HttpResponse<byte[]> one = get(relay.port(), "/sdk/flags/f2", "Authorization", KEY_A);
        assertThat(one.headers().firstValue("ETag")).hasValue("relay-2");
        assertThat(text(one)).isEqualTo(flag("f2", 2).jsonString());
        HttpResponse<byte[]> seg = get(relay.port(), "/sdk/segments/s1", "Authorization", KEY_A);
        assertThat(seg.headers().firstValue("ETag")).hasValue("relay-3");
        assertThat(text(seg)).isEqualTo(segment("s1", 3).jsonString());
    }

    @Test
    void storeFailureAnswers503ForPollsAndNewStreams() throws Exception {
        start();
        store.setDown(true);
        for (String path : List.of("/sdk/latest-all", "/sdk/latest-flags/f1", "/sdk/flags", "/all", "/flags")) {
            HttpResponse<byte[]> r = get(relay.port(), path, "Authorization", KEY_A);
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(text(r)).as(path).startsWith("{\"message\":").contains("connection refused");
        }
        assertThat(relay.connections().count()).isZero();
        RequestRecord last = relay.requests().recent().get(relay.requests().recent().size() - 1);
        assertThat(last.status()).isEqualTo(503);
        assertThat(last.reason()).contains("data store unavailable");

        store.setDown(false);
        assertThat(get(relay.port(), "/sdk/latest-all", "Authorization", KEY_A).statusCode()).isEqualTo(200);
    }
}
