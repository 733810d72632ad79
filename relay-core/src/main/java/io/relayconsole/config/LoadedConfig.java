package io.relayconsole.config;

import java.util.List;

/** The result of a successful load: the configuration and what the operator should be told about it. */
public record LoadedConfig(RelayConfig config, List<ConfigNotice> notices) {

    public LoadedConfig {
        notices = List.copyOf(notices);
    }
}
