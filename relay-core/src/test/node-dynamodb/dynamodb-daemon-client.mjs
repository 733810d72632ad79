// The legacy LaunchDarkly Node server SDK (launchdarkly-node-server-sdk 7) in daemon mode: it reads flags and
// segments only from DynamoDB, through launchdarkly-node-server-sdk-dynamodb, exactly as an application next to
// a relay would. Driven by a Java test through a line protocol on stdin/stdout:
//   prints {"ready":bool,...} once;
//   {"evaluate":[{flag,context,default}]} -> {"results":[values]}   (contexts may be old-style users)
//   {"initialized":true}                  -> {"initialized":bool}  (whether the store holds the $inited marker)
// Settings come from the environment: DYNAMODB_ENDPOINT, DYNAMODB_TABLE, DYNAMODB_PREFIX (optional).
import LaunchDarkly from 'launchdarkly-node-server-sdk';
import DynamoDBIntegration from 'launchdarkly-node-server-sdk-dynamodb';
import readline from 'node:readline';

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
const logger = LaunchDarkly.basicLogger({
  level: 'warn',
  destination: (line) => process.stderr.write(line + '\n'),
});

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

try {
  await client.waitForInitialization();
  out({ ready: true });
} catch (e) {
  out({ ready: false, error: String(e && e.message ? e.message : e) });
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line);
  if (request.evaluate) {
    const results = [];
    for (const { flag, context, default: def } of request.evaluate) {
      results.push(await client.variation(flag, context, def));
    }
    out({ results });
  } else if (request.initialized) {
    out({ initialized: await new Promise((resolve) => store.initialized(resolve)) });
  }
}
client.close();
