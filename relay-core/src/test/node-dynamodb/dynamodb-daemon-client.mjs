// The legacy LaunchDarkly Node server SDK (launchdarkly-node-server-sdk 7) in daemon mode: it reads flags and
// segments only from DynamoDB, through launchdarkly-node-server-sdk-dynamodb, exactly as an application next to
// a relay would. Speaks the line protocol of ../node/sdk-line-protocol.mjs, including {"initialized":true}.
// Settings come from the environment: DYNAMODB_ENDPOINT, DYNAMODB_TABLE, DYNAMODB_PREFIX (optional).
import LaunchDarkly from 'launchdarkly-node-server-sdk';
import DynamoDBIntegration from 'launchdarkly-node-server-sdk-dynamodb';
import { serve, loggerOptions } from '../node/sdk-line-protocol.mjs';

const logger = LaunchDarkly.basicLogger(loggerOptions);

const storeFactory = DynamoDBIntegration.DynamoDBFeatureStore(process.env.DYNAMODB_TABLE, {
  prefix: process.env.DYNAMODB_PREFIX || undefined,
  cacheTTL: 0, // every evaluation reads DynamoDB, so the test sees what the relay wrote just now
  clientOptions: {
    endpoint: process.env.DYNAMODB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxRetries: 0,
  },
});
// Built here rather than by the SDK so the test can also ask the store whether it is initialized.
const store = storeFactory({ logger });

const client = LaunchDarkly.init('sdk-daemon-mode-test', {
  featureStore: store,
  useLdd: true,
  sendEvents: false,
  diagnosticOptOut: true,
  logger,
});

await serve(client, { isStoreInitialized: () => new Promise((resolve) => store.initialized(resolve)) });
