package io.relayconsole.store.dynamodb;

import io.relayconsole.store.StoreException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the synchronous DynamoDB client an options object describes (region, credentials, timeouts). */
final class DynamoDbClients {
    /** Region used with an endpoint override when nothing names one: local servers accept any region. */
    static final Region LOCAL_ENDPOINT_REGION = Region.US_EAST_1;

    private DynamoDbClients() {
    }

    /**
     * A client for {@code region} and {@code credentials} (resolved with {@link #region} and {@link #credentials}
     * by the caller, which shows the region and must close the credentials provider: the client does not).
     */
    static DynamoDbClient create(DynamoDbStoreOptions options, Region region, AwsCredentialsProvider credentials) {
        var builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(options.connectTimeout())
                        .socketTimeout(options.attemptTimeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(options.apiCallTimeout())
                        .apiCallAttemptTimeout(options.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(options.maxRetries() + 1)
                                .build())
                        .build())
                .region(region)
                .credentialsProvider(credentials);
        if (options.endpoint() != null) {
            builder.endpointOverride(options.endpoint());
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new StoreException("Cannot set up the DynamoDB client: " + e.getMessage(), e);
        }
    }

    static Region region(DynamoDbStoreOptions options) {
        if (options.region() != null) {
            return Region.of(options.region());
        }
        if (options.endpoint() != null) {
            // Only the local sources: asking the EC2 metadata service makes no sense for a local endpoint.
            try {
                return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                        .getRegion();
            } catch (SdkClientException e) {
                return LOCAL_ENDPOINT_REGION;
            }
        }
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            throw new StoreException("No AWS region is configured for DynamoDB: set the region in the store "
                    + "settings, or AWS_REGION in the environment, or a region in ~/.aws/config", e);
        }
    }

    static AwsCredentialsProvider credentials(DynamoDbStoreOptions options) {
        if (options.hasCredentials()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(options.accessKeyId(), options.secretAccessKey()));
        }
        if (options.endpoint() != null) {
            // Local DynamoDB-compatible servers accept any signature; see DynamoDbStoreOptions.
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
