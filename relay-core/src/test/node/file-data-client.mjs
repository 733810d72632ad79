// The Node server SDK's own file data source (integrations.FileDataSourceFactory) reading FILE_DATA (JSON),
// with no connection anywhere: proves that files the relay exports are the SDKs' file-data format.
// Speaks the line protocol of sdk-line-protocol.mjs.
import { init, basicLogger, integrations } from '@launchdarkly/node-server-sdk';
import { serve, loggerOptions } from './sdk-line-protocol.mjs';

const source = new integrations.FileDataSourceFactory({ paths: [process.env.FILE_DATA] });

const client = init('sdk-file-data', {
  updateProcessor: source.getFactory(),
  sendEvents: false,
  diagnosticOptOut: true,
  logger: basicLogger(loggerOptions),
});

await serve(client);
