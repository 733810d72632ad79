// A real LaunchDarkly Node server SDK in proxy mode, driven by a Java test through a line protocol:
// it prints {"ready":bool,...} once, then answers each stdin line {"evaluate":[{flag,context,default}]}
// with {"results":[values]}, and prints {"changed":key} whenever the SDK reports a flag change.
import { init, basicLogger } from '@launchdarkly/node-server-sdk';
import readline from 'node:readline';

const relay = process.env.RELAY_URL;
const sdkKey = process.env.SDK_KEY;
const polling = process.env.MODE === 'poll';

const client = init(sdkKey, {
  baseUri: relay,
  streamUri: relay,
  eventsUri: relay,
  sendEvents: false,
  stream: !polling,
  pollInterval: 30,
  diagnosticOptOut: true,
  logger: basicLogger({ level: 'warn', destination: (line) => process.stderr.write(line + '\n') }),
});

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

client.on('update', (change) => out({ changed: change.key }));

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
    for (const { flag, context, default: def } of request.evaluate) {
      results.push(await client.variation(flag, context, def));
    }
    out({ results });
  }
}
client.close();
