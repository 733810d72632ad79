package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How configured Redis settings are read, checked and shown (passwords never shown). */
class RedisStoreOptionsTest {

    @Test
    void defaultsMatchTheLaunchDarklySdks() {
        RedisStoreOptions options = RedisStoreOptions.builder().build();
        assertThat(options.serverLabel()).isEqualTo("redis://localhost:6379");
        assertThat(options.prefix()).isEqualTo("launchdarkly");
        assertThat(options.database()).isZero();
        assertThat(options.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(RedisStoreOptions.builder().prefix("").build().prefix()).isEqualTo("launchdarkly");
    }

    @Test
    void aFullUrlIsReadWithUserPasswordAndDatabase() {
        RedisStoreOptions options = RedisStoreOptions.builder().url("rediss://relay:p%40ss@redis.internal:6380/4").build();
        assertThat(options.tls()).isTrue();
        assertThat(options.username()).isEqualTo("relay");
        assertThat(options.password()).isEqualTo("p@ss");
        assertThat(options.database()).isEqualTo(4);
        assertThat(options.nodes()).containsExactly(new RedisNode("redis.internal", 6380));
        assertThat(options.serverLabel()).isEqualTo("rediss://relay:***@redis.internal:6380/4");
        assertThat(options.toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
    }

    @Test
    void aSentinelUrlListsSentinelsAndNamesTheMaster() {
        RedisStoreOptions options = RedisStoreOptions.builder().url("redis-sentinel://:pw@s1,s2:26380/1#mymaster").build();
        assertThat(options.topology()).isEqualTo(RedisTopology.SENTINEL);
        assertThat(options.nodes()).containsExactly(new RedisNode("s1", 26379), new RedisNode("s2", 26380));
        assertThat(options.sentinelMasterId()).isEqualTo("mymaster");
        assertThat(options.serverLabel()).isEqualTo("redis-sentinel://:***@s1:26379,s2:26380/1#mymaster");
    }

    @Test
    void clusterSeedsAndTheTlsSwitch() {
        RedisStoreOptions options = RedisStoreOptions.builder()
                .cluster(List.of(RedisNode.parse("n1:7000", 6379), RedisNode.parse("n2", 6379))).tls(true).build();
        assertThat(options.topology()).isEqualTo(RedisTopology.CLUSTER);
        assertThat(options.serverLabel()).isEqualTo("rediss-cluster://n1:7000,n2:6379");
    }

    @Test
    void badSettingsAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://h:1").host("h").build())
                .hasMessage("specify Redis URL or host/port, but not both");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("http://h").build())
                .hasMessageContaining("scheme \"http\" is not supported");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://h:port").build())
                .hasMessageContaining("invalid port");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://h/x").build())
                .hasMessageContaining("not a database number");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis-sentinel://s1").build())
                .hasMessageContaining("master name");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://h:1/2").cluster(true).build())
                .hasMessageContaining("only database 0");
        assertThatThrownBy(() -> RedisStoreOptions.builder().port(70000).build())
                .hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> RedisStoreOptions.builder().commandTimeout(Duration.ZERO).build())
                .hasMessageContaining("must be positive");
    }

    @Test
    void anInvalidUrlIsReportedWithoutItsPassword() {
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://user:topsecret@h:notaport").build())
                .hasMessageContaining("redis://user:***@h:notaport").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://topsecret@h/x").build())
                .hasMessageContaining("redis://***@h/x").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://:top%zzsecret@h").build())
                .hasMessageNotContaining("secret");
    }
}
