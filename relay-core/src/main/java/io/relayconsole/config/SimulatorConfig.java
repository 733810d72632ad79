package io.relayconsole.config;

/**
 * Our {@code [Simulator]} section (not in ld-relay): {@code enabled} (variable {@code USE_SIMULATOR}) runs the
 * built-in upstream inside the relay, on {@code port} (variable {@code SIMULATOR_PORT}; 0 = any free port).
 * The relay then points its stream and base URIs at the simulator, except those the operator set explicitly;
 * {@code replaceStreamUri}/{@code replaceBaseUri} record which (see {@link RelayConfig#withSimulatorAt}).
 */
public record SimulatorConfig(boolean enabled, int port, boolean replaceStreamUri, boolean replaceBaseUri) {

    public static SimulatorConfig disabled() {
        return new SimulatorConfig(false, 0, false, false);
    }
}
