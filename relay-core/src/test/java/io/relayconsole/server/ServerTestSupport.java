package io.relayconsole.server;

import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.model.Item;
import io.relayconsole.model.ItemParser;
import io.relayconsole.model.MalformedDataException;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.store.DataStore;
import io.relayconsole.testing.ManualDataSource;
import io.relayconsole.upstream.DataSourceUpdates;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Builds relays whose environments the tests feed directly, and talks to their SDK server over loopback. */
final class ServerTestSupport {
    static final String KEY_A = "sdk-aaaaaaaa-1111-2222-3333-444444444444";
    static final String KEY_B = "sdk-bbbbbbbb-5555-6666-7777-888888888888";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerTestSupport() {
    }

    // Each relay's test-driven data sources: the tests feed an environment through its update sink.
    private static final Map<Relay, ManualDataSource.Factory> SOURCES =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    static MainConfig main(Duration initTimeout, Duration heartbeat) {
        return MainConfig.defaults().withPort(0).withTimings(initTimeout, heartbeat);
    }

    /** {@code main} with {@code maxClientConnectionTime} set. */
    static MainConfig withMaxConnectionTime(MainConfig m, Duration max) {
        return new MainConfig(m.streamUri(), m.baseUri(), m.port(), m.initTimeout(), m.heartbeatInterval(), max,
                m.disconnectedStatusTime(), m.logLevel(), m.exitOnError(), m.exitAlways(),
                m.ignoreConnectionErrors(), m.upstreamMode(), m.pollInterval());
    }

    static Relay relay(MainConfig main, List<EnvironmentConfig> envs, Function<EnvironmentConfig, DataStore> stores) {
        // No cache in front of persistent test stores: these tests look at what the server does when reads fail.
        ManualDataSource.Factory sources = new ManualDataSource.Factory();
        RelayOptions.Builder options = RelayOptions.builder().dataSourceFactory(sources).bindAddress("127.0.0.1")
                .cacheTtl(Duration.ZERO);
        if (stores != null) {
            options.storeFactory(stores);
        }
        Relay relay = new Relay(RelayConfig.of(main, envs), options.build());
        SOURCES.put(relay, sources);
        return relay;
    }

    /** Starts the environments but not the relay's own server, for tests that need other server limits. */
    static void startEnvironments(Relay relay) {
        for (RelayEnvironment env : relay.environments()) {
            env.start();
        }
    }

    static RelayEnvironment env(Relay relay, String name) {
        return relay.environment(name).orElseThrow();
    }

    /** What the environment's data source delivers to: the test plays upstream through it. */
    static DataSourceUpdates upstream(Relay relay, String name) {
        return SOURCES.get(relay).updates(env(relay, name).config().sdkKey());
    }

    static Item flag(String key, long version) {
        return item(key, "{\"key\":\"" + key + "\",\"version\":" + version + ",\"on\":true,\"extra\":{\"x\":[1,2]}}");
    }

    static Item segment(String key, long version) {
        return item(key, "{\"key\":\"" + key + "\",\"version\":" + version + ",\"included\":[\"u1\"]}");
    }

    static Item item(String key, String json) {
        try {
            return ItemParser.parseItem(json.getBytes(StandardCharsets.UTF_8), key);
        } catch (MalformedDataException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static FullDataSet data(List<Item> flags, List<Item> segments) {
        Map<String, Item> f = new LinkedHashMap<>();
        flags.forEach(i -> f.put(i.key(), i));
        Map<String, Item> s = new LinkedHashMap<>();
        segments.forEach(i -> s.put(i.key(), i));
        return FullDataSet.of(f, s);
    }

    static HttpResponse<byte[]> get(int port, String path, String... headers) throws IOException, InterruptedException {
        return HTTP.send(request(port, path, headers).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest.Builder request(int port, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** An SSE client that collects everything the stream sends, on its own thread. */
    static final class SseClient implements AutoCloseable {
        private final StringBuilder received = new StringBuilder();
        private final HttpResponse<InputStream> response;
        private final Thread reader;
        private volatile boolean ended;
        private final long openedAt = System.nanoTime();
        private volatile long endedAt;

        SseClient(int port, String path, String sdkKey) throws IOException, InterruptedException {
            response = HTTP.send(request(port, path, "Authorization", sdkKey, "User-Agent", "JavaClient/7.13.0")
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            reader = new Thread(this::readAll, "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        int status() {
            return response.statusCode();
        }

        HttpResponse<InputStream> response() {
            return response;
        }

        String received() {
            synchronized (received) {
                return received.toString();
            }
        }

        /** From just before the request to the stream's end, as the client saw it; valid once {@link #ended()}. */
        Duration lifetime() {
            return Duration.ofNanos(endedAt - openedAt);
        }

        /** True once the server ended the stream (clean end or closed connection). */
        boolean ended() {
            return ended;
        }

        private void readAll() {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = response.body()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (received) {
                        received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the server closed the connection: that ends the stream too
            } finally {
                endedAt = System.nanoTime();
                ended = true;
            }
        }

        @Override
        public void close() throws IOException {
            reader.interrupt();
            response.body().close();
        }
    }

    static List<String> lines(String s) {
        return new ArrayList<>(List.of(s.split("\n", -1)));
    }
}
