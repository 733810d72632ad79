// A real LaunchDarkly Node server SDK in proxy mode: it gets its flags from the relay (streaming, or polling with
// MODE=poll), as a customer's service would. Speaks the line protocol of sdk-line-protocol.mjs, and also prints
// {"changed":key} whenever the SDK reports a flag change.
import { init, basicLogger } from '@launchdarkly/node-server-sdk';
import { serve, out, loggerOptions } from './sdk-line-protocol.mjs';

const relay = process.env.RELAY_URL;

const client = init(process.env.SDK_KEY, {
  baseUri: relay,
  streamUri: relay,
  eventsUri: relay,
  sendEvents: false,
  stream: process.env.MODE !== 'poll',
  pollInterval: 30,
  diagnosticOptOut: true,
  logger: basicLogger(loggerOptions),
});

client.on('update', (change) => out({ changed: change.key }));

await serve(client);
