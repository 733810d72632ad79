package io.relayconsole.config;

/**
 * Our {@code [Simulator]} section (not in ld-relay): {@code enabled} (variable {@code USE_SIMULATOR}) runs the
 * built-in upstream inside the relay, on {@code port} (variable {@code SIMULATOR_PORT}; 0 = any free port).
 * The relay then points its stream, base and events URIs at the simulator, except those the operator set
 * explicitly; {@code replaceStreamUri}/{@code replaceBaseUri}/{@code replaceEventsUri} record which (see
 * {@link RelayConfig#withSimulatorAt}).
 */
public record SimulatorConfig(boolean enabled, int port, boolean replaceStreamUri, boolean replaceBaseUri,
                              boolean replaceEventsUri) {

    /** Events follow the base URI: an operator who did not point the base URI elsewhere did not for events. */
    public SimulatorConfig(boolean enabled, int port, boolean replaceStreamUri, boolean replaceBaseUri) {
        this(enabled, port, replaceStreamUri, replaceBaseUri, replaceBaseUri);
    }

    public static SimulatorConfig disabled() {
        return new SimulatorConfig(false, 0, false, false, false);
    }
}
