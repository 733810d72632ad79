// A real LaunchDarkly Node server SDK in daemon mode: it never contacts LaunchDarkly for flags and reads them
// from Redis (REDIS_PORT, REDIS_PREFIX) through the SDK's own Redis store, exactly as a customer's service would
// next to the relay. Speaks the line protocol of sdk-line-protocol.mjs.
import { init, basicLogger } from '@launchdarkly/node-server-sdk';
import { RedisFeatureStore } from '@launchdarkly/node-server-sdk-redis';
import { serve, loggerOptions } from './sdk-line-protocol.mjs';

const unreachable = 'http://127.0.0.1:1'; // daemon mode needs no service; keep any stray request on loopback

const client = init(process.env.SDK_KEY || 'sdk-daemon-mode', {
  useLdd: true,
  featureStore: RedisFeatureStore({
    redisOpts: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) },
    prefix: process.env.REDIS_PREFIX || undefined,
    cacheTTL: 0, // every evaluation reads Redis, so the test sees what the relay wrote just now
  }),
  baseUri: unreachable,
  streamUri: unreachable,
  eventsUri: unreachable,
  sendEvents: false,
  diagnosticOptOut: true,
  logger: basicLogger(loggerOptions),
});

await serve(client);
