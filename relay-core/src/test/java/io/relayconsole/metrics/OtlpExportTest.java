package io.relayconsole.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.sdk.server.LDClient;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.relayconsole.testing.RelayProcess;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OTLP export as an operator turns it on: a headless relay started with {@code USE_OTLP=true} and the standard
 * {@code OTEL_*} variables pushes to a receiver (here a minimal one: {@code POST /v1/metrics}, protobuf decoded with
 * the OpenTelemetry proto classes), and the connection gauge it pushes is the number of SDKs connected.
 */
class OtlpExportTest {
    private static final String SDK_KEY = "sdk-0a0b0c0d-1e1f-4a4b-8c8d-9e9f0a0b0c0d";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private int startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        receiver.createContext("/v1/metrics", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                received.add(ExportMetricsServiceRequest.parseFrom(body.readAllBytes()));
                exchange.sendResponseHeaders(200, -1); // an empty ExportMetricsServiceResponse: full success
            }
        });
        receiver.start();
        return receiver.getAddress().getPort();
    }

    @Test
    void aHeadlessRelayWithUseOtlpPushesTheConnectionGaugeToTheOtelEndpoint() throws Exception {
        int receiverPort = startReceiver();
        int port = RelayProcess.freePort();
        try (RelayProcess relay = RelayProcess.start(List.of("--from-env", "--simulator"), Map.of(
                "PORT", String.valueOf(port), "LD_ENV_production", SDK_KEY, "USE_OTLP", "true",
                "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://127.0.0.1:" + receiverPort + "/v1/metrics",
                "OTEL_METRIC_EXPORT_INTERVAL", "1000", "OTEL_SERVICE_NAME", "relay-under-test"))) {
            await().atMost(WAIT).until(() -> relay.output().contains("Relay listening for SDKs on port " + port));
            try (LDClient first = sdk(port); LDClient second = sdk(port)) {
                assertThat(first.isInitialized() && second.isInitialized()).as(relay.output()).isTrue();
                await().atMost(WAIT).until(() -> latestConnections().orElse(-1) == 2);
            }
            await().atMost(WAIT).until(() -> latestConnections().orElse(-1) == 0);
        }
        assertThat(contentTypes).allMatch("application/x-protobuf"::equals);
        ResourceMetrics last = received.get(received.size() - 1).getResourceMetrics(0);
        assertThat(last.getResource().getAttributesList()).anyMatch(a -> a.getKey().equals("service.name")
                && a.getValue().getStringValue().equals("relay-under-test"));
        // OTLP keeps the dotted names, and no key appears in what is exported.
        assertThat(received.toString()).contains("launchdarkly.relay.requests").doesNotContain("0a0b0c0d-1e1f");
    }

    private static LDClient sdk(int port) {
        return MetricsAcceptanceTest.streamingSdk(port, SDK_KEY);
    }

    /** The sum over the last export of {@code launchdarkly.relay.connections} for env=production, if exported. */
    private OptionalDouble latestConnections() {
        if (received.isEmpty()) {
            return OptionalDouble.empty();
        }
        ExportMetricsServiceRequest last = received.get(received.size() - 1);
        double sum = 0;
        boolean found = false;
        for (ResourceMetrics rm : last.getResourceMetricsList()) {
            for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                for (Metric m : sm.getMetricsList()) {
                    if (m.getName().equals(MeterNames.CONNECTIONS)) {
                        for (NumberDataPoint p : m.getGauge().getDataPointsList()) {
                            if (hasAttribute(p.getAttributesList(), "env", "production")) {
                                sum += p.getAsDouble();
                                found = true;
                            }
                        }
                    }
                }
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    private static boolean hasAttribute(List<KeyValue> attributes, String key, String value) {
        return attributes.stream().anyMatch(a -> a.getKey().equals(key) && a.getValue().getStringValue().equals(value));
    }
}
