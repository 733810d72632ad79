package io.relayconsole.bench;

import io.relayconsole.model.FullDataSet;
import io.relayconsole.store.redis.RedisDataStore;
import io.relayconsole.store.redis.RedisStoreOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start with the upstream down: Redis holds N flags written by the relay's own store, the upstream
 * address refuses connections, and the clock runs from the relay process's start to the first complete
 * {@code GET /sdk/latest-all} answer (200, every flag) and to the first {@code put} on {@code /all}.
 * Median of three starts. For scale, the bare broadcaster's process start to its first answer is shown too.
 */
public final class ColdStartBench {
    private static final int RUNS = 3;

    private ColdStartBench() {
    }

    public static void run(int flags) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(flags, 5);
        int redisPort = ChildProcess.freePort();
        try (ChildProcess redis = ChildProcess.start("redis", List.of("redis-server", "--port",
                Integer.toString(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"), Map.of())) {
            redis.awaitPort(redisPort, 10_000);
            try (RedisDataStore store = new RedisDataStore(RedisStoreOptions.builder().host("127.0.0.1")
                    .port(redisPort).build())) {
                store.init(data);
            }
            long minimumBody = flags * 100L;
            double[] listen = new double[RUNS];
            double[] polled = new double[RUNS];
            double[] streamed = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                int port = ChildProcess.freePort();
                int deadUpstream = ChildProcess.freePort(); // nothing listens there: connections are refused
                Map<String, String> env = new HashMap<>();
                env.put("LD_ENV_bench", RelayUnderTest.SDK_KEY);
                env.put("STREAM_URI", "http://127.0.0.1:" + deadUpstream);
                env.put("BASE_URI", "http://127.0.0.1:" + deadUpstream);
                env.put("PORT", Integer.toString(port));
                env.put("USE_REDIS", "true");
                env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
                env.put("LOG_LEVEL", "warn");
                try (ChildProcess relay = ChildProcess.start("relay-cold", ChildProcess.java("-jar",
                        RelayUnderTest.relayJar().toString(), "--from-env"), env)) {
                    long t0 = relay.startedNanos();
                    listen[run] = (awaitListening(relay, port) - t0) / 1e6;
                    polled[run] = (awaitFullPoll(relay, port, minimumBody) - t0) / 1e6;
                    try (SseClients client = new SseClients()) {
                        client.open("127.0.0.1", port, RelayUnderTest.SDK_KEY, 1, 0);
                        client.awaitPuts(30_000);
                        streamed[run] = (client.putTimes()[0] - t0) / 1e6;
                    }
                }
                System.err.printf("cold start %d: listening %.0f ms, full poll %.0f ms%n", run, listen[run], polled[run]);
            }
            ResultTable table = new ResultTable("Cold start, upstream down, Redis holding " + flags + " flags",
                    "—");
            table.addRelayOnly("process start → SDK port accepts", StoreBench.median(listen), "ms", "report");
            table.addRelayOnly("process start → first full /sdk/latest-all (200)", StoreBench.median(polled), "ms",
                    "report");
            table.addRelayOnly("process start + poll → first /all put", StoreBench.median(streamed), "ms", "report");
            table.print();
        }
    }

    private static long awaitListening(ChildProcess relay, int port) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!relay.isAlive()) {
                throw new IllegalStateException("relay exited: " + relay.logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return System.nanoTime();
            } catch (IOException e) {
                ChildProcess.sleep(2);
            }
        }
        throw new IllegalStateException("relay never listened: " + relay.logTail());
    }

    /** Polls every 2 ms until an answer is 200 with at least {@code minimumBody} bytes. */
    private static long awaitFullPoll(ChildProcess relay, int port, long minimumBody) throws IOException {
        byte[] request = ("GET /sdk/latest-all HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + RelayUnderTest.SDK_KEY
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        long deadline = System.nanoTime() + 60_000_000_000L;
        String lastStatus = "";
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                InputStream in = s.getInputStream();
                byte[] answer = in.readAllBytes();
                long now = System.nanoTime();
                String head = new String(answer, 0, Math.min(answer.length, 15), StandardCharsets.US_ASCII);
                lastStatus = head;
                if (head.startsWith("HTTP/1.1 200") && answer.length > minimumBody) {
                    return now;
                }
            }
            ChildProcess.sleep(2);
        }
        throw new IllegalStateException("no full answer in 60 s (last: " + lastStatus + "): " + relay.logTail());
    }
}
