package io.relayconsole.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.relayconsole.model.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What an operator reads from the relay about its big segments: {@code /status}'s {@code bigSegmentStatus} for one
 * environment and {@code /health}'s answer, over HTTP as a monitoring system asks.
 */
record BigSegmentsStatusCheck(boolean potentiallyStale, String status, int health) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @throws ScenarioException when the relay does not answer, or its status has no big segments */
    static BigSegmentsStatusCheck of(int relayPort, String environment) {
        JsonNode status;
        try {
            status = Json.mapper().readTree(get(relayPort, "/status").body());
        } catch (IOException e) {
            throw new ScenarioException("the relay's /status could not be read: " + e.getMessage());
        }
        JsonNode bigSegments = status.path("environments").path(environment).path("bigSegmentStatus");
        if (bigSegments.isMissingNode()) {
            throw new ScenarioException("the relay's /status shows no bigSegmentStatus for " + environment);
        }
        return new BigSegmentsStatusCheck(bigSegments.path("potentiallyStale").asBoolean(),
                status.path("status").asText(), get(relayPort, "/health").statusCode());
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ScenarioException("the relay did not answer " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            // Polled from a condition that cannot throw it: keep the interrupt and end the run as a cancel.
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while asking the relay " + path);
        }
    }

    /** As the diagram notes it, in /status's own words. */
    String words() {
        return "/status: bigSegmentStatus potentiallyStale " + potentiallyStale + ", " + status
                + (health == 200 ? "" : ", /health " + health);
    }
}
