package io.relayconsole.config;

import java.util.List;

/** One {@code [Filters "projKey"]} section: the payload filter keys defined for that project. */
public record FilterConfig(String projKey, List<String> keys) {

    public FilterConfig {
        keys = List.copyOf(keys);
    }
}
