package io.relayconsole.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relayconsole.backends.StoreBackends;
import io.relayconsole.backends.StoreSettings;
import io.relayconsole.store.InMemoryDataStore;
import io.relayconsole.store.redis.RedisStoreOptions;
import org.junit.jupiter.api.Test;

class StoreFormTest {
    private final StoreForm form = new StoreForm();

    @Test
    void noneNeedsNothingAndBuildsTheInMemoryStore() {
        assertThat(form.validate()).isEmpty();
        assertThat(StoreBackends.create(form.settings("dev"))).isInstanceOf(InMemoryDataStore.class);
    }

    @Test
    void redisUrlAndHostTogetherAreRejected() {
        form.backend.set(StoreBackend.REDIS);
        form.redisUrl.set("redis://127.0.0.1:6379");
        form.redisHost.set("localhost");
        assertThat(form.validate()).containsExactly("Give a Redis URL or a host and port, not both");
    }

    @Test
    void redisUrlMustBeARedisUrl() {
        form.backend.set(StoreBackend.REDIS);
        form.redisUrl.set("http://127.0.0.1:6379");
        assertThat(form.validate()).containsExactly("The Redis URL must start with redis:// or rediss://");
    }

    @Test
    void redisPortMustBeAPortNumber() {
        form.backend.set(StoreBackend.REDIS);
        form.redisPort.set("70000");
        assertThat(form.validate()).containsExactly("The Redis port must be a number from 1 to 65535");
        form.redisPort.set("abc");
        assertThat(form.validate()).containsExactly("The Redis port must be a number from 1 to 65535");
    }

    @Test
    void sentinelAndClusterExcludeEachOther() {
        form.backend.set(StoreBackend.REDIS);
        form.redisSentinelMaster.set("mymaster");
        form.redisCluster.set(true);
        assertThat(form.validate()).contains("Choose Sentinel or Cluster, not both");
    }

    @Test
    void redisOptionsCarryPasswordPrefixAndTlsButNeverShowThePassword() {
        form.backend.set(StoreBackend.REDIS);
        form.redisHost.set("127.0.0.1");
        form.redisPort.set("6390");
        form.redisPassword.set("s3cret");
        form.redisTls.set(true);
        RedisStoreOptions options = redisOptions("dev");
        assertThat(options.password()).isEqualTo("s3cret");
        assertThat(options.prefix()).isEqualTo("dev");
        assertThat(options.serverLabel()).isEqualTo("rediss://:***@127.0.0.1:6390");
        assertThat(options.toString()).doesNotContain("s3cret");
    }

    @Test
    void sentinelUsesTheHostAndPortAsTheSentinelsAddress() {
        form.backend.set(StoreBackend.REDIS);
        form.redisHost.set("127.0.0.1");
        form.redisSentinelMaster.set("mymaster");
        assertThat(redisOptions("dev").serverLabel()).isEqualTo("redis-sentinel://127.0.0.1:26379#mymaster");
    }

    @Test
    void dynamoDbNeedsATableAndAUrlEndpoint() {
        form.backend.set(StoreBackend.DYNAMODB);
        form.dynamoEndpoint.set("localhost:8000");
        assertThat(form.validate()).containsExactly("DynamoDB needs a table name",
                "The DynamoDB endpoint must be a URL such as http://localhost:8000");
        form.dynamoTable.set("flags");
        form.dynamoEndpoint.set("http://127.0.0.1:8000");
        assertThat(form.validate()).isEmpty();
        assertThat(((StoreSettings.DynamoDb) form.settings("dev")).prefix()).isEqualTo("dev");
    }

    @Test
    void consulUrlMustBeHttp() {
        form.backend.set(StoreBackend.CONSUL);
        form.consulUrl.set("consul:8500");
        form.consulPrefix.set("/abs");
        assertThat(form.validate()).containsExactly("The Consul URL must look like http://localhost:8500",
                "The Consul prefix must not start with /");
    }

    @Test
    void buildingAnInvalidFormFailsWithTheProblems() {
        form.backend.set(StoreBackend.DYNAMODB);
        assertThatThrownBy(() -> form.settings("dev")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DynamoDB needs a table name");
    }

    @Test
    void theViewModelShowsProblemsAsTheUserTypes() {
        StoreViewModel model = new StoreViewModel();
        model.form().backend.set(StoreBackend.REDIS);
        model.form().redisUrl.set("localhost");
        assertThat(model.formProblemsProperty().get()).isEqualTo("The Redis URL must start with redis:// or rediss://");
        model.form().redisUrl.set("redis://localhost");
        assertThat(model.formProblemsProperty().get()).isEmpty();
    }

    /** The Redis options the engine builds from what the form describes. */
    private RedisStoreOptions redisOptions(String environmentName) {
        return StoreBackends.redisOptions((StoreSettings.Redis) form.settings(environmentName));
    }
}
