package io.relayconsole.server;

import static io.relayconsole.server.ServerTestSupport.HTTP;
import static io.relayconsole.server.ServerTestSupport.KEY_A;
import static io.relayconsole.server.ServerTestSupport.data;
import static io.relayconsole.server.ServerTestSupport.env;
import static io.relayconsole.server.ServerTestSupport.get;
import static io.relayconsole.server.ServerTestSupport.item;
import static io.relayconsole.server.ServerTestSupport.main;
import static io.relayconsole.server.ServerTestSupport.request;
import static io.relayconsole.server.ServerTestSupport.text;
import static io.relayconsole.server.ServerTestSupport.upstream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.model.DataKind;
import io.relayconsole.model.Item;
import io.relayconsole.model.Json;
import io.relayconsole.relay.Relay;
import io.relayconsole.serving.RequestRecord;
import io.relayconsole.serving.SdkConnectionInfo;
import io.relayconsole.testing.SwitchableStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every client-side and mobile route over HTTP, with every credential kind, the refusals ld-relay gives, CORS,
 * secure mode, and the evaluated streams. Flag values are checked against what the flag rules say.
 */
class ClientSideEndpointsTest {
    static final String MOBILE_KEY = "mob-aaaaaaaa-1111-2222-3333-444444444444";
    static final String ENV_ID = "5f0000000000000000000001";
    static final String SECURE_KEY = "sdk-cccccccc-1111-2222-3333-444444444444";
    static final String SECURE_ENV_ID = "5f0000000000000000000002";

    private Relay relay;
    private SwitchableStore store;

    /** A rule on country = "DE", a browser-only flag, a mobile-only flag, a server-only flag. */
    static List<Item> flags(String greetingDe) {
        return List.of(
                item("greeting", "{\"key\":\"greeting\",\"version\":3,\"on\":true,\"variations\":[\"hello\",\""
                        + greetingDe + "\"],\"fallthrough\":{\"variation\":0},\"offVariation\":0,"
                        + "\"rules\":[{\"id\":\"r1\",\"clauses\":[{\"attribute\":\"country\",\"op\":\"in\","
                        + "\"values\":[\"DE\"]}],\"variation\":1,\"trackEvents\":true}],"
                        + "\"clientSideAvailability\":{\"usingEnvironmentId\":true,\"usingMobileKey\":true},"
                        + "\"salt\":\"s\"}"),
                item("browser-only", "{\"key\":\"browser-only\",\"version\":1,\"on\":false,\"variations\":[1,2],"
                        + "\"offVariation\":1,\"fallthrough\":{\"variation\":0},\"clientSide\":true,"
                        + "\"clientSideAvailability\":{\"usingEnvironmentId\":true,\"usingMobileKey\":false},"
                        + "\"salt\":\"s\"}"),
                item("mobile-only", "{\"key\":\"mobile-only\",\"version\":1,\"on\":true,\"variations\":[true,false],"
                        + "\"fallthrough\":{\"variation\":0},\"offVariation\":1,"
                        + "\"clientSideAvailability\":{\"usingEnvironmentId\":false,\"usingMobileKey\":true},"
                        + "\"salt\":\"s\"}"),
                item("server-only", "{\"key\":\"server-only\",\"version\":7,\"on\":true,\"variations\":[\"a\",\"b\"],"
                        + "\"fallthrough\":{\"variation\":1},\"offVariation\":0,"
                        + "\"clientSideAvailability\":{\"usingEnvironmentId\":false,\"usingMobileKey\":false},"
                        + "\"salt\":\"s\"}"));
    }

    @BeforeEach
    void start() throws Exception {
        store = new SwitchableStore();
        EnvironmentConfig prod = new EnvironmentConfig("prod", KEY_A, MOBILE_KEY, ENV_ID, null, null,
                List.of("https://app.example.com"), List.of("X-Custom"), false, null, Duration.ZERO, null);
        EnvironmentConfig secure = new EnvironmentConfig("secure", SECURE_KEY, null, SECURE_ENV_ID, null, null,
                List.of(), List.of(), true, null, Duration.ZERO, null);
        relay = ServerTestSupport.relay(main(Duration.ofSeconds(30), Duration.ofMinutes(3)), List.of(prod, secure),
                c -> c.name().equals("prod") ? store : new io.relayconsole.store.InMemoryDataStore()).start();
        upstream(relay, "prod").init(data(flags("hallo"), List.of()));
        upstream(relay, "secure").init(data(flags("hallo"), List.of()));
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static final String GERD = "{\"kind\":\"user\",\"key\":\"gerd\",\"country\":\"DE\"}";

    private JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return Json.mapper().readTree(r.body());
    }

    private HttpResponse<byte[]> report(String path, String body, String contentType, String... headers)
            throws Exception {
        HttpRequest.Builder b = request(relay.port(), path, headers)
                .method("REPORT", HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void browserEvaluationGetsOnlyBrowserFlagsWithLaunchDarklysFieldsAndCors() throws Exception {
        HttpResponse<byte[]> r = get(relay.port(), "/sdk/evalx/" + ENV_ID + "/contexts/" + b64(GERD),
                "Origin", "https://app.example.com");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("greeting", "browser-only");
        JsonNode greeting = body.get("greeting");
        assertThat(greeting.get("value").asText()).isEqualTo("hallo");
        assertThat(greeting.get("variation").asInt()).isEqualTo(1);
        assertThat(greeting.get("version").asInt()).isEqualTo(3);
        assertThat(greeting.get("flagVersion").asInt()).isEqualTo(3);
        assertThat(greeting.get("trackEvents").asBoolean()).as("rule with trackEvents").isTrue();
        assertThat(greeting.get("reason").path("kind").asText()).as("tracked rules carry their reason")
                .isEqualTo("RULE_MATCH");
        assertThat(body.get("browser-only").get("value").asInt()).isEqualTo(2);
        assertThat(body.get("browser-only").has("reason")).as("no reason unless asked").isFalse();
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElse("")).endsWith(", X-Custom");

        JsonNode withReasons = json(get(relay.port(), "/sdk/evalx/" + ENV_ID + "/users/" + b64(GERD)
                + "?withReasons=true"));
        assertThat(withReasons.get("browser-only").get("reason").get("kind").asText()).isEqualTo("OFF");
    }

    @Test
    void reportTakesTheContextFromTheBodyAndOldUserObjectsToo() throws Exception {
        HttpResponse<byte[]> r = report("/sdk/evalx/" + ENV_ID + "/context", GERD, "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("greeting").get("value").asText()).isEqualTo("hallo");
        HttpResponse<byte[]> oldUser = report("/sdk/evalx/" + ENV_ID + "/user",
                "{\"key\":\"u1\",\"country\":\"DE\",\"custom\":{\"plan\":\"pro\"}}", "application/json");
        assertThat(oldUser.statusCode()).isEqualTo(200);
        assertThat(json(oldUser).get("greeting").get("value").asText()).isEqualTo("hallo");
        HttpResponse<byte[]> plain = report("/sdk/evalx/" + ENV_ID + "/context", GERD, "text/plain");
        assertThat(plain.statusCode()).isEqualTo(415);
    }

    @Test
    void serverAndMobileEvaluationSeeTheirFlagsWithTheirKeys() throws Exception {
        JsonNode server = json(get(relay.port(), "/sdk/evalx/contexts/" + b64(GERD), "Authorization", KEY_A));
        assertThat(server.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("greeting", "browser-only", "mobile-only", "server-only");
        assertThat(server.get("server-only").get("value").asText()).isEqualTo("b");
        JsonNode serverReport = json(report("/sdk/evalx/user", GERD, "application/json", "Authorization", KEY_A));
        assertThat(serverReport).isEqualTo(server);

        JsonNode mobile = json(get(relay.port(), "/msdk/evalx/contexts/" + b64(GERD), "Authorization", MOBILE_KEY));
        assertThat(mobile.fieldNames()).toIterable().containsExactlyInAnyOrder("greeting", "mobile-only");
        JsonNode mobileReport = json(report("/msdk/evalx/context", GERD, "application/json",
                "Authorization", "api_key " + MOBILE_KEY));
        assertThat(mobileReport).isEqualTo(mobile);
    }

    @Test
    void wrongCredentialsAreRefusedAsLdRelayRefusesThem() throws Exception {
        assertThat(get(relay.port(), "/msdk/evalx/contexts/" + b64(GERD), "Authorization",
                "mob-00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(401);
        assertThat(get(relay.port(), "/msdk/evalx/contexts/" + b64(GERD), "Authorization", KEY_A).statusCode())
                .as("an SDK key is not a mobile key").isEqualTo(401);
        assertThat(get(relay.port(), "/sdk/evalx/contexts/" + b64(GERD)).statusCode()).isEqualTo(401);
        HttpResponse<byte[]> unknownId = get(relay.port(), "/sdk/evalx/ffffffffffffffffffffffff/contexts/"
                + b64(GERD));
        assertThat(unknownId.statusCode()).isEqualTo(404);
        assertThat(unknownId.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        HttpResponse<String> preflight = HTTP.send(request(relay.port(), "/sdk/evalx/" + ENV_ID + "/context",
                "Origin", "https://elsewhere.example.org", "Access-Control-Request-Method", "REPORT")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("REPORT,OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .as("not an allowed origin: the first allowed one").contains("https://app.example.com");
    }

    @Test
    void badContextsGetAClearMessageAndTheRelayCarriesOn() throws Exception {
        String base = "/sdk/evalx/" + ENV_ID + "/contexts/";
        HttpResponse<byte[]> badBase64 = get(relay.port(), base + "%25%25%25");
        assertThat(badBase64.statusCode()).isEqualTo(400);
        assertThat(text(badBase64)).contains("base64");
        HttpResponse<byte[]> notJson = get(relay.port(), base + b64("not json"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(text(notJson)).contains("not valid JSON");
        HttpResponse<byte[]> noKey = get(relay.port(), base + b64("{\"kind\":\"user\",\"name\":\"x\"}"));
        assertThat(noKey.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> emptyKey = report("/sdk/evalx/" + ENV_ID + "/user", "{\"key\":\"\"}",
                "application/json");
        assertThat(emptyKey.statusCode()).isEqualTo(400);
        assertThat(text(emptyKey)).contains("User must have a 'key' attribute");
        assertThat(get(relay.port(), base + b64(GERD)).statusCode()).as("relay unharmed").isEqualTo(200);
        List<RequestRecord> log = relay.requests().recent();
        assertThat(log).extracting(RequestRecord::path)
                .as("the request log never shows the context's attributes")
                .noneMatch(p -> p.contains(b64(GERD)))
                .contains(base + "{context}");
    }

    @Test
    void secureModeRequiresTheContextHash() throws Exception {
        String path = "/sdk/evalx/" + SECURE_ENV_ID + "/contexts/" + b64(GERD);
        HttpResponse<byte[]> without = get(relay.port(), path);
        assertThat(without.statusCode()).isEqualTo(400);
        assertThat(text(without)).contains("Environment is in secure mode, and context hash does not match.");
        assertThat(get(relay.port(), path + "?h=" + hmac("someone-else")).statusCode()).isEqualTo(400);
        assertThat(get(relay.port(), path + "?h=" + hmac("gerd")).statusCode()).isEqualTo(200);
    }

    /** HMAC-SHA256 of the context key with the SDK key, hex: what a customer's back end gives its page. */
    private static String hmac(String contextKey) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECURE_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(contextKey.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void storeOutageWithExpiredCacheAnswers503AndRecovers() throws Exception {
        store.setDown(true);
        assertThat(get(relay.port(), "/sdk/evalx/" + ENV_ID + "/contexts/" + b64(GERD)).statusCode()).isEqualTo(503);
        assertThat(get(relay.port(), "/eval/" + ENV_ID + "/" + b64(GERD)).statusCode()).isEqualTo(503);
        store.setDown(false);
        assertThat(get(relay.port(), "/sdk/evalx/" + ENV_ID + "/contexts/" + b64(GERD)).statusCode()).isEqualTo(200);
    }

    @Test
    void evalStreamsSendTheContextsValuesAndThenOnlyWhatChanged() throws Exception {
        try (ServerTestSupport.SseClient browser = new ServerTestSupport.SseClient(relay.port(),
                "/eval/" + ENV_ID + "/" + b64(GERD), "unused");
             ServerTestSupport.SseClient mobile = new ServerTestSupport.SseClient(relay.port(),
                     "/meval/" + b64(GERD), MOBILE_KEY);
             ServerTestSupport.SseClient ping = new ServerTestSupport.SseClient(relay.port(),
                     "/ping/" + ENV_ID, "unused")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.received().contains("event: put")
                    && mobile.received().contains("event: put") && ping.received().contains("event: ping"));
            assertThat(browser.received()).contains("\"greeting\":{\"value\":\"hallo\"")
                    .doesNotContain("mobile-only");
            assertThat(mobile.received()).contains("mobile-only").doesNotContain("browser-only");
            assertThat(relay.connections().snapshot()).extracting(SdkConnectionInfo::path)
                    .contains("/eval/" + ENV_ID + "/{user}", "/meval/{user}", "/ping/" + ENV_ID)
                    .noneMatch(p -> p.contains(b64(GERD)));

            Item changed = flags("servus").get(0);
            upstream(relay, "prod").upsert(DataKind.FEATURES, item("greeting",
                    changed.jsonString().replace("\"version\":3", "\"version\":4")));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(browser.received()).contains("event: patch\ndata: {\"key\":\"greeting\","
                        + "\"value\":\"servus\"");
                assertThat(mobile.received()).contains("\"value\":\"servus\"");
                assertThat(ping.received().split("event: ping", -1)).as("a ping after the change").hasSize(3);
            });
            assertThat(browser.received()).as("unchanged flags are not sent again")
                    .doesNotContain("event: patch\ndata: {\"key\":\"browser-only\"");
        }
    }

    /**
     * 40 browsers on one context and 10 on another cost two evaluations per change, not 50: counted by the
     * evaluator (the {@code client.evaluations} meter an operator scrapes), not inferred from timing.
     */
    @Test
    void streamsOnOneContextShareOneEvaluationPerChange() throws Exception {
        String anna = "{\"kind\":\"user\",\"key\":\"anna\",\"country\":\"AT\"}";
        List<ServerTestSupport.SseClient> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                streams.add(new ServerTestSupport.SseClient(relay.port(),
                        "/eval/" + ENV_ID + "/" + b64(i < 40 ? GERD : anna), "unused"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> streams.stream()
                    .allMatch(s -> s.received().contains("event: put")));
            assertThat(clientEvaluations()).as("one evaluation per distinct context on connect").isEqualTo(2);
            assertThat(relay.connections().snapshot()).filteredOn(c -> c.path().startsWith("/eval/"))
                    .hasSize(50).extracting(SdkConnectionInfo::contextKind).containsOnly("user");

            Item changed = flags("servus").get(0);
            upstream(relay, "prod").upsert(DataKind.FEATURES, item("greeting",
                    changed.jsonString().replace("\"version\":3", "\"version\":4")));
            await().atMost(Duration.ofSeconds(20)).until(() -> streams.stream()
                    .allMatch(s -> s.received().contains("event: patch")));
            assertThat(streams.subList(0, 40)).allMatch(s -> s.received().contains("\"value\":\"servus\""));
            assertThat(clientEvaluations()).as("one more evaluation per distinct context after the change")
                    .isEqualTo(4);
        } finally {
            for (ServerTestSupport.SseClient s : streams) {
                s.close();
            }
        }
    }

    private double clientEvaluations() {
        return relay.meters().registry().get(io.relayconsole.metrics.MeterNames.CLIENT_EVALUATIONS)
                .tag("env", "prod").functionCounter().count();
    }

    @Test
    void secureModeStreamsAndMpingNeedTheirCredentials() throws Exception {
        assertThat(get(relay.port(), "/eval/" + SECURE_ENV_ID + "/" + b64(GERD)).statusCode()).isEqualTo(400);
        assertThat(get(relay.port(), "/eval/ffffffffffffffffffffffff/" + b64(GERD)).statusCode()).isEqualTo(404);
        assertThat(get(relay.port(), "/mping", "Authorization", "mob-wrong").statusCode()).isEqualTo(401);
        try (ServerTestSupport.SseClient mping = new ServerTestSupport.SseClient(relay.port(), "/mping", MOBILE_KEY);
             ServerTestSupport.SseClient reportStream = new ServerTestSupport.SseClient(relay.port(),
                     "/eval/" + ENV_ID + "/" + b64("{\"key\":\"legacy-user\"}"), "unused")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> mping.received().contains("event: ping")
                    && reportStream.received().contains("\"greeting\":{\"value\":\"hello\""));
            assertThat(env(relay, "prod").name()).isEqualTo("prod");
        }
    }
}
