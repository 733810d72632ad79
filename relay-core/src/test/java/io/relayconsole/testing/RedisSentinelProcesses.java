package io.relayconsole.testing;

import java.time.Duration;
import org.awaitility.Awaitility;

/** One master, one replica and one sentinel watching them, on free loopback ports. */
public final class RedisSentinelProcesses implements AutoCloseable {
    public static final String MASTER_NAME = "relaymaster";

    private RedisServerProcess master;
    private RedisServerProcess replica;
    private RedisServerProcess sentinel;

    private RedisSentinelProcesses() {
    }

    public static RedisSentinelProcesses start() {
        RedisSentinelProcesses setup = new RedisSentinelProcesses();
        try {
            setup.master = RedisServerProcess.start();
            setup.replica = RedisServerProcess.start("--replicaof", "127.0.0.1", String.valueOf(setup.master.port()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> setup.replica.cli("INFO", "replication").contains("master_link_status:up"));
            setup.sentinel = RedisServerProcess.startSentinel(MASTER_NAME, setup.master.port());
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> setup.sentinel.cli("SENTINEL", "REPLICAS", MASTER_NAME).contains(String.valueOf(setup.replica.port())));
            return setup;
        } catch (RuntimeException | AssertionError e) {
            setup.close();
            throw e;
        }
    }

    public RedisServerProcess master() {
        return master;
    }

    public RedisServerProcess replica() {
        return replica;
    }

    public RedisServerProcess sentinel() {
        return sentinel;
    }

    /** The port of the server the sentinel currently considers the master. */
    public int currentMasterPort() {
        String[] reply = sentinel.cli("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME).split("\\s+");
        return Integer.parseInt(reply[reply.length - 1]);
    }

    @Override
    public void close() {
        for (RedisServerProcess process : new RedisServerProcess[] {sentinel, replica, master}) {
            if (process != null) {
                process.close();
            }
        }
    }
}
