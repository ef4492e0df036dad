import { HDNodeWallet } from 'ethers';
import type { CDPSession, Page } from 'playwright-core';
import { expectScreen, importWallet } from './flows';
import { startChainAndPages } from './servers';
import { WalletBrowser } from './wallet-browser';

/** anvil's funded accounts come from this phrase (account 0 key is the well-known 0xac09…ff80). */
export const JUNK = 'test test test test test test test test test test test junk';
export const JUNK_KEY0 = 'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
/** A password nothing else in the browser or the bundle contains, so finding it anywhere means a leak. */
export const ADV_PASSWORD = 'Qx7-adversarial-Pw-9k2';

/** EIP-55 address of m/44'/60'/0'/0/i of `phrase` (ethers, independent of the wallet's own code). */
export function ethAddressOf(phrase: string, index: number): string {
  return HDNodeWallet.fromPhrase(phrase, undefined, `m/44'/60'/0'/0/${index}`).address;
}

export type InternalReply = { ok: true; result: unknown } | { ok: false; error: { code: number; message: string; data?: { reason?: string; retryAfterMs?: number } } };

/** One internal message to the background, from an extension page (as the popup sends them). */
export function internal(page: Page, method: string, params: unknown = {}): Promise<InternalReply> {
  return page.evaluate(([m, p]) => chrome.runtime.sendMessage<unknown, InternalReply>({ channel: 'duowallet:internal', method: m, params: p }), [method, params] as const);
}

/**
 * The setup every adversarial file shares: anvil + our pages, a browser with the JUNK wallet
 * imported under ADV_PASSWORD, and a quiet extension page. `stopServers` stops anvil and the
 * pages; the caller closes the browser (some tests relaunch it).
 */
export async function startAdversarialWallet(): Promise<{ wb: WalletBrowser; q: Page; base: string; stopServers: () => Promise<void> }> {
  const { anvil, pages } = await startChainAndPages();
  const wb = await WalletBrowser.launch();
  const popup = await wb.openPopup();
  await importWallet(popup, JUNK, ADV_PASSWORD);
  await expectScreen(popup, 'home-screen');
  await popup.close();
  const q = await quietPage(wb);
  const stopServers = async () => {
    await pages.stop();
    await anvil.stop();
  };
  return { wb, q, base: pages.url, stopServers };
}

/** A quiet extension page: it has the chrome.* APIs but renders nothing and writes nothing. */
export async function quietPage(wb: WalletBrowser): Promise<Page> {
  const page = await wb.context.newPage();
  await page.goto(`chrome-extension://${wb.extensionId}/manifest.json`);
  return page;
}

/** Everything in chrome.storage.local as canonical JSON (keys sorted at every level). */
export async function storageLocal(page: Page): Promise<string> {
  const all = await page.evaluate(() => chrome.storage.local.get(null));
  return canonical(all);
}

export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Keys whose values differ between two canonical storage dumps. */
export function changedKeys(before: string, after: string): string[] {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/**
 * Stops the extension's service worker with no set-up on the hot path: the CDP session is
 * opened in advance, so `fire()` reaches Chrome within a millisecond or two of being called
 * (WalletBrowser.stopServiceWorker opens a page first, which takes far longer).
 */
export class WorkerStopper {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly extensionId: string,
  ) {}

  static async open(wb: WalletBrowser): Promise<WorkerStopper> {
    const page = await quietPage(wb);
    const cdp = await wb.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    return new WorkerStopper(page, cdp, wb.extensionId);
  }

  /** Sends the stop and resolves once Chrome reports the worker stopped. */
  async fire(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      const on = (e: { versions: { scriptURL: string; runningStatus: string }[] }) => {
        if (e.versions.some((v) => v.scriptURL.includes(this.extensionId) && v.runningStatus === 'stopped')) {
          this.cdp.off('ServiceWorker.workerVersionUpdated', on);
          resolve();
        }
      };
      this.cdp.on('ServiceWorker.workerVersionUpdated', on);
    });
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 5_000))]);
  }

  async close(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

