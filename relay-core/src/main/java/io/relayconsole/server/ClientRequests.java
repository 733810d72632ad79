package io.relayconsole.server;

import com.launchdarkly.sdk.LDContext;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.relayconsole.evaluation.ContextException;
import io.relayconsole.evaluation.Contexts;
import io.relayconsole.evaluation.EnvironmentEvaluator;
import io.relayconsole.evaluation.SdkKind;
import io.relayconsole.serving.ServedEnvironment;
import java.util.List;

/**
 * What evaluation routes and client streams read from a request: the context (path or {@code REPORT} body),
 * {@code withReasons}, and the secure-mode hash {@code h}. A bad request becomes a {@link Refusal} with
 * ld-relay's status and words (reference §1.4).
 */
final class ClientRequests {
    static final String SECURE_MODE_MISMATCH = "Environment is in secure mode, and context hash does not match.";

    private ClientRequests() {
    }

    /** A request refused before evaluation: its status and message. */
    static final class Refusal extends Exception {
        private final HttpResponseStatus status;

        Refusal(HttpResponseStatus status, String message) {
            super(message);
            this.status = status;
        }

        HttpResponseStatus status() {
            return status;
        }
    }

    /** The request's context, checked against secure mode when the environment asks for it. */
    static LDContext context(Route.Match match, FullHttpRequest request, ServedEnvironment env,
                             EnvironmentEvaluator evaluator) throws Refusal {
        LDContext context;
        try {
            if (match.route().contextInBody()) {
                String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
                if (type == null || !type.split(";")[0].trim().equalsIgnoreCase("application/json")) {
                    throw new Refusal(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                            "Content-Type must be application/json");
                }
                context = Contexts.fromJson(ByteBufUtil.getBytes(request.content()));
            } else {
                context = Contexts.fromBase64(match.context());
            }
        } catch (ContextException e) {
            throw new Refusal(HttpResponseStatus.BAD_REQUEST, e.getMessage());
        }
        if (match.route().sdkKind() == SdkKind.CLIENT && env.config().secureMode()
                && !evaluator.secureModeHashMatches(context, query(request, "h"))) {
            throw new Refusal(HttpResponseStatus.BAD_REQUEST, SECURE_MODE_MISMATCH);
        }
        return context;
    }

    static boolean withReasons(FullHttpRequest request) {
        return "true".equalsIgnoreCase(query(request, "withReasons"));
    }

    private static String query(FullHttpRequest request, String name) {
        List<String> values = new QueryStringDecoder(request.uri()).parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
