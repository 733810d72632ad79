package io.relayconsole.bench;

import io.relayconsole.model.FullDataSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /sdk/latest-all} with 1,000 generated flags (~1 MB of JSON), 64 keep-alive connections from wrk,
 * against nginx serving the relay's own bytes from files ({@code gzip_static} for the gzip run, the plain file
 * otherwise) and then against the relay.
 */
public final class PollingBench {
    private static final int CONNECTIONS = 64;
    private static final String DURATION = System.getenv().getOrDefault("BENCH_WRK_DURATION", "10s");
    private static final int ROUNDS = Integer.parseInt(System.getenv().getOrDefault("BENCH_WRK_ROUNDS", "3"));

    private PollingBench() {
    }

    public static void run(boolean gzip) throws Exception {
        FullDataSet data = FlagGenerator.dataSet(1000, 3);
        try (RelayUnderTest relay = RelayUnderTest.start(data)) {
            byte[] plain = relay.get("/sdk/latest-all", false).body();
            HttpResponse<byte[]> compressed = relay.get("/sdk/latest-all", true);
            check(compressed.headers().firstValue("Content-Encoding").orElse("").equals("gzip"),
                    "the relay did not gzip its answer");
            Path dir = Files.createTempDirectory("bench-nginx-");
            Files.write(dir.resolve("latest-all.json"), plain);
            Files.write(dir.resolve("latest-all.json.gz"), compressed.body());
            int nginxPort = ChildProcess.freePort();
            Files.writeString(dir.resolve("nginx.conf"), nginxConfig(dir, nginxPort));
            try (ChildProcess nginx = ChildProcess.start("nginx", List.of("nginx", "-p", dir.toString(), "-c",
                    dir.resolve("nginx.conf").toString(), "-e", dir.resolve("error.log").toString()), Map.of())) {
                nginx.awaitPort(nginxPort, 10_000);
                String nginxUrl = "http://127.0.0.1:" + nginxPort + "/sdk/latest-all";
                String relayUrl = "http://127.0.0.1:" + relay.port() + "/sdk/latest-all";
                byte[] expected = gzip ? compressed.body() : plain;
                check(Arrays.equals(fetch(nginxUrl, gzip), expected), "nginx does not serve the relay's bytes");
                // Both warmed up, then alternating rounds: a drift in what else the shared cores do (or the
                // relay's JIT still compiling) then weighs on both sides instead of on whichever ran second.
                runWrk(nginxUrl, gzip, "5s");
                runWrk(relayUrl, gzip, "10s"); // until the JIT has compiled the request path
                List<WrkResult> nginxRounds = new ArrayList<>();
                List<WrkResult> relayRounds = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    nginxRounds.add(wrk(nginxUrl, gzip));
                    relayRounds.add(wrk(relayUrl, gzip));
                    System.err.printf("round %d: nginx %.0f req/s, relay %.0f req/s%n", round,
                            nginxRounds.get(round).requestsPerSecond, relayRounds.get(round).requestsPerSecond);
                }
                WrkResult nginxResult = WrkResult.median(nginxRounds);
                WrkResult relayResult = WrkResult.median(relayRounds);
                ResultTable table = new ResultTable("GET /sdk/latest-all, 1,000 flags (" + kib(plain.length)
                        + " KiB JSON" + (gzip ? ", " + kib(compressed.body().length) + " KiB gzip" : "")
                        + "), " + CONNECTIONS + " keep-alive connections, " + (gzip ? "Accept-Encoding: gzip"
                        : "no gzip") + "; median of " + ROUNDS + " alternating " + DURATION + " rounds",
                        gzip ? "nginx gzip_static" : "nginx plain");
                table.add("requests/s", nginxResult.requestsPerSecond, relayResult.requestsPerSecond, "",
                        gzip ? "≥ 1.0× nginx" : "≥ 0.9× nginx");
                table.add("latency p50", nginxResult.p50Millis, relayResult.p50Millis, "ms", "");
                table.add("latency p99", nginxResult.p99Millis, relayResult.p99Millis, "ms", "report");
                table.add("non-2xx or socket errors", nginxResult.errors, relayResult.errors, "", "0");
                table.print();
            }
        }
    }

    private static String nginxConfig(Path dir, int port) {
        return String.join("\n",
                "worker_processes auto;",
                "daemon off;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 1024; }",
                "http {",
                "  access_log off;",
                "  sendfile on;",
                "  tcp_nopush on;",
                "  keepalive_requests 10000000;",
                "  client_body_temp_path " + dir + ";",
                "  proxy_temp_path " + dir + ";",
                "  fastcgi_temp_path " + dir + ";",
                "  uwsgi_temp_path " + dir + ";",
                "  scgi_temp_path " + dir + ";",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    location = /sdk/latest-all {",
                "      default_type application/json;",
                "      gzip_static on;",
                "      alias " + dir.resolve("latest-all.json") + ";",
                "    }",
                "  }",
                "}", "");
    }

    /** One wrk run's figures; {@code requests}: how many it completed. */
    record WrkResult(double requestsPerSecond, double p50Millis, double p99Millis, double errors, double requests) {
        /** Each figure's median over the rounds; errors and requests summed. */
        static WrkResult median(List<WrkResult> rounds) {
            return new WrkResult(median(rounds, WrkResult::requestsPerSecond), median(rounds, WrkResult::p50Millis),
                    median(rounds, WrkResult::p99Millis), rounds.stream().mapToDouble(WrkResult::errors).sum(),
                    rounds.stream().mapToDouble(WrkResult::requests).sum());
        }

        private static double median(List<WrkResult> rounds, java.util.function.ToDoubleFunction<WrkResult> figure) {
            return Stats.median(rounds.stream().mapToDouble(figure).toArray());
        }
    }

    /** One measured run; wrk runs 2 threads, as many as there are cores. */
    static WrkResult wrk(String url, boolean gzip) throws IOException, InterruptedException {
        return parse(runWrk(url, gzip, DURATION, null));
    }

    /** What wrk printed, as figures. */
    static WrkResult parse(String out) {
        double rps = number(out, "Requests/sec:\\s+([\\d.]+)");
        double p50 = latency(out, "50%");
        double p99 = latency(out, "99%");
        double errors = 0;
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        if (non2xx.find()) {
            errors += Double.parseDouble(non2xx.group(1));
        }
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Double.parseDouble(socket.group(g));
            }
        }
        return new WrkResult(rps, p50, p99, errors, number(out, "(\\d+) requests in"));
    }

    private static String runWrk(String url, boolean gzip, String duration) throws IOException, InterruptedException {
        return runWrk(url, gzip, duration, null);
    }

    /** {@code script}: a wrk Lua script (e.g. one choosing each request's path), or null. */
    static String runWrk(String url, boolean gzip, String duration, Path script)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration,
                "--latency", "-H", "Authorization: " + RelayUnderTest.SDK_KEY));
        if (gzip) {
            command.addAll(List.of("-H", "Accept-Encoding: gzip"));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        if (!wrk.waitFor(120, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    private static double latency(String out, String percentile) {
        Matcher m = Pattern.compile("(?m)^\\s+" + percentile + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static byte[] fetch(String url, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    private static long kib(int bytes) {
        return Math.round(bytes / 1024.0);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
