package io.relayconsole.app.controls;

import com.launchdarkly.logging.LDLogLevel;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.LDValue;
import com.launchdarkly.sdk.server.Components;
import com.launchdarkly.sdk.server.LDClient;
import com.launchdarkly.sdk.server.LDConfig;
import com.launchdarkly.sdk.server.interfaces.DataSourceStatusProvider;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A real LaunchDarkly Java server SDK client in proxy mode, pointed at the console's own relay, so an outage
 * shows on a real client: served, refused with 503 and retrying, served again.
 */
public final class DemoSdk implements AutoCloseable {
    private static final LDContext DEMO_USER = LDContext.create("demo-user");

    private final String name;
    private final String environment;
    private final String flagKey;
    private final LDClient client;

    /** Starts the client without waiting for it to initialize. {@code sdkKey} goes to the client only. */
    public DemoSdk(String name, String environment, String sdkKey, URI relay, String flagKey) {
        this.name = name;
        this.environment = environment;
        this.flagKey = flagKey;
        LDConfig config = new LDConfig.Builder()
                .serviceEndpoints(Components.serviceEndpoints().relayProxy(relay))
                .dataSource(Components.streamingDataSource().initialReconnectDelay(Duration.ofMillis(500)))
                .events(Components.noEvents())
                .diagnosticOptOut(true)
                .logging(Components.logging().level(LDLogLevel.WARN))
                .startWait(Duration.ZERO)
                .build();
        this.client = new LDClient(sdkKey, config);
    }

    public String name() {
        return name;
    }

    /** The client's state and flag value now (in memory: no I/O). */
    public DemoSdkRow row() {
        DataSourceStatusProvider.Status status = client.getDataSourceStatusProvider().getStatus();
        DataSourceStatusProvider.ErrorInfo error = status.getLastError();
        String lastError = error == null ? "" : error.getStatusCode() > 0 ? "HTTP " + error.getStatusCode()
                : error.getKind().name().toLowerCase().replace('_', ' ');
        DemoSdkRow.Health health;
        String state;
        switch (status.getState()) {
            case VALID -> {
                health = DemoSdkRow.Health.SERVED;
                state = "valid: served by the relay";
            }
            case INITIALIZING -> {
                health = DemoSdkRow.Health.STARTING;
                state = "initializing" + (lastError.isEmpty() ? "" : ", refused (" + lastError + "), retrying");
            }
            case INTERRUPTED -> {
                health = DemoSdkRow.Health.RETRYING;
                state = "interrupted" + (lastError.isEmpty() ? "" : " (" + lastError + ")") + ", retrying";
            }
            default -> {
                health = DemoSdkRow.Health.GAVE_UP;
                state = "off" + (lastError.isEmpty() ? "" : " (" + lastError + ")") + ": gave up";
            }
        }
        String value = client.isInitialized()
                ? client.jsonValueVariation(flagKey, DEMO_USER, LDValue.ofNull()).toJsonString() : "(not initialized)";
        return new DemoSdkRow(name, environment, health, state, flagKey, value);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing a client only stops its threads; nothing to recover
        }
    }
}
