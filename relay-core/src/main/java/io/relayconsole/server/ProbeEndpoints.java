package io.relayconsole.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.relayconsole.model.Json;
import io.relayconsole.serving.Readiness;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.serving.ServedRelay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Kubernetes-style probes. {@code /livez}: the process answers (always 200). {@code /readyz}: 200 only when every
 * running environment can serve SDKs now, with data from upstream or from a store; otherwise 503 with each
 * environment's reason, so an orchestrator sends no traffic to a relay that would answer 503 itself. Environments
 * the operator stopped do not count. {@code /readyz} is answered on a request thread: it may ask a store without
 * a cache whether it holds data.
 */
final class ProbeEndpoints {
    private final ServedRelay relay;

    ProbeEndpoints(ServedRelay relay) {
        this.relay = relay;
    }

    FullHttpResponse live() {
        return Responses.json(HttpResponseStatus.OK,
                Unpooled.wrappedBuffer("{\"status\":\"alive\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    FullHttpResponse ready() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        boolean ready = true;
        try (JsonGenerator json = Json.FACTORY.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeObjectFieldStart("environments");
            for (ServedEnvironment env : relay.environments()) {
                String reason = notReadyReason(env);
                ready &= reason == null;
                json.writeObjectFieldStart(env.name());
                json.writeStringField("status", reason == null ? (env.isRunning() ? "ready" : "stopped") : "not ready");
                if (reason != null) {
                    json.writeStringField("reason", reason);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeStringField("status", ready ? "ready" : "not ready");
            json.writeEndObject();
        } catch (IOException e) {
            return Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Could not write the readiness");
        }
        return Responses.json(ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                Unpooled.wrappedBuffer(bytes.toByteArray()));
    }

    /** Why an environment cannot serve now, or null when it can (or was stopped by the operator). */
    static String notReadyReason(ServedEnvironment env) {
        if (!env.isRunning() || env.canServe()) {
            return null;
        }
        Readiness readiness = env.readiness();
        if (readiness == Readiness.REJECTED) {
            return "upstream rejected the SDK key";
        }
        if (readiness == Readiness.NOT_READY) {
            return "waiting for data: nothing from upstream or the store yet (upstream "
                    + env.dataSourceStatus().state() + ")";
        }
        if (!env.storeStatus().available() && !env.answersFromMemory()) {
            return "data store unavailable and no cached data to serve";
        }
        return "no data: upstream sent none (" + env.dataSourceStatus().state() + ") and the store holds none";
    }
}
