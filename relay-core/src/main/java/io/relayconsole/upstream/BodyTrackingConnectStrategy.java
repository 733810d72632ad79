package io.relayconsole.upstream;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.logging.LDLogger;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Wraps the library's HTTP connect strategy to remember the response body of the latest connection, so the
 * reader can close it when it is done. The library only cancels the call, which leaves OkHttp reporting
 * "a connection was leaked" for every stream that ended without being read to its end.
 */
final class BodyTrackingConnectStrategy extends ConnectStrategy {
    private final ConnectStrategy delegate;
    private volatile InputStream lastBody;

    BodyTrackingConnectStrategy(ConnectStrategy delegate) {
        this.delegate = delegate;
    }

    /** Closes the body of the latest connection, if any; call from the thread that read it. */
    void closeLastBody() {
        InputStream body = lastBody;
        lastBody = null;
        if (body != null) {
            try {
                body.close();
            } catch (IOException | RuntimeException e) {
                // already broken; nothing left to release
            }
        }
    }

    @Override
    public Client createClient(LDLogger logger) {
        Client inner = delegate.createClient(logger);
        return new Client() {
            @Override
            public Result connect(String lastEventId) throws com.launchdarkly.eventsource.StreamException {
                Result result = inner.connect(lastEventId);
                lastBody = result.getInputStream();
                return result;
            }

            @Override
            public boolean awaitClosed(long timeoutMillis) throws InterruptedException {
                return inner.awaitClosed(timeoutMillis);
            }

            @Override
            public URI getOrigin() {
                return inner.getOrigin();
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }
}
