// The legacy Node server SDK 7 in daemon mode with both DynamoDB stores of launchdarkly-node-server-sdk-dynamodb:
// flags from DynamoDBFeatureStore and big-segment membership from DynamoDBBigSegmentStore (DYNAMODB_ENDPOINT,
// DYNAMODB_TABLE, DYNAMODB_PREFIX), caches as short as the SDK allows. Speaks ../node/sdk-line-protocol.mjs.
import LaunchDarkly from 'launchdarkly-node-server-sdk';
import DynamoDBIntegration from 'launchdarkly-node-server-sdk-dynamodb';
import { serve, loggerOptions } from '../node/sdk-line-protocol.mjs';

const options = {
  prefix: process.env.DYNAMODB_PREFIX || undefined,
  clientOptions: {
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxRetries: 0,
  },
};

const client = LaunchDarkly.init('sdk-daemon-mode-test', {
  featureStore: DynamoDBIntegration.DynamoDBFeatureStore(process.env.DYNAMODB_TABLE, { ...options, cacheTTL: 0 }),
  bigSegments: {
    store: DynamoDBIntegration.DynamoDBBigSegmentStore(process.env.DYNAMODB_TABLE, options),
    userCacheTime: 0.001,
    statusPollInterval: 0.2,
  },
  useLdd: true,
  sendEvents: false,
  diagnosticOptOut: true,
  logger: LaunchDarkly.basicLogger(loggerOptions),
});

await serve(client);
