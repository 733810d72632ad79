package io.relayconsole.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The client-side measures of issue 12, each against the same relay's server-side counterpart in the same run:
 * <ul>
 *   <li>evalx: {@code GET /sdk/evalx/{envId}/contexts/{ctx}} over 1,000 flags, each request a context drawn from
 *       10,000 distinct ones (wrk, a Lua script picking the path), against {@code GET /sdk/latest-all} (no gzip
 *       on either side); warm-up, then alternating rounds, median round's figures;</li>
 *   <li>fan-out: N {@code /eval/{envId}/{ctx}} streams over C contexts, one flag changed upstream, delay until
 *       every stream parsed its {@code patch}; against N {@code /all} streams of the same relay. The changed
 *       flag is visible to client-side SDKs, so every stream gets an event.</li>
 * </ul>
 */
public final class ClientSideBench {
    private ClientSideBench() {
    }

    public static void evalx(int flags, int contexts) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 3);
        Path script = Files.createTempFile("bench-evalx-", ".lua");
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (int i = 0; i < contexts; i++) {
            lua.append("\"/sdk/evalx/").append(RelayUnderTest.CLIENT_SIDE_ID).append("/contexts/")
                    .append(context(i)).append("\",\n");
        }
        lua.append("}\nrequest = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n");
        Files.writeString(script, lua);
        try (RelayUnderTest relay = RelayUnderTest.start(data)) {
            String base = "http://127.0.0.1:" + relay.port();
            String latestAll = base + "/sdk/latest-all";
            int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_WRK_ROUNDS", "3"));
            String duration = System.getenv().getOrDefault("BENCH_WRK_DURATION", "10s");
            PollingBench.runWrk(latestAll, false, "5s", null);
            PollingBench.runWrk(base + "/", false, "10s", script);
            List<PollingBench.WrkResult> server = new ArrayList<>();
            List<PollingBench.WrkResult> client = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                server.add(PollingBench.parse(PollingBench.runWrk(latestAll, false, duration, null)));
                client.add(PollingBench.parse(PollingBench.runWrk(base + "/", false, duration, script)));
                System.err.printf("round %d: latest-all %.0f req/s, evalx %.0f req/s%n", round,
                        server.get(round).requestsPerSecond(), client.get(round).requestsPerSecond());
            }
            PollingBench.WrkResult s = PollingBench.WrkResult.median(server);
            PollingBench.WrkResult c = PollingBench.WrkResult.median(client);
            ResultTable table = new ResultTable("GET /sdk/evalx/{envId}/contexts/{ctx}, " + flags + " flags, "
                    + contexts + " distinct contexts, 64 keep-alive connections, against the same relay's "
                    + "/sdk/latest-all; median of " + rounds + " alternating " + duration + " rounds",
                    "/sdk/latest-all");
            table.add("requests/s", s.requestsPerSecond(), c.requestsPerSecond(), "", "report");
            table.add("latency p50", s.p50Millis(), c.p50Millis(), "ms", "");
            table.add("latency p99", s.p99Millis(), c.p99Millis(), "ms", "report");
            table.add("non-2xx or socket errors", s.errors(), c.errors(), "", "0");
            table.print();
        }
    }

    public static void fanout(int connections, int contexts, int flags) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 1);
        try (RelayUnderTest relay = RelayUnderTest.start(data)) {
            StreamingBench.Upstream change = key -> relay.upstreamEnvironment().putFlag(clientSideFlag(key));
            StreamingBench.SideResult server = StreamingBench.fanoutSide("server-side /all", connections,
                    relay.port(), relay.process(), change, null, i -> "/all");
            StreamingBench.SideResult client = StreamingBench.fanoutSide("client-side /eval", connections,
                    relay.port(), relay.process(), change, null,
                    i -> "/eval/" + RelayUnderTest.CLIENT_SIDE_ID + "/" + context(i % contexts));
            ResultTable table = new ResultTable("Fan-out: " + connections + " client-side streams (/eval) on "
                    + contexts + " contexts against " + connections + " server-side streams (/all) of the same "
                    + "relay, " + flags + " flags, one flag changed", "Server-side /all");
            table.add("connect + put, all " + connections, server.connectMillis(), client.connectMillis(), "ms",
                    "report");
            table.add("change delay p50", server.stats().percentileMillis(50), client.stats().percentileMillis(50),
                    "ms", "");
            table.add("change delay p99", server.stats().percentileMillis(99), client.stats().percentileMillis(99),
                    "ms", "report");
            table.add("change delay max", server.stats().maxMillis(), client.stats().maxMillis(), "ms", "");
            table.add("clients missing the change", server.missing(), client.missing(), "", "0");
            table.print();
        }
    }

    /** Context {@code i}: a user with a few attributes the generated rules look at, base64url in the path. */
    static String context(int i) {
        String json = "{\"kind\":\"user\",\"key\":\"user-" + i + "\",\"country\":\""
                + (i % 3 == 0 ? "DE" : i % 3 == 1 ? "US" : "FR") + "\",\"plan\":\"" + (i % 2 == 0 ? "pro" : "free")
                + "\",\"age\":" + (18 + i % 60) + "}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A ~1 KB generated flag that browsers may see (so every /eval stream gets a patch). */
    private static String clientSideFlag(String key) throws java.io.IOException {
        ObjectNode flag = (ObjectNode) Json.mapper().readTree(FlagGenerator.flagJson(key, 1, 1024));
        flag.putObject("clientSideAvailability").put("usingEnvironmentId", true).put("usingMobileKey", true);
        flag.put("clientSide", true);
        return Json.mapper().writeValueAsString(flag);
    }
}
