// The real LaunchDarkly browser SDK (launchdarkly-js-client-sdk) in headless Chromium, driven by puppeteer-core.
// PAGE_URL is a page on another origin than the relay (served by the Java test), so CORS is exercised for real.
// Line protocol (see ../node/sdk-line-protocol.mjs): prints {"ready":bool,"error":...} once the SDK initialized,
// {"changed":key} for every key the page's `change` handler sees;
//   {"allFlags":true}         -> {"allFlags":{...}}   (the SDK's allFlags())
//   {"identify":<context>}    -> {"identified":true}  (switches the page's SDK to that context)
// and closes the browser at the end of its input.
import puppeteer from 'puppeteer-core';
import readline from 'node:readline';

const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/lib/chromium/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  page.on('console', (m) => process.stderr.write('[page] ' + m.text() + '\n'));
  page.on('pageerror', (e) => process.stderr.write('[page error] ' + e + '\n'));
  await page.exposeFunction('reportChange', (key) => out({ changed: key }));
  await page.goto(process.env.PAGE_URL);
  out(await page.evaluate(() => window.ready));

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const request = JSON.parse(line);
    if (request.allFlags) {
      out({ allFlags: await page.evaluate(() => window.ldclient.allFlags()) });
    } else if (request.identify) {
      await page.evaluate((context) => window.ldclient.identify(context), request.identify);
      out({ identified: true });
    } else {
      out({ error: 'unsupported request: ' + line });
    }
  }
} catch (e) {
  out({ ready: false, error: String(e && e.stack ? e.stack : e) });
} finally {
  await browser.close();
}
process.exit(0);
