package io.relayconsole.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.relayconsole.bigsegments.BigSegmentStatus;
import io.relayconsole.config.Secrets;
import io.relayconsole.model.Json;
import io.relayconsole.serving.ServedRelay;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.RelayVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code GET /status} in ld-relay's JSON shape (always 200), and {@code GET /health}, whose HTTP status says
 * healthy (200) or degraded (503) for load balancers and orchestrators; {@code GET /status/{env}} for one
 * environment.
 */
final class StatusEndpoints {
    private final ServedRelay relay;

    StatusEndpoints(ServedRelay relay) {
        this.relay = relay;
    }

    FullHttpResponse status() {
        Instant now = relay.clock().instant();
        return write(json -> {
            json.writeObjectFieldStart("environments");
            boolean degraded = false;
            for (ServedEnvironment env : relay.environments()) {
                StoreStatus store = env.storeStatus();
                EnvironmentHealth health = health(env, store, now);
                degraded |= health.degradesStatus() || staleBigSegmentsDegrade(env);
                json.writeFieldName(env.name());
                writeEnvironmentStatus(json, env, health, store);
            }
            json.writeEndObject();
            json.writeStringField("status", degraded ? "degraded" : "healthy");
            json.writeStringField("version", RelayVersion.version());
            json.writeStringField("clientVersion", RelayVersion.version());
            return HttpResponseStatus.OK;
        });
    }

    /** {@code GET /status/{env}}: one environment's entry of {@code /status}, 404 for an unknown name. */
    FullHttpResponse environment(String name) {
        ServedEnvironment env = relay.environments().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElse(null);
        if (env == null) {
            return Responses.error(HttpResponseStatus.NOT_FOUND, "No environment named " + name);
        }
        StoreStatus store = env.storeStatus();
        EnvironmentHealth health = health(env, store, relay.clock().instant());
        return write(json -> {
            json.writeStringField("name", env.name());
            json.writeFieldName("environment");
            writeEnvironmentStatus(json, env, health, store);
            json.writeStringField("ready", ProbeEndpoints.notReadyReason(env) == null ? "yes" : "no");
            writeIfPresent(json, "reason", health.reason());
            return HttpResponseStatus.OK;
        });
    }

    FullHttpResponse health() {
        Instant now = relay.clock().instant();
        return write(json -> {
            json.writeObjectFieldStart("environments");
            boolean healthy = true;
            for (ServedEnvironment env : relay.environments()) {
                EnvironmentHealth health = health(env, env.storeStatus(), now);
                boolean staleBigSegments = staleBigSegmentsDegrade(env);
                healthy &= !health.failsHealthCheck() && !staleBigSegments;
                json.writeObjectFieldStart(env.name());
                json.writeStringField("status",
                        !health.running() ? "stopped" : health.connected() ? "connected" : "disconnected");
                json.writeStringField("dataStore", health.storeAvailable() ? "available" : "unavailable");
                String reason = health.reason();
                if (staleBigSegments) {
                    reason = (reason == null ? "" : reason + "; ") + "big segments potentially stale";
                }
                writeIfPresent(json, "reason", reason);
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeStringField("status", healthy ? "healthy" : "degraded");
            return healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
        });
    }

    /** ld-relay's rule: stale big segments degrade the relay only with {@code bigSegmentsStaleAsDegraded}. */
    private boolean staleBigSegmentsDegrade(ServedEnvironment env) {
        return relay.main().bigSegmentsStaleAsDegraded() && env.isRunning()
                && env.bigSegmentStatus().map(BigSegmentStatus::potentiallyStale).orElse(false);
    }

    private EnvironmentHealth health(ServedEnvironment env, StoreStatus store, Instant now) {
        return EnvironmentHealth.of(env, store.available(), relay.main().disconnectedStatusTime(), now);
    }

    private static void writeEnvironmentStatus(JsonGenerator json, ServedEnvironment env, EnvironmentHealth health,
                                               StoreStatus store) throws IOException {
        json.writeStartObject();
        json.writeStringField("sdkKey", Secrets.mask(env.config().sdkKey()));
        writeIfPresent(json, "envId", env.config().envId());
        if (env.config().mobileKey() != null) {
            json.writeStringField("mobileKey", Secrets.mask(env.config().mobileKey()));
        }
        writeIfPresent(json, "projKey", env.config().projKey());
        json.writeStringField("status", health.connected() ? "connected" : "disconnected");

        DataSourceStatus source = env.dataSourceStatus();
        json.writeObjectFieldStart("connectionStatus");
        json.writeStringField("state", source.state().name());
        json.writeNumberField("stateSince", source.stateSince().toEpochMilli());
        if (source.lastError() != null) {
            json.writeObjectFieldStart("lastError");
            json.writeStringField("kind", source.lastError().kind().name());
            json.writeNumberField("time", source.lastError().time().toEpochMilli());
            json.writeEndObject();
        }
        json.writeEndObject();

        json.writeObjectFieldStart("dataStoreStatus");
        json.writeStringField("state", store.available() ? "VALID" : "INTERRUPTED");
        json.writeNumberField("stateSince", store.since().toEpochMilli());
        StoreDescription d = env.storeDescription();
        if (d.isPersistent()) {
            json.writeStringField("database", d.database());
            writeIfPresent(json, "dbServer", d.dbServer());
            writeIfPresent(json, "dbPrefix", d.dbPrefix());
            writeIfPresent(json, "dbTable", d.dbTable());
        }
        json.writeEndObject();
        Optional<BigSegmentStatus> bigSegments = env.bigSegmentStatus();
        if (bigSegments.isPresent()) {
            json.writeObjectFieldStart("bigSegmentStatus");
            json.writeBooleanField("available", bigSegments.get().available());
            json.writeBooleanField("potentiallyStale", bigSegments.get().potentiallyStale());
            if (bigSegments.get().lastSynchronizedOn() != null) {
                json.writeNumberField("lastSynchronizedOn", bigSegments.get().lastSynchronizedOn().toEpochMilli());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    /** Writes the fields of one JSON object; returns the HTTP status, which may depend on what was written. */
    private interface ObjectWriter {
        HttpResponseStatus writeFields(JsonGenerator json) throws IOException;
    }

    private static FullHttpResponse write(ObjectWriter fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        HttpResponseStatus answered;
        try (JsonGenerator json = Json.FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            answered = fields.writeFields(json);
            json.writeEndObject();
        } catch (IOException e) {
            return Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Could not write the status");
        }
        return Responses.json(answered, Unpooled.wrappedBuffer(bytes.toByteArray()));
    }
}
