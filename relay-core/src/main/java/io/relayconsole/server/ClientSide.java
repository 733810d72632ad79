package io.relayconsole.server;

import java.net.URI;
import java.time.Duration;
import io.relayconsole.metrics.SdkMeters;
import io.relayconsole.serving.SdkConnections;

/** The endpoint groups of client-side and mobile SDKs, made and closed together with the server. */
record ClientSide(Evaluators evaluators, EvalEndpoints evalx, ClientStreams streams, GoalsProxy goals)
        implements AutoCloseable {

    static ClientSide create(SdkConnections connections, URI clientSideBaseUri, long maxPendingBytes,
                             Duration maxConnectionTime, SdkMeters meters) {
        Evaluators evaluators = new Evaluators(meters);
        return new ClientSide(evaluators, new EvalEndpoints(evaluators),
                new ClientStreams(connections, evaluators, maxPendingBytes, maxConnectionTime, meters),
                new GoalsProxy(clientSideBaseUri));
    }

    @Override
    public void close() {
        streams.close();
        evaluators.close();
    }
}
