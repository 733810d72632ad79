// The JSON line protocol between a Java test (SdkProcess.java) and a real LaunchDarkly SDK in this process,
// shared by every script here and in ../node-dynamodb (this module imports no npm package, so it loads from both):
//   prints {"ready":bool,"error":...} once the SDK initialized or gave up;
//   {"evaluate":[{flag,context,default}]} -> {"results":[values],"reasons":[reasons]}
//   {"initialized":true}                  -> {"initialized":bool}   (only when isStoreInitialized is given)
//   {"flush":true}                        -> {"flushed":true}        (after the SDK delivered its queued events)
// and exits, closing the SDK, at the end of its input.
import readline from 'node:readline';

export const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

/** A logger for either SDK generation that keeps stdout for the protocol. */
export const loggerOptions = { level: 'warn', destination: (line) => process.stderr.write(line + '\n') };

export async function serve(client, { isStoreInitialized } = {}) {
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
    } else if (request.flush) {
      await client.flush();
      out({ flushed: true });
    } else if (request.initialized && isStoreInitialized) {
      out({ initialized: await isStoreInitialized() });
    } else {
      out({ error: 'unsupported request: ' + line });
    }
  }
  client.close();
  process.exit(0);
}
