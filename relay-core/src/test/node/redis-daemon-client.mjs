// A real LaunchDarkly Node server SDK in daemon mode: it never contacts LaunchDarkly for flags and reads them
// from Redis through the SDK's own Redis store, exactly as a customer's service would next to the relay.
// Driven by a Java test through a line protocol: prints {"ready":bool,...} once, then answers each stdin line
// {"evaluate":[{flag,context,default}]} with {"results":[values],"reasons":[reasons]}.
import { init, basicLogger } from '@launchdarkly/node-server-sdk';
import { RedisFeatureStore } from '@launchdarkly/node-server-sdk-redis';
import readline from 'node:readline';

const unreachable = 'http://127.0.0.1:1'; // daemon mode needs no service; keep any stray request on loopback

const client = init(process.env.SDK_KEY || 'sdk-daemon-mode', {
  useLdd: true,
  featureStore: RedisFeatureStore({
    redisOpts: { host: '127.0.0.1', port: Number(process.env.REDIS_PORT) },
    prefix: process.env.REDIS_PREFIX || undefined,
    cacheTTL: 0,
  }),
  baseUri: unreachable,
  streamUri: unreachable,
  eventsUri: unreachable,
  sendEvents: false,
  diagnosticOptOut: true,
  logger: basicLogger({ level: 'warn', destination: (line) => process.stderr.write(line + '\n') }),
});

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

try {
  await client.waitForInitialization({ timeout: Number(process.env.INIT_TIMEOUT_SECONDS || 10) });
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
    const reasons = [];
    for (const { flag, context, default: def } of request.evaluate) {
      const detail = await client.variationDetail(flag, context, def);
      results.push(detail.value);
      reasons.push(detail.reason);
    }
    out({ results, reasons });
  }
}
client.close();
process.exit(0);
