package io.relayconsole.store.consul;

import io.relayconsole.model.DataKind;

/**
 * The key layout every LaunchDarkly SDK reads from Consul: {@code {prefix}/features/{key}},
 * {@code {prefix}/segments/{key}} and the {@code {prefix}/$inited} marker.
 */
final class ConsulKeys {
    static final String INITED = "$inited";

    private final String prefix;

    ConsulKeys(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Everything of this environment, with the trailing {@code /}: Consul matches prefixes as plain strings, so
     * without it the environment {@code env1} would also list and delete {@code env10}'s keys.
     */
    String environmentRoot() {
        return prefix + "/";
    }

    String kindRoot(DataKind kind) {
        return prefix + "/" + kind.namespace() + "/";
    }

    String item(DataKind kind, String key) {
        return kindRoot(kind) + key;
    }

    String inited() {
        return prefix + "/" + INITED;
    }
}
