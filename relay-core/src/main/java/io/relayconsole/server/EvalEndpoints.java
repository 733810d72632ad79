package io.relayconsole.server;

import com.launchdarkly.sdk.LDContext;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.relayconsole.evaluation.EnvironmentEvaluator;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.store.StoreException;

/**
 * The evalx endpoints of every SDK kind: all flags the kind may see, evaluated by LaunchDarkly's SDK for the
 * request's context, as LaunchDarkly's client-side service answers (reference §1.4).
 */
final class EvalEndpoints {
    private final Evaluators evaluators;

    EvalEndpoints(Evaluators evaluators) {
        this.evaluators = evaluators;
    }

    /** The answer, and the context it evaluated (null when the request was refused) for the request log. */
    record Answer(FullHttpResponse response, LDContext context) {
    }

    /**
     * 200 with the evaluated flags, or the refusal's 400/415.
     *
     * @throws StoreException when the data cannot be read (cache expired and store down): the caller answers 503
     */
    Answer serve(Route.Match match, FullHttpRequest request, ServedEnvironment env) {
        EnvironmentEvaluator evaluator = evaluators.forEnvironment(env);
        LDContext context;
        try {
            context = ClientRequests.context(match, request, env, evaluator);
        } catch (ClientRequests.Refusal r) {
            return new Answer(Responses.error(r.status(), r.getMessage()), null);
        }
        byte[] body = evaluator.evaluate(env.currentData(), context, match.route().sdkKind(),
                ClientRequests.withReasons(request)).toJson();
        FullHttpResponse response = Responses.json(HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
        response.headers().set(io.netty.handler.codec.http.HttpHeaderNames.CACHE_CONTROL, "no-cache");
        return new Answer(response, context);
    }
}
