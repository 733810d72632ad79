package io.relayconsole.upstream;

/** The product version, read from the jar manifest when packaged. */
public final class RelayVersion {
    private RelayVersion() {
    }

    public static String version() {
        String v = RelayVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    /** Sent upstream as {@code User-Agent}, in the form LaunchDarkly logs for relays. */
    public static String userAgent() {
        return "RelayConsole/" + version();
    }
}
