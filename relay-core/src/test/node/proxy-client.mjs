// A real LaunchDarkly Node server SDK in proxy mode: it gets its flags from the relay (streaming, or polling with
// MODE=poll), as a customer's service would. Speaks the line protocol of sdk-line-protocol.mjs, and also prints
// {"changed":key} whenever the SDK reports a flag change. SEND_EVENTS=1 turns analytics and diagnostic events on
// (sent to the relay, as eventsUri says).
import { init, basicLogger } from '@launchdarkly/node-server-sdk';
import { serve, out, loggerOptions } from './sdk-line-protocol.mjs';

const relay = process.env.RELAY_URL;

const client = init(process.env.SDK_KEY, {
  baseUri: relay,
  streamUri: relay,
  eventsUri: relay,
  sendEvents: process.env.SEND_EVENTS === '1',
  stream: process.env.MODE !== 'poll',
  pollInterval: 30,
  diagnosticOptOut: process.env.SEND_EVENTS !== '1',
  logger: basicLogger(loggerOptions),
});

client.on('update', (change) => out({ changed: change.key }));

await serve(client);
