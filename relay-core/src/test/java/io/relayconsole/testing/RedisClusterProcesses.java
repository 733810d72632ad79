package io.relayconsole.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/** A real 3-master Redis Cluster (no replicas) on free loopback ports, created with {@code redis-cli --cluster create}. */
public final class RedisClusterProcesses implements AutoCloseable {
    private final List<RedisServerProcess> masters = new ArrayList<>();

    private RedisClusterProcesses() {
    }

    public static RedisClusterProcesses start() {
        RedisClusterProcesses cluster = new RedisClusterProcesses();
        try {
            for (int i = 0; i < 3; i++) {
                // The bus port is given explicitly: port + 10000 may not be free, or not even a valid port.
                cluster.masters.add(RedisServerProcess.start(RedisServerProcess.freePort(),
                        "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                        "--cluster-node-timeout", "2000", "--cluster-port", String.valueOf(RedisServerProcess.freePort())));
            }
            List<String> create = new ArrayList<>(List.of(RedisServerProcess.requireProgram("redis-cli"), "--cluster", "create"));
            cluster.masters.forEach(m -> create.add("127.0.0.1:" + m.port()));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            RedisServerProcess.run(create);
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(cluster::isHealthy);
            return cluster;
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private boolean isHealthy() {
        return masters.stream().allMatch(m -> m.cli("CLUSTER", "INFO").contains("cluster_state:ok"));
    }

    public List<RedisServerProcess> masters() {
        return masters;
    }

    /** A seed address for clients, {@code host:port} of the first master. */
    public RedisServerProcess seed() {
        return masters.get(0);
    }

    /** Runs redis-cli in cluster mode ({@code -c}, follows MOVED) against the first master. */
    public String cli(String... args) {
        List<String> withClusterMode = new ArrayList<>(List.of("-c"));
        withClusterMode.addAll(List.of(args));
        return seed().cli(withClusterMode.toArray(String[]::new));
    }

    public void flushAll() {
        masters.forEach(RedisServerProcess::flushAll);
    }

    @Override
    public void close() {
        masters.forEach(RedisServerProcess::close);
    }
}
