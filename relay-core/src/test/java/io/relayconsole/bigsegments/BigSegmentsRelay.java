package io.relayconsole.bigsegments;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.config.DatabaseConfig;
import io.relayconsole.config.EnvironmentConfig;
import io.relayconsole.config.MainConfig;
import io.relayconsole.config.RelayConfig;
import io.relayconsole.config.SimulatorConfig;
import io.relayconsole.model.Json;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.relay.RelayOptions;
import io.relayconsole.relay.RelayRuntime;
import io.relayconsole.simulator.SimulatedBigSegments;
import io.relayconsole.simulator.SimulatedEnvironment;
import io.relayconsole.testing.SdkProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A relay on a database with the built-in upstream, whose environment holds one big segment ({@value #SEGMENT}) and
 * a flag ({@value #FLAG}) that serves true to its members: the segment includes its included contexts, excludes its
 * excluded ones even when its own rule ({@code key in [carol]}) would match, and leaves others to that rule.
 */
final class BigSegmentsRelay implements AutoCloseable {
    static final String SDK_KEY = "sdk-b16se600-0000-4aaa-8bbb-bigsegments01";
    static final String PREFIX = "bigseg";
    static final String SEGMENT = "big-audience";
    static final String FLAG = "big-flag";
    static final Duration WAIT = Duration.ofSeconds(20);

    final RelayRuntime runtime;

    BigSegmentsRelay(DatabaseConfig database) throws InterruptedException {
        this(database, MainConfig.defaults(), Clock.systemUTC());
    }

    /** With {@code main}'s settings (its port is replaced) and {@code clock} as the relay's clock. */
    BigSegmentsRelay(DatabaseConfig database, MainConfig settings, Clock clock) throws InterruptedException {
        EnvironmentConfig environment = new EnvironmentConfig("production", SDK_KEY, null, null, PREFIX, null,
                List.of(), List.of(), false, null, Duration.ZERO, null);
        MainConfig main = settings.withPort(0);
        RelayConfig config = RelayConfig.of(main, List.of(environment))
                .withSimulator(new SimulatorConfig(true, 0, true, true));
        if (database != null) {
            config = config.withDatabase(database);
        }
        RelayOptions.Builder options = RelayOptions.builder().bindAddress("127.0.0.1")
                .initialReconnectDelay(Duration.ofMillis(100)).clock(clock);
        runtime = RelayRuntime.start(config, database == null ? options.build() : options.storesFrom(config).build());
        SimulatedEnvironment upstream = upstream();
        upstream.bigSegments().defineSegment(SEGMENT);
        upstream.putSegment("{\"key\":\"" + SEGMENT + "\",\"unbounded\":true,\"generation\":1,\"rules\":[{\"id\":\"r\","
                + "\"clauses\":[{\"attribute\":\"key\",\"op\":\"in\",\"values\":[\"carol\"],\"negate\":false}]}]}");
        upstream.putFlag("{\"key\":\"" + FLAG + "\",\"on\":true,\"variations\":[true,false],\"offVariation\":1,"
                + "\"fallthrough\":{\"variation\":1},\"salt\":\"s\",\"rules\":[{\"id\":\"r1\",\"variation\":0,"
                + "\"clauses\":[{\"attribute\":\"key\",\"op\":\"segmentMatch\",\"values\":[\"" + SEGMENT
                + "\"],\"negate\":false}]}]}");
    }

    SimulatedEnvironment upstream() {
        return runtime.simulator().orElseThrow().environment(SDK_KEY);
    }

    SimulatedBigSegments bigSegments() {
        return upstream().bigSegments();
    }

    RelayEnvironment environment() {
        return runtime.relay().environment("production").orElseThrow();
    }

    BigSegmentSyncStats stats() {
        return environment().snapshot().bigSegments();
    }

    /** The flag's value for a user context, as a daemon-mode reader evaluates it now. */
    static boolean evaluate(SdkProcess reader, String contextKey) {
        return answer(reader, contextKey).value().asBoolean();
    }

    static SdkProcess.Answer answer(SdkProcess reader, String contextKey) {
        return reader.evaluate(List.of(new SdkProcess.Evaluation(FLAG,
                Map.of("kind", "user", "key", contextKey), false))).get(0);
    }

    /** Waits until the reader evaluates the flag for {@code contextKey} to {@code expected}. */
    static void awaitValue(SdkProcess reader, String contextKey, boolean expected) {
        await().atMost(WAIT).until(() -> evaluate(reader, contextKey) == expected);
    }

    JsonNode status() throws IOException, InterruptedException {
        return Json.mapper().readTree(get("/status").body());
    }

    /** A GET of one of the relay's own endpoints, as a load balancer or an operator sends it. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + runtime.relay().port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        runtime.close();
    }
}
