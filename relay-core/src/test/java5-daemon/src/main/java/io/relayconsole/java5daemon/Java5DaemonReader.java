package io.relayconsole.java5daemon;

import com.launchdarkly.sdk.EvaluationDetail;
import com.launchdarkly.sdk.LDUser;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.ObjectBuilder;
import com.launchdarkly.sdk.ArrayBuilder;
import com.launchdarkly.sdk.json.JsonSerialization;
import com.launchdarkly.sdk.json.SerializationException;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.integrations.Redis;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The LaunchDarkly Java server SDK 5 with its Redis store in daemon mode (external updates only, no cache),
 * driven over the line protocol of relay-core's SdkProcess: prints {"ready":bool} once, then answers each
 * {"evaluate":[{flag,context,default}]} line with {"results":[values],"reasons":[reasons]}. SDK 5 knows only users,
 * so each context must be an old-style user: key and built-in attributes (email, name, country, ...) at the top,
 * others under "custom" (a "kind" property is ignored).
 */
public final class Java5DaemonReader {
    private Java5DaemonReader() {
    }

    public static void main(String[] args) throws Exception {
        String port = System.getenv("REDIS_PORT");
        String prefix = System.getenv("REDIS_PREFIX");
        String unreachable = "http://127.0.0.1:1"; // daemon mode needs no service; keep any stray request on loopback
        LDConfig config = new LDConfig.Builder()
                .dataSource(Components.externalUpdatesOnly())
                .dataStore(Components.persistentDataStore(
                        Redis.dataStore().uri(URI.create("redis://127.0.0.1:" + port)).prefix(prefix)).noCaching())
                .events(Components.noEvents())
                .diagnosticOptOut(true)
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(unreachable))
                .build();
        try (LDClient client = new LDClient("sdk-daemon-mode", config)) {
            System.out.println(LDValue.buildObject().put("ready", client.isInitialized()).build().toJsonString());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                LDValue request = LDValue.parse(line);
                ArrayBuilder results = LDValue.buildArray();
                ArrayBuilder reasons = LDValue.buildArray();
                for (LDValue evaluation : request.get("evaluate").values()) {
                    EvaluationDetail<LDValue> detail = client.jsonValueVariationDetail(
                            evaluation.get("flag").stringValue(), user(evaluation.get("context")), evaluation.get("default"));
                    results.add(detail.getValue());
                    reasons.add(LDValue.parse(JsonSerialization.serialize(detail.getReason())));
                }
                ObjectBuilder reply = LDValue.buildObject().put("results", results.build()).put("reasons", reasons.build());
                System.out.println(reply.build().toJsonString());
                System.out.flush();
            }
        }
    }

    private static LDUser user(LDValue context) throws SerializationException {
        // The SDK's own parser: it knows which attributes are built in (a built-in set as custom is lost).
        return JsonSerialization.deserialize(context.toJsonString(), LDUser.class);
    }
}
