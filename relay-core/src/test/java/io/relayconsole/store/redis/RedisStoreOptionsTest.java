package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** One row per URL form ld-relay accepts; the label shows how each part was read (empty cell: none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            redis://cache.internal                 | redis://cache.internal:6379                     |       |
            redis://cache.internal:6380            | redis://cache.internal:6380                     |       |
            redis://cache.internal/2               | redis://cache.internal:6379/2                   |       |
            redis://cache.internal/                | redis://cache.internal:6379                     |       |
            redis://relay:pw@cache.internal:6380/1 | redis://relay:***@cache.internal:6380/1         | relay | pw
            redis://s3cret@cache.internal          | redis://:***@cache.internal:6379                |       | s3cret
            redis://:s3cret@cache.internal         | redis://:***@cache.internal:6379                |       | s3cret
            redis://relay:@cache.internal          | redis://relay@cache.internal:6379               | relay |
            rediss://cache.internal                | rediss://cache.internal:6379                    |       |
            REDIS://cache.internal                 | redis://cache.internal:6379                     |       |
            redis://redis_primary:6380             | redis://redis_primary:6380                      |       |
            redis://[::1]:6380                     | redis://[::1]:6380                              |       |
            redis://:p%40ss%2Fw%2Bd+x%20y@h        | redis://:***@h:6379                             |       | p@ss/w+d+x y
            redis-sentinel://relay:pw@s1:26380,s2,s3:26381/3#mymaster | redis-sentinel://relay:***@s1:26380,s2:26379,s3:26381/3#mymaster | relay | pw
            redis-sentinel://s1#my%20master        | redis-sentinel://s1:26379#my master             |       |
            redis-sentinel://[::1]:26380#m         | redis-sentinel://[::1]:26380#m                  |       |
            rediss-sentinel://:pw@s1,s2:26380#mymaster | rediss-sentinel://:***@s1:26379,s2:26380#mymaster |   | pw
            """)
    void eachUrlFormIsRead(String url, String label, String username, String password) {
        RedisStoreOptions options = RedisStoreOptions.builder().url(url).build();
        assertThat(options.serverLabel()).isEqualTo(label);
        assertThat(options.username()).isEqualTo(username);
        assertThat(options.password()).isEqualTo(password);
    }

    @Test
    void aPasswordFromTheOptionsGoesWithTheUrlsUser() {
        RedisStoreOptions options = RedisStoreOptions.builder().url("redis://relay:@cache.internal").password("pw").build();
        assertThat(options.username()).isEqualTo("relay");
        assertThat(options.password()).isEqualTo("pw");
    }

    /** Each bad URL is named (password masked) and the message says what is wrong with it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cache.internal:6379               | it has no scheme
            http://cache.internal             | the scheme "http" is not supported
            redis-socket:///tmp/redis.sock    | the scheme "redis-socket" is not supported
            redis+tls://cache.internal        | the scheme "redis+tls" is not supported
            redis://                          | it has no host
            redis:///1                        | it has no host
            redis://h?timeout=5s              | query parameters are not supported
            redis-sentinel://s1?x=1#m         | query parameters are not supported
            redis://h:port                    | has an invalid port "port"
            redis://h:70000                   | port out of range: 70000
            redis://h:0                       | between 1 and 65535, was 0
            redis-sentinel://s1:x,s2#m        | cannot parse port number
            redis-sentinel://s1:0,s2#m        | between 1 and 65535, was 0
            redis://h/x                       | the path "/x" is not a database number
            redis://h/1/2                     | the path "/1/2" is not a database number
            redis://h/99999999999             | is not a database number
            redis://h/-1                      | the database number must not be negative
            redis://h1,h2                     | only a sentinel URL may list several hosts
            redis://h#mymaster                | only a sentinel URL may name a master after '#'
            redis-sentinel://s1               | needs the master name after '#'
            redis-sentinel://s1#              | needs the master name after '#'
            redis://cache internal            | it is not a valid URL (illegal character in authority)
            redis-sentinel://[::1]:1,[::2]#m  | it is not a valid URL (illegal character in port number)
            """)
    void aBadUrlIsNamedAndTheProblemSaid(String url, String problem) {
        assertThatThrownBy(() -> RedisStoreOptions.builder().url(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid Redis URL \"" + url + "\": ")
                .hasMessageContaining(problem);
    }

    @Test
    void anEmptyUrlIsRejected() {
        for (String url : new String[] {"", "   "}) {
            assertThatThrownBy(() -> RedisStoreOptions.builder().url(url).build()).hasMessage("Redis URL must not be empty");
        }
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
                .hasMessageContaining("redis://:***@h").hasMessageContaining("malformed escape").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://:top secret@h").build())
                .hasMessageContaining("not a valid URL").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis-sentinel://u:topsecret@s1:x,s2#m").build())
                .hasMessageContaining("redis-sentinel://u:***@s1:x,s2#m").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> RedisStoreOptions.builder().url("redis://u:topsecret@h?timeout=1s").build())
                .hasMessageContaining("query parameters").hasMessageNotContaining("topsecret");
    }
}
