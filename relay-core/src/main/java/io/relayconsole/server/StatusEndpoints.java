package io.relayconsole.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.relayconsole.config.Secrets;
import io.relayconsole.model.Json;
import io.relayconsole.relay.Relay;
import io.relayconsole.relay.RelayEnvironment;
import io.relayconsole.store.StoreDescription;
import io.relayconsole.store.StoreStatus;
import io.relayconsole.upstream.DataSourceStatus;
import io.relayconsole.upstream.RelayVersion;
import java.time.Instant;

/**
 * {@code GET /status} in ld-relay's JSON shape (always 200), and {@code GET /health}, whose HTTP status says
 * healthy (200) or degraded (503) for load balancers and orchestrators.
 */
final class StatusEndpoints {
    private final Relay relay;

    StatusEndpoints(Relay relay) {
        this.relay = relay;
    }

    FullHttpResponse status() {
        Instant now = relay.clock().instant();
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode envs = root.putObject("environments");
        boolean degraded = false;
        for (RelayEnvironment env : relay.environments()) {
            StoreStatus store = env.storeStatus();
            EnvironmentHealth health = health(env, store, now);
            degraded |= health.degradesStatus();
            envs.set(env.name(), environmentStatus(env, health, store));
        }
        root.put("status", degraded ? "degraded" : "healthy");
        root.put("version", RelayVersion.version());
        root.put("clientVersion", RelayVersion.version());
        return jsonResponse(HttpResponseStatus.OK, root);
    }

    FullHttpResponse health() {
        Instant now = relay.clock().instant();
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode envs = root.putObject("environments");
        boolean healthy = true;
        for (RelayEnvironment env : relay.environments()) {
            EnvironmentHealth health = health(env, env.storeStatus(), now);
            healthy &= !health.failsHealthCheck();
            ObjectNode e = envs.putObject(env.name());
            e.put("status", !health.running() ? "stopped" : health.connected() ? "connected" : "disconnected");
            e.put("dataStore", health.storeAvailable() ? "available" : "unavailable");
            if (health.reason() != null) {
                e.put("reason", health.reason());
            }
        }
        root.put("status", healthy ? "healthy" : "degraded");
        return jsonResponse(healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, root);
    }

    private EnvironmentHealth health(RelayEnvironment env, StoreStatus store, Instant now) {
        return EnvironmentHealth.of(env, store.available(), relay.config().main().disconnectedStatusTime(), now);
    }

    private ObjectNode environmentStatus(RelayEnvironment env, EnvironmentHealth health, StoreStatus store) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("sdkKey", Secrets.mask(env.config().sdkKey()));
        if (env.config().envId() != null) {
            e.put("envId", env.config().envId());
        }
        if (env.config().mobileKey() != null) {
            e.put("mobileKey", Secrets.mask(env.config().mobileKey()));
        }
        if (env.config().projKey() != null) {
            e.put("projKey", env.config().projKey());
        }
        e.put("status", health.connected() ? "connected" : "disconnected");

        DataSourceStatus source = env.dataSourceStatus();
        ObjectNode connection = e.putObject("connectionStatus");
        connection.put("state", source.state().name());
        connection.put("stateSince", source.stateSince().toEpochMilli());
        if (source.lastError() != null) {
            ObjectNode error = connection.putObject("lastError");
            error.put("kind", source.lastError().kind().name());
            error.put("time", source.lastError().time().toEpochMilli());
        }

        ObjectNode storeNode = e.putObject("dataStoreStatus");
        storeNode.put("state", store.available() ? "VALID" : "INTERRUPTED");
        storeNode.put("stateSince", store.since().toEpochMilli());
        StoreDescription d = env.store().description();
        if (d.isPersistent()) {
            storeNode.put("database", d.database());
            putIfPresent(storeNode, "dbServer", d.dbServer());
            putIfPresent(storeNode, "dbPrefix", d.dbPrefix());
            putIfPresent(storeNode, "dbTable", d.dbTable());
        }
        return e;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static FullHttpResponse jsonResponse(HttpResponseStatus status, ObjectNode body) {
        try {
            return Responses.json(status, Unpooled.wrappedBuffer(Json.MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            return Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Could not write the status");
        }
    }

}
