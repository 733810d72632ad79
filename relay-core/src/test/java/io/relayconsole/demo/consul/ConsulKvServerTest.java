package io.relayconsole.demo.consul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Raw HTTP against the double, checking the behaviours Consul documents for its KV and transaction APIs, so
 * that what the store tests prove against the double would hold against an agent.
 */
class ConsulKvServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ConsulKvServer consul;

    @BeforeAll
    static void start() {
        consul = ConsulKvServer.startOnFreePort();
    }

    @AfterAll
    static void stop() {
        consul.close();
    }

    @AfterEach
    void reset() {
        consul.requireAclToken(null);
        consul.start();
        consul.clear();
    }

    @Test
    void aStoredKeyReadsBackAsConsulJsonWithABase64ValueAndItsIndexes() throws Exception {
        assertThat(send("PUT", "/v1/kv/app/config", "hello").body()).isEqualTo("true");

        HttpResponse<String> first = send("GET", "/v1/kv/app/config", null);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode entry = JSON.readTree(first.body()).get(0);
        assertThat(entry.get("Key").asText()).isEqualTo("app/config");
        assertThat(entry.get("Value").asText()).isEqualTo(Base64.getEncoder().encodeToString("hello".getBytes()));
        assertThat(entry.get("Flags").asLong()).isZero();
        assertThat(entry.get("LockIndex").asLong()).isZero();
        long created = entry.get("CreateIndex").asLong();
        assertThat(entry.get("ModifyIndex").asLong()).isEqualTo(created);
        assertThat(first.headers().firstValue("X-Consul-Index")).hasValue(Long.toString(created));

        send("PUT", "/v1/kv/app/config", "changed");
        JsonNode changed = JSON.readTree(send("GET", "/v1/kv/app/config", null).body()).get(0);
        assertThat(changed.get("CreateIndex").asLong()).isEqualTo(created);
        assertThat(changed.get("ModifyIndex").asLong()).isGreaterThan(created);

        HttpResponse<String> raw = send("GET", "/v1/kv/app/config?raw", null);
        assertThat(raw.body()).isEqualTo("changed");
    }

    @Test
    void anAbsentKeyIs404WithANonZeroIndex() throws Exception {
        HttpResponse<String> response = send("GET", "/v1/kv/nothing/here", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
        assertThat(Long.parseLong(response.headers().firstValue("X-Consul-Index").orElseThrow())).isPositive();
        assertThat(send("GET", "/v1/kv/nothing?recurse", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/v1/kv/nothing?keys", null).statusCode()).isEqualTo(404);
    }

    @Test
    void casZeroCreatesOnlyAndANonZeroCasMustMatchTheModifyIndex() throws Exception {
        assertThat(send("PUT", "/v1/kv/k?cas=0", "v1").body()).isEqualTo("true");
        assertThat(send("PUT", "/v1/kv/k?cas=0", "v2").body()).isEqualTo("false");
        long index = modifyIndex("k");
        assertThat(send("PUT", "/v1/kv/k?cas=" + (index + 100), "v3").body()).isEqualTo("false");
        assertThat(send("PUT", "/v1/kv/k?cas=" + index, "v4").body()).isEqualTo("true");
        assertThat(value("k")).isEqualTo("v4");
        assertThat(send("PUT", "/v1/kv/absent?cas=5", "x").body()).isEqualTo("false");
    }

    @Test
    void recurseMatchesAPlainStringPrefixSoOnlyATrailingSlashSeparatesEnvironments() throws Exception {
        send("PUT", "/v1/kv/env1/features/a", "1");
        send("PUT", "/v1/kv/env10/features/b", "2");

        assertThat(keysOf(send("GET", "/v1/kv/env1?recurse", null))).containsExactly("env1/features/a", "env10/features/b");
        assertThat(keysOf(send("GET", "/v1/kv/env1/?recurse", null))).containsExactly("env1/features/a");
    }

    @Test
    void keysListingCutsAtTheSeparator() throws Exception {
        send("PUT", "/v1/kv/a/b/c", "");
        send("PUT", "/v1/kv/a/d", "");
        send("PUT", "/v1/kv/a/e/f", "");

        HttpResponse<String> all = send("GET", "/v1/kv/a/?keys", null);
        assertThat(JSON.readValue(all.body(), List.class)).containsExactly("a/b/c", "a/d", "a/e/f");
        HttpResponse<String> folders = send("GET", "/v1/kv/a/?keys&separator=/", null);
        assertThat(JSON.readValue(folders.body(), List.class)).containsExactly("a/b/", "a/d", "a/e/");
        // An empty value is Go's nil slice: null in JSON.
        assertThat(JSON.readTree(send("GET", "/v1/kv/a/d", null).body()).get(0).get("Value").isNull()).isTrue();
    }

    @Test
    void deleteHonoursRecurseAndCas() throws Exception {
        send("PUT", "/v1/kv/t/1", "x");
        send("PUT", "/v1/kv/t/2", "x");
        send("PUT", "/v1/kv/u", "x");
        long index = modifyIndex("u");
        assertThat(send("DELETE", "/v1/kv/u?cas=" + (index + 1), null).body()).isEqualTo("false");
        assertThat(send("DELETE", "/v1/kv/u?cas=" + index, null).body()).isEqualTo("true");
        assertThat(send("DELETE", "/v1/kv/t/?recurse", null).body()).isEqualTo("true");
        assertThat(consul.entries()).isEmpty();
        assertThat(send("DELETE", "/v1/kv/t?recurse&cas=1", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aTransactionAppliesEveryOperationAtOneIndex() throws Exception {
        HttpResponse<String> response = txn(List.of(set("x", "1"), set("y", "2")));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("Errors").isNull()).isTrue();
        assertThat(body.get("Results")).hasSize(2);
        assertThat(body.get("Results").get(0).get("KV").get("Value").isNull()).isTrue();
        assertThat(modifyIndex("x")).isEqualTo(modifyIndex("y"));
    }

    @Test
    void aTransactionWithAFailingOperationAppliesNothingAndAnswers409WithItsErrors() throws Exception {
        send("PUT", "/v1/kv/guarded", "v");
        long index = modifyIndex("guarded");
        HttpResponse<String> response = txn(List.of(
                set("fresh", "1"),
                op("cas", "guarded", "new", index + 7),
                op("check-index", "guarded", null, index + 7),
                op("check-not-exists", "guarded", null, 0),
                op("get", "missing", null, 0)));

        assertThat(response.statusCode()).isEqualTo(409);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("Results").isNull()).isTrue();
        List<String> errors = new ArrayList<>();
        body.get("Errors").forEach(e -> errors.add(e.get("OpIndex").asInt() + ": " + e.get("What").asText()));
        assertThat(errors).containsExactly(
                "1: failed to set key \"guarded\", index is stale",
                "2: failed index check for key \"guarded\", current modify index " + index + " != " + (index + 7),
                "3: key \"guarded\" exists",
                "4: key \"missing\" doesn't exist");
        assertThat(consul.entries()).containsOnlyKeys("guarded");
        assertThat(value("guarded")).isEqualTo("v");

        assertThat(txn(List.of(op("delete-cas", "guarded", null, index))).statusCode()).isEqualTo(200);
        assertThat(consul.entries()).isEmpty();
    }

    @Test
    void aTransactionOfMoreThan64OperationsIsRefusedWith413() throws Exception {
        List<Map<String, Object>> ops = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            ops.add(set("k" + i, "v"));
        }
        HttpResponse<String> tooMany = txn(ops);
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(tooMany.body()).isEqualTo("Transaction contains too many operations (65 > 64)");
        assertThat(consul.entries()).isEmpty();

        assertThat(txn(ops.subList(0, 64)).statusCode()).isEqualTo(200);
        assertThat(consul.entries()).hasSize(64);
        assertThat(consul.transactionSizes()).endsWith(65, 64);
    }

    @Test
    void withAclsOnlyTheRightTokenMayReadOrWrite() throws Exception {
        send("PUT", "/v1/kv/secret/a", "x");
        consul.requireAclToken("s3cr3t-token");

        HttpResponse<String> anonymous = send("GET", "/v1/kv/secret/a", null);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).startsWith("Permission denied");
        HttpResponse<String> wrong = send("GET", "/v1/kv/secret/a", null, "X-Consul-Token", "wrong");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).isEqualTo("ACL not found");
        // Lists are filtered, not refused, for a token that may not read them.
        HttpResponse<String> filtered = send("GET", "/v1/kv/secret?recurse", null);
        assertThat(filtered.statusCode()).isEqualTo(404);
        assertThat(filtered.headers().firstValue("X-Consul-Results-Filtered-By-ACLs")).hasValue("true");

        assertThat(send("GET", "/v1/kv/secret/a", null, "X-Consul-Token", "s3cr3t-token").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/v1/kv/secret/a?token=s3cr3t-token", null).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/v1/kv/secret/b", "y", "Authorization", "Bearer s3cr3t-token").body()).isEqualTo("true");
        assertThat(send("PUT", "/v1/kv/secret/c", "y").statusCode()).isEqualTo(403);
    }

    @Test
    void stoppingRefusesConnectionsAndStartingAgainServesTheSameDataOnTheSamePort() throws Exception {
        send("PUT", "/v1/kv/kept", "yes");
        int port = consul.port();
        consul.stop();
        assertThatThrownBy(() -> send("GET", "/v1/kv/kept", null)).isInstanceOf(ConnectException.class);

        consul.start();
        assertThat(consul.port()).isEqualTo(port);
        assertThat(value("kept")).isEqualTo("yes");
    }

    @Test
    void unsafeKeysAreRefusedLikeConsulDoes() throws Exception {
        assertThat(send("PUT", "/v1/kv/a/..%2Fb", "x").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/kv/", null).statusCode()).isEqualTo(400);
        // "$" is allowed: LaunchDarkly's "$inited" marker depends on it.
        assertThat(send("PUT", "/v1/kv/p/$inited", "").body()).isEqualTo("true");
    }

    private static Map<String, Object> set(String key, String value) {
        return op("set", key, value, 0);
    }

    private static Map<String, Object> op(String verb, String key, String value, long index) {
        Map<String, Object> kv = new java.util.LinkedHashMap<>();
        kv.put("Verb", verb);
        kv.put("Key", key);
        if (value != null) {
            kv.put("Value", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        if (index != 0) {
            kv.put("Index", index);
        }
        return Map.of("KV", kv);
    }

    private static HttpResponse<String> txn(List<Map<String, Object>> ops) throws Exception {
        return send("PUT", "/v1/txn", JSON.writeValueAsString(ops));
    }

    private static long modifyIndex(String key) throws Exception {
        return JSON.readTree(send("GET", "/v1/kv/" + key, null).body()).get(0).get("ModifyIndex").asLong();
    }

    private static String value(String key) throws Exception {
        return send("GET", "/v1/kv/" + key + "?raw", null).body();
    }

    private static List<String> keysOf(HttpResponse<String> response) throws IOException {
        List<String> keys = new ArrayList<>();
        JSON.readTree(response.body()).forEach(e -> keys.add(e.get("Key").asText()));
        return keys;
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(consul.url() + path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
