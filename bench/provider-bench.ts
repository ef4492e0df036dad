// Provider round trips in headless Chromium with the built extension (dist/):
// eth_chainId page → content → background → page (median of 200), and the first answer
// after the service worker was stopped (median of 7 stops). Prints one JSON line.
import { resolve } from 'node:path';
import { WalletBrowser } from '../test/e2e/helpers/wallet-browser';
import { importWallet } from '../test/e2e/helpers/flows';
import { summarize } from './stats';

const root = resolve(import.meta.dirname, '..');
const { serveStatic } = (await import(resolve(root, 'scripts/static-server.mjs'))) as {
  serveStatic: (dir: string, o: { port: number }) => Promise<{ url: string; close(): Promise<void> }>;
};

const server = await serveStatic(resolve(root, 'test/fixtures'), { port: 5390 });
const wb = await WalletBrowser.launch();
try {
  const popup = await wb.openPopup();
  await importWallet(popup, 'test test test test test test test test test test test junk');
  await popup.getByTestId('home-screen').waitFor();
  await popup.close();
  const page = await wb.context.newPage();
  await page.goto(`${server.url}dapp/index.html`);
  await page.waitForFunction(() => typeof (window as unknown as { ethereum?: unknown }).ethereum === 'object');

  const roundTrips = await page.evaluate(async () => {
    const eth = (window as unknown as { ethereum: { request(a: { method: string }): Promise<unknown> } }).ethereum;
    for (let i = 0; i < 20; i++) await eth.request({ method: 'eth_chainId' });
    const out: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await eth.request({ method: 'eth_chainId' });
      out.push(performance.now() - t);
    }
    return out;
  });

  const afterStop: number[] = [];
  for (let i = 0; i < 7; i++) {
    await wb.stopServiceWorker();
    afterStop.push(
      await page.evaluate(async () => {
        const eth = (window as unknown as { ethereum: { request(a: { method: string }): Promise<unknown> } }).ethereum;
        const t = performance.now();
        await eth.request({ method: 'eth_chainId' });
        return performance.now() - t;
      }),
    );
  }
  console.log(JSON.stringify({ roundTrip: summarize(roundTrips), afterStop: summarize(afterStop), version: wb.context.browser()?.version() ?? '' }));
} finally {
  await wb.close();
  await server.close();
}
