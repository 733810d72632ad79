package io.relayconsole.demo;

import io.relayconsole.backends.StoreBackends;
import io.relayconsole.backends.StoreSettings;
import io.relayconsole.demo.consul.ConsulKvServer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The databases a scenario can run on: the in-process {@link DemoDatabase}, or a real server the console starts for
 * the run (a local {@code redis-server}, a local dynalite under Node, the in-process Consul KV double), each behind
 * a {@link FaultProxy} that takes it down and brings it back as a network outage would.
 */
public enum ScenarioBackend {
    DEMO("demo", "demo database"),
    REDIS("redis", "Redis"),
    DYNAMODB("dynamodb", "DynamoDB (dynalite)"),
    CONSUL("consul", "Consul (KV double)");

    private static final String TABLE = "relay-console-scenarios";

    private final String cliName;
    private final String label;

    ScenarioBackend(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** As the CLI's {@code --store} takes it. */
    public String cliName() {
        return cliName;
    }

    /** As a verdict names it: "matches on Redis". */
    public String label() {
        return label;
    }

    /** @throws IllegalArgumentException naming the choices */
    public static ScenarioBackend byName(String name) {
        return Arrays.stream(values()).filter(b -> b.cliName.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no store \"" + name + "\"; choose one of "
                        + Arrays.stream(values()).map(ScenarioBackend::cliName).collect(Collectors.joining(", "))));
    }

    /**
     * Starts this backend's server for one run; closing the store stops it.
     *
     * @throws IllegalStateException saying what to install when the server's program is missing
     */
    public ScenarioStore open(String prefix) {
        return switch (this) {
            case DEMO -> ScenarioStore.demo(prefix);
            case REDIS -> {
                LocalRedisServer redis = LocalRedisServer.launch();
                // No persistence: killed and started again, it comes back empty.
                yield SharedServerStore.start(redis, redis.port(),
                        port -> StoreSettings.Redis.at("redis://127.0.0.1:" + port, prefix), () -> {
                            redis.kill();
                            redis.start();
                        });
            }
            case DYNAMODB -> {
                LocalDynalite dynalite = LocalDynalite.launch();
                StoreBackends.createTable(new StoreSettings.DynamoDb(TABLE, dynalite.endpoint(), null, prefix));
                yield SharedServerStore.start(dynalite, dynalite.port(),
                        port -> new StoreSettings.DynamoDb(TABLE, "http://127.0.0.1:" + port, null, prefix), null);
            }
            case CONSUL -> {
                ConsulKvServer consul = ConsulKvServer.startOnFreePort();
                yield SharedServerStore.start(consul, consul.port(),
                        port -> new StoreSettings.Consul("http://127.0.0.1:" + port, null, prefix), null);
            }
        };
    }
}
