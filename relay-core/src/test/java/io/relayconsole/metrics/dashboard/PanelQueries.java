package io.relayconsole.metrics.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's panels (docs/grafana/relay-dashboard.json) with each target's PromQL evaluated by a real
 * Prometheus over its HTTP API ({@code /api/v1/query_range}): what Grafana would draw, without Grafana.
 */
final class PanelQueries {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int prometheusPort;

    /** One line on a chart: its legend (the series' labels) and its points (unix seconds, value). */
    record Series(String legend, List<double[]> points) {
    }

    /** A panel as Grafana defines it, with its series over the range. */
    record Panel(String title, String type, List<Series> series) {
    }

    PanelQueries(int prometheusPort) {
        this.prometheusPort = prometheusPort;
    }

    List<Panel> evaluate(Path dashboard, long startSeconds, long endSeconds, int stepSeconds) throws Exception {
        List<Panel> panels = new ArrayList<>();
        for (JsonNode panel : JSON.readTree(dashboard.toFile()).path("panels")) {
            List<Series> series = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                series.addAll(range(target.path("expr").asText(), target.path("legendFormat").asText(""),
                        startSeconds, endSeconds, stepSeconds));
            }
            panels.add(new Panel(panel.path("title").asText(), panel.path("type").asText(), series));
        }
        return panels;
    }

    private List<Series> range(String promQl, String legendFormat, long start, long end, int step)
            throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + prometheusPort + "/api/v1/query_range?query="
                + URLEncoder.encode(promQl, StandardCharsets.UTF_8) + "&start=" + start + "&end=" + end
                + "&step=" + step;
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("PromQL " + promQl + " failed: " + r.body());
        }
        List<Series> series = new ArrayList<>();
        for (JsonNode result : body.path("data").path("result")) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode v : result.path("values")) {
                double value = Double.parseDouble(v.path(1).asText());
                if (Double.isFinite(value)) {
                    points.add(new double[] {v.path(0).asDouble(), value});
                }
            }
            series.add(new Series(legend(result.path("metric"), legendFormat), points));
        }
        return series;
    }

    /** Grafana's legend: {@code legendFormat} with {@code {{label}}} filled in, else the series' own labels. */
    private static String legend(JsonNode metric, String legendFormat) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Set.of("job", "instance", "__name__").contains(e.getKey())) {
                labels.put(e.getKey(), e.getValue().asText());
            }
        }
        if (!legendFormat.isBlank()) {
            String legend = legendFormat;
            for (Map.Entry<String, String> e : labels.entrySet()) {
                legend = legend.replace("{{" + e.getKey() + "}}", e.getValue());
            }
            return legend;
        }
        return labels.isEmpty() ? "value" : labels.toString().replace("{", "").replace("}", "");
    }
}
