package io.relayconsole.config;

/**
 * Our {@code [Simulator]} section (not in ld-relay): {@code enabled} (variable {@code USE_SIMULATOR}) runs the
 * built-in upstream inside the relay, on {@code port} (variable {@code SIMULATOR_PORT}; 0 = any free port).
 * The relay then points its stream, base and events URIs at the simulator, except those the operator set
 * explicitly; {@code workspace} (variable {@code SIMULATOR_WORKSPACE}) is a folder or file of the SDKs' file-data
 * format that it serves and saves edits to ({@code io.relayconsole.workspace}); {@code replaceStreamUri}/{@code replaceBaseUri}/{@code replaceEventsUri} record which (see
 * {@link RelayConfig#withSimulatorAt}).
 */
public record SimulatorConfig(boolean enabled, int port, boolean replaceStreamUri, boolean replaceBaseUri,
                              boolean replaceEventsUri, String workspace) {

    /** Without a workspace: the built-in upstream starts from the sample flags and keeps edits in memory. */
    public SimulatorConfig(boolean enabled, int port, boolean replaceStreamUri, boolean replaceBaseUri,
                           boolean replaceEventsUri) {
        this(enabled, port, replaceStreamUri, replaceBaseUri, replaceEventsUri, null);
    }

    /** The same built-in upstream serving (and saving to) the workspace at {@code path} (a folder or a file). */
    public SimulatorConfig withWorkspace(String path) {
        return new SimulatorConfig(enabled, port, replaceStreamUri, replaceBaseUri, replaceEventsUri, path);
    }

    /** Events follow the base URI: an operator who did not point the base URI elsewhere did not for events. */
    public SimulatorConfig(boolean enabled, int port, boolean replaceStreamUri, boolean replaceBaseUri) {
        this(enabled, port, replaceStreamUri, replaceBaseUri, replaceBaseUri);
    }

    public static SimulatorConfig disabled() {
        return new SimulatorConfig(false, 0, false, false, false);
    }
}
