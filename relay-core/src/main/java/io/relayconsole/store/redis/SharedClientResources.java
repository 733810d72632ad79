package io.relayconsole.store.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One set of lettuce event loops and timers for every Redis store in the process: a relay with many
 * environments should not start a thread pool per environment. Lettuce's threads are daemon threads, so the
 * resources live as long as the process.
 */
final class SharedClientResources {
    /** Reconnect quickly after a short outage, and never wait more than 2 s between attempts. */
    private static final Delay RECONNECT_DELAY =
            Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS);

    private static ClientResources resources;

    private SharedClientResources() {
    }

    static synchronized ClientResources get() {
        if (resources == null) {
            resources = ClientResources.builder()
                    .reconnectDelay(RECONNECT_DELAY)
                    // The JDK resolver (hosts file, system DNS settings) rather than Netty's own DNS client.
                    .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                    .build();
        }
        return resources;
    }
}
