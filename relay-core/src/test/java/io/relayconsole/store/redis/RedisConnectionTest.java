package io.relayconsole.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.model.DataKind;
import io.relayconsole.model.FullDataSet;
import io.relayconsole.store.StoreException;
import io.relayconsole.testing.RedisServerProcess;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The URL forms users configure, against a real password-protected redis-server with an ACL user. */
class RedisConnectionTest {
    private static final String PASSWORD = "s3cr/et+pw";
    private static RedisServerProcess redis;
    private RedisDataStore store;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start("--requirepass", PASSWORD);
        redis.cli("ACL", "SETUSER", "relay", "on", ">relay-pw", "~*", "&*", "+@all");
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @AfterEach
    void cleanUp() {
        if (store != null) {
            store.close();
        }
        redis.flushAll();
    }

    private RedisDataStore open(RedisStoreOptions options) {
        store = new RedisDataStore(options);
        return store;
    }

    private static FullDataSet oneFlag() {
        return FullDataSet.of(Map.of("f", RedisDataStoreLayoutTest.item("f", "{\"key\":\"f\",\"version\":1}")), Map.of());
    }

    @Test
    void aPasswordInTheUrlIsPercentDecoded() {
        String url = "redis://:" + "s3cr%2Fet+pw" + "@127.0.0.1:" + redis.port();
        open(RedisStoreOptions.builder().url(url).build()).init(oneFlag());
        assertThat(redis.cli("HGET", "launchdarkly:features", "f")).contains("\"version\":1");
    }

    @Test
    void anAclUserAndPasswordInTheUrl() {
        RedisDataStore store = open(RedisStoreOptions.builder().url("redis://relay:relay-pw@127.0.0.1:" + redis.port()).build());
        store.init(oneFlag());
        assertThat(store.isInitialized()).isTrue();
        assertThat(store.description().dbServer()).isEqualTo("redis://relay:***@127.0.0.1:" + redis.port());
    }

    @Test
    void theDatabaseIndexInTheUrlSelectsTheDatabase() {
        open(RedisStoreOptions.builder().url("redis://:" + "s3cr%2Fet%2Bpw" + "@127.0.0.1:" + redis.port() + "/3").build()).init(oneFlag());
        assertThat(redis.cli("-n", "3", "EXISTS", "launchdarkly:$inited")).isEqualTo("1");
        assertThat(redis.cli("-n", "0", "EXISTS", "launchdarkly:$inited")).isEqualTo("0");
    }

    @Test
    void hostPortPasswordAndDatabaseAsSeparateSettings() {
        RedisDataStore store = open(RedisStoreOptions.builder()
                .host("127.0.0.1").port(redis.port()).password(PASSWORD).database(2).build());
        store.init(oneFlag());
        assertThat(redis.cli("-n", "2", "HLEN", "launchdarkly:features")).isEqualTo("1");
        assertThat(store.get(DataKind.FEATURES, "f").version()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsAStoreErrorThatDoesNotShowThePassword() {
        RedisDataStore store = open(RedisStoreOptions.builder()
                .url("redis://:wrong-password@127.0.0.1:" + redis.port()).build());
        assertThatThrownBy(store::isInitialized)
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("redis://:***@127.0.0.1:" + redis.port())
                .hasMessageNotContaining("wrong-password");
        assertThat(store.isAvailable()).isFalse();
        assertThat(store.toString()).doesNotContain("wrong-password");
    }

    @Test
    void noPasswordWhenOneIsRequiredIsAStoreError() {
        RedisDataStore store = open(RedisStoreOptions.builder().url(redis.url()).build());
        assertThatThrownBy(() -> store.init(oneFlag())).isInstanceOf(StoreException.class);
        assertThat(redis.cli("EXISTS", "launchdarkly:$inited")).isEqualTo("0");
    }
}
