package io.relayconsole.config;

import java.util.List;

/**
 * The configuration the console starts with and {@code --simulator} uses without a file: the built-in upstream
 * with sample flags for two environments, the in-memory store, SDKs on port 8030, and event forwarding on (to the
 * built-in upstream), so the console shows what the application under development sends.
 */
public final class DevelopmentConfig {
    public static final String DEVELOPMENT_SDK_KEY = "sdk-0d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6";
    public static final String STAGING_SDK_KEY = "sdk-9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    /** So browser and mobile SDKs under development can point at the console's relay too. */
    public static final String DEVELOPMENT_CLIENT_SIDE_ID = "64d0e1f2a3b4c5d6e7f80912";
    public static final String DEVELOPMENT_MOBILE_KEY = "mob-0d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6";

    private DevelopmentConfig() {
    }

    public static RelayConfig create() {
        return RelayConfig.of(MainConfig.defaults(), List.of(
                        new EnvironmentConfig("development", DEVELOPMENT_SDK_KEY, DEVELOPMENT_MOBILE_KEY,
                                DEVELOPMENT_CLIENT_SIDE_ID, null, null, List.of(), List.of(), false, null,
                                java.time.Duration.ZERO, null),
                        EnvironmentConfig.of("staging", STAGING_SDK_KEY)))
                .withSimulator(new SimulatorConfig(true, 0, true, true))
                .withEvents(EventsConfig.defaults().withSendEvents(true));
    }
}
