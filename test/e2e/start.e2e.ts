import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectScreen, importWallet } from './helpers/flows';
import { ROOT } from './helpers/paths';
import { WalletBrowser } from './helpers/wallet-browser';

/**
 * `npm start` as a newcomer runs it: the script itself (not our test helpers) builds dist/,
 * starts anvil, the regtest fixture and the demo dApp, and opens Chromium with the wallet.
 * Without a display it runs headless with DevTools on :9222, which is how we drive it here.
 */
const TEST_PHRASE = 'test test test test test test test test test test test junk';

async function post(url: string, method: string): Promise<unknown> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: [] }) });
  return ((await r.json()) as { result: unknown }).result;
}

const refused = (url: string) => fetch(url, { signal: AbortSignal.timeout(2000) }).then(() => false, () => true);

describe('npm start: the whole wallet on one machine', () => {
  let proc: ChildProcess;
  let out = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, WALLET_PROFILE: WalletBrowser.newProfileDir() };
    delete env['DISPLAY'];
    delete env['WAYLAND_DISPLAY'];
    proc = spawn(process.execPath, [resolve(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    proc.stdout!.on('data', (d: Buffer) => (out += String(d)));
    proc.stderr!.on('data', (d: Buffer) => (out += String(d)));
    // expect.poll only works inside a test: wait for the script's last line (or its early exit) by hand.
    await new Promise<void>((ok, fail) => {
      const check = () => out.includes('Press Ctrl-C') && ok();
      proc.stdout!.on('data', check);
      proc.once('exit', (code) => fail(new Error(`npm start exited (${code}) before it was ready:\n${out}`)));
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    // Whatever happened, leave no anvil or Chromium behind (the script leads its own process group).
    try {
      process.kill(-proc.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  });

  it('says what it started, and each of them answers', async () => {
    expect(out).toMatch(/anvil:\s+http:\/\/127\.0\.0\.1:8545/);
    expect(out).toMatch(/running headless with DevTools on http:\/\/127\.0\.0\.1:9222/);
    expect(await post('http://127.0.0.1:8545', 'eth_chainId')).toBe('0x7a69');
    const tip = await fetch('http://127.0.0.1:3002/blocks/tip/height').then((r) => r.text());
    expect(Number(tip)).toBeGreaterThan(0);
    const dappUrl = /demo dApp: (\S+)/.exec(out)?.[1];
    expect(dappUrl).toBeTruthy();
    expect((await fetch(dappUrl!)).status).toBe(200);
  });

  it('the opened Chromium has the wallet; the test phrase sees its anvil ETH and the 1.1 BTC the fixture funded', async () => {
    // Chromium opens its DevTools port a moment after the script has printed its last line.
    await expect.poll(() => refused('http://127.0.0.1:9222/json/version'), { timeout: 20_000 }).toBe(false);
    browser = await chromium.connectOverCDP('http://127.0.0.1:9222');
    const context = browser.contexts()[0]!;
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
    await importWallet(popup, TEST_PHRASE);
    await expectScreen(popup, 'home-screen');
    await expect.poll(() => popup.getByTestId('balance-eth').getAttribute('data-value'), { timeout: 20_000 }).toBe(String(10_000n * 10n ** 18n));
    await expect.poll(() => popup.getByTestId('balance-btc').getAttribute('data-value'), { timeout: 20_000 }).toBe(String(110_000_000));
  });

  it('Ctrl-C stops Chromium, anvil, the regtest fixture and the dApp server', async () => {
    await browser?.close().catch(() => undefined); // only the CDP connection; the script owns Chromium
    browser = undefined;
    const exited = new Promise<number | null>((r) => (proc.exitCode !== null ? r(proc.exitCode) : proc.once('exit', (code) => r(code))));
    process.kill(-proc.pid!, 'SIGINT'); // as a terminal's Ctrl-C: to the whole process group
    expect(await exited).toBe(0);
    const dappUrl = /demo dApp: (\S+)/.exec(out)![1]!;
    await expect.poll(() => Promise.all(['http://127.0.0.1:8545', 'http://127.0.0.1:3002/blocks/tip/height', dappUrl, 'http://127.0.0.1:9222/json/version'].map(refused)), { timeout: 10_000 }).toEqual([true, true, true, true]);
  });
});
