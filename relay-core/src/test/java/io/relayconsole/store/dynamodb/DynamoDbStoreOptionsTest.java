package io.relayconsole.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class DynamoDbStoreOptionsTest {

    @Test
    void defaultsHaveNoPrefixNoEndpointAndShortTimeouts() {
        DynamoDbStoreOptions options = DynamoDbStoreOptions.builder(" flags ").prefix("  ").build();
        assertThat(options.tableName()).isEqualTo("flags");
        assertThat(options.prefix()).isNull();
        assertThat(options.endpoint()).isNull();
        assertThat(options.apiCallTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(options.maxRetries()).isBetween(0, 3);
    }

    @Test
    void rejectsUnusableSettingsWithAClearMessage() {
        assertThatThrownBy(() -> DynamoDbStoreOptions.builder("")).hasMessageContaining("table name is required");
        assertThatThrownBy(() -> DynamoDbStoreOptions.builder("t").endpoint("localhost:8000"))
                .hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> DynamoDbStoreOptions.builder("t").endpoint("http://bad host"))
                .hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> DynamoDbStoreOptions.builder("t").credentials("AKIA", null))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> DynamoDbStoreOptions.builder("t").apiCallTimeout(Duration.ZERO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void secretsAreNotShown() {
        DynamoDbStoreOptions options = DynamoDbStoreOptions.builder("t")
                .credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").build();
        assertThat(options.toString()).doesNotContain("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI")
                .contains("AMPLE", "secretAccessKey=***");
        assertThat(options.toBuilder().build().secretAccessKey()).isEqualTo(options.secretAccessKey());
    }

    @Test
    void aLocalEndpointGetsDummyCredentialsAndARegionWithoutAskingAws() {
        DynamoDbStoreOptions local = DynamoDbStoreOptions.builder("t").endpoint("http://127.0.0.1:8000").build();
        AwsCredentials credentials = DynamoDbClients.credentials(local).resolveCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("local");

        String fromEnvironment = System.getenv("AWS_REGION") != null ? System.getenv("AWS_REGION")
                : System.getProperty("aws.region");
        assertThat(DynamoDbClients.region(local).id())
                .isEqualTo(fromEnvironment != null ? fromEnvironment : Region.US_EAST_1.id());

        assertThat(DynamoDbClients.region(local.toBuilder().region("eu-west-1").build())).isEqualTo(Region.EU_WEST_1);
        assertThat(DynamoDbClients.credentials(local.toBuilder().credentials("id", "secret").build())
                .resolveCredentials().accessKeyId()).isEqualTo("id");
        assertThat(DynamoDbClients.credentials(DynamoDbStoreOptions.builder("t").build()))
                .as("AWS itself: the default chain").isInstanceOf(DefaultCredentialsProvider.class);
    }
}
