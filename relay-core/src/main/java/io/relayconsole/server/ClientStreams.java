package io.relayconsole.server;

import com.launchdarkly.sdk.LDContext;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.relayconsole.evaluation.Contexts;
import io.relayconsole.evaluation.EnvironmentEvaluator;
import io.relayconsole.metrics.SdkMeters;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.serving.SdkConnection;
import io.relayconsole.serving.SdkConnections;
import io.relayconsole.serving.ServedEnvironment;
import io.relayconsole.store.StoreException;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The client-side and mobile streams (reference §2.7). {@code /ping/{envId}} and {@code /mping} carry only
 * {@code ping}, as ld-relay's do. Beyond ld-relay, {@code /eval} and {@code /meval} carry the context's evaluated
 * flags: {@code put} on connect and {@code patch}/{@code delete} after a change (the browser, React Native and
 * mobile SDKs all read these), so SDKs need not re-poll after each change.
 */
final class ClientStreams implements AutoCloseable {
    private final SdkConnections connections;
    private final Evaluators evaluators;
    private final long maxPendingBytes;
    private final Duration maxConnectionTime;
    private final SdkMeters meters;
    private final Map<String, Registration> byEnvironment = new ConcurrentHashMap<>();

    private record Registration(ServedEnvironment env, ContextGroups groups, ExecutorService thread) {
    }

    ClientStreams(SdkConnections connections, Evaluators evaluators, long maxPendingBytes,
                  Duration maxConnectionTime, SdkMeters meters) {
        this.meters = meters;
        this.connections = connections;
        this.evaluators = evaluators;
        this.maxPendingBytes = maxPendingBytes;
        this.maxConnectionTime = maxConnectionTime;
    }

    /**
     * Opens the stream the route names.
     *
     * @throws ClientRequests.Refusal for a bad context or secure-mode hash (nothing is opened)
     * @throws StoreException when the data cannot be read (nothing is opened; the caller answers 503)
     */
    void open(Channel channel, RequestInfo info, Route.Match match, FullHttpRequest request, ServedEnvironment env)
            throws ClientRequests.Refusal {
        ContextGroups groups = groupsOf(env);
        Route route = match.route();
        SdkStream stream = new SdkStream(channel, route.pingOnly() ? StreamKind.PING : StreamKind.EVAL,
                maxPendingBytes);
        if (route.pingOnly()) {
            SharedBytes ping = env.hasData() ? SharedBytes.of(SseFrames.PING) : null;
            groups.addPing(stream);
            SdkConnection connection = register(channel, info, env, route, null, info.path(), stream,
                    () -> groups.removePing(stream));
            stream.start(Responses.streamHead(), ping, connection, ConnectionAge.withJitter(maxConnectionTime));
            return;
        }
        EnvironmentEvaluator evaluator = evaluators.forEnvironment(env);
        LDContext context = ClientRequests.context(match, request, env, evaluator);
        FullDataSet data = env.currentData();
        ContextGroups.GroupKey key = new ContextGroups.GroupKey(context, route.sdkKind(),
                ClientRequests.withReasons(request));
        // The console sees the context's kinds, never its attributes (the path carries them base64-encoded).
        // (the request handler already put {context} in its place).
        String kinds = "{" + Contexts.kinds(context) + "}";
        String shownPath = match.context() == null ? info.path() + " " + kinds
                : info.path().replace("{context}", kinds);
        SdkConnection connection = register(channel, info, env, route, context, shownPath, stream,
                () -> groups.removeEvaluated(stream, key));
        groups.addEvaluated(stream, key, data,
                put -> stream.start(Responses.streamHead(), put, connection,
                        ConnectionAge.withJitter(maxConnectionTime)));
    }

    private SdkConnection register(Channel channel, RequestInfo info, ServedEnvironment env, Route route,
                                   LDContext context, String path, SdkStream stream, Runnable onClose) {
        SdkConnection connection = connections.register(
                new SdkConnection.ConnectionRequest(env.name(), info.remoteAddress(), info.userAgent(),
                        info.wrapper(), info.tags(), path, context == null ? null : Contexts.kinds(context),
                        context == null ? null : Contexts.json(context)),
                stream::endGracefully);
        // Tagged with the route's template, not the path: the path holds an environment ID or a context.
        meters.streamOpened(env.name(), route.label(), info.userAgent());
        channel.closeFuture().addListener(f -> {
            onClose.run();
            connections.unregister(connection);
            meters.streamClosed(env.name(), route.label(), info.userAgent());
            stream.closed();
        });
        return connection;
    }

    private ContextGroups groupsOf(ServedEnvironment env) {
        return byEnvironment.computeIfAbsent(env.name(), name -> {
            ExecutorService thread = Executors.newSingleThreadExecutor(
                    new DefaultThreadFactory("client-streams-" + name, true));
            ContextGroups groups = new ContextGroups(env, evaluators.forEnvironment(env), thread);
            env.addUpdateListener(groups);
            return new Registration(env, groups, thread);
        }).groups();
    }

    @Override
    public void close() {
        for (Registration r : byEnvironment.values()) {
            r.env().removeUpdateListener(r.groups());
            r.thread().shutdownNow();
        }
        byEnvironment.clear();
    }
}
