// The Node server SDK 9 in daemon mode with both of its Redis stores: flags from RedisFeatureStore and big-segment
// membership from RedisBigSegmentStore (REDIS_PORT, REDIS_PREFIX), as a service next to the relay would be set up.
// Caches are as short as the SDK allows, so the test sees what the relay wrote just now. Speaks the line protocol
// of sdk-line-protocol.mjs.
import { init, basicLogger } from '@launchdarkly/node-server-sdk';
import { RedisFeatureStore, RedisBigSegmentStore } from '@launchdarkly/node-server-sdk-redis';
import { serve, loggerOptions } from './sdk-line-protocol.mjs';

const unreachable = 'http://127.0.0.1:1';
const redisOptions = {
  redisOpts: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) },
  prefix: process.env.REDIS_PREFIX || undefined,
};

const client = init(process.env.SDK_KEY || 'sdk-daemon-mode', {
  useLdd: true,
  featureStore: RedisFeatureStore({ ...redisOptions, cacheTTL: 0 }),
  bigSegments: {
    store: RedisBigSegmentStore(redisOptions),
    userCacheTime: 0.001, // seconds; 0 would mean the default of 5 s
    statusPollInterval: 0.2,
  },
  baseUri: unreachable,
  streamUri: unreachable,
  eventsUri: unreachable,
  sendEvents: false,
  diagnosticOptOut: true,
  logger: basicLogger(loggerOptions),
});

await serve(client);
