package io.relayconsole.config;

import java.util.List;

/** A whole, validated relay configuration. Built by {@link ConfigLoader} or programmatically. */
public record RelayConfig(MainConfig main, EventsConfig events, List<EnvironmentConfig> environments) {

    public RelayConfig {
        environments = List.copyOf(environments);
    }

    public static RelayConfig of(MainConfig main, List<EnvironmentConfig> environments) {
        return new RelayConfig(main, EventsConfig.defaults(), environments);
    }

    public RelayConfig withMain(MainConfig newMain) {
        return new RelayConfig(newMain, events, environments);
    }
}
