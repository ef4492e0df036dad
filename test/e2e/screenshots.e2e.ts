import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Wallet } from 'ethers';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPriceFeed } from '../fixtures/price-feed/server';
import { approvalWindow, untilArmed } from './helpers/approval';
import { anvilRpc, ANVIL_ACCOUNTS } from './helpers/anvil-rpc';
import { deployTestToken, transferToken } from './helpers/erc20';
import { expectScreen, launchWithWallet } from './helpers/flows';
import { ROOT } from './helpers/paths';
import { rpc } from './helpers/rpc';
import { startChainAndPages, startRegtest } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';

/**
 * Screenshots of the main screens at the popup's 360×600, in English and 简体中文, light and
 * dark, written to test-results/screens/<lang>-<scheme>-<screen>.png for a person to look at
 * (issue 6, "Tests and looks"). The wallet has real content: ETH, a token (with an incoming
 * transfer), a fiat total from the price-feed fixture, sends in activity, a nonce gap.
 */
const OUT = resolve(ROOT, 'test-results/screens');
const JUNK = 'test test test test test test test test test test test junk';
const ME = ANVIL_ACCOUNTS[0].address;
const ACCOUNT1 = ANVIL_ACCOUNTS[1].address;
const LANGS = ['en', 'zh_CN'] as const;
const SCHEMES = ['light', 'dark'] as const;

async function internal(page: Page, method: string, params: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, p]) => {
      const reply = await chrome.runtime.sendMessage<unknown, { ok: boolean; result?: unknown; error?: unknown }>({ channel: 'duowallet:internal', method: m, params: p });
      if (!reply.ok) throw new Error(`${m}: ${JSON.stringify(reply.error)}`);
      return reply.result;
    },
    [method, params] as const,
  );
}

describe('screenshots of the main screens (en, zh_CN × light, dark)', () => {
  let wb: WalletBrowser;
  let popup: Page;
  let dapp: Page;
  let stopAll: () => Promise<void>;
  const written: string[] = [];
  let connectedOnce = false;
  let token = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    const { anvil, pages } = await startChainAndPages();
    const esplora = await startRegtest();
    const feed = await startPriceFeed();
    stopAll = async () => {
      await pages.stop();
      await anvil.stop();
      await esplora.stop();
      await feed.stop();
    };
    token = await deployTestToken(anvil.url, { name: 'Test Token', symbol: 'TST', decimals: 6, supply: 10n ** 12n, holder: ANVIL_ACCOUNTS[9].address });
    await transferToken(anvil.url, token, ANVIL_ACCOUNTS[9].address, ME, 1250n * 10n ** 6n);
    ({ wb, popup } = await launchWithWallet(JUNK));
    esplora.fund((await popup.getByTestId('account-address-btc-p2wpkh').getAttribute('data-address'))!, 12_345_678n, { mine: true });
    await internal(popup, 'tokens_add', { address: token });
    await internal(popup, 'settings_set', { prices: { enabled: true, url: feed.url, currency: 'usd' } });
    // Some history: an ETH send and a token send (mined), then a nonce gap (automine off, a tx at nonce+1 signed outside).
    for (const [asset, amount] of [['eth', '1.25'], [token, '20']] as const) {
      const { quoteId } = (await internal(popup, 'send_quote', { asset, to: ACCOUNT1, amount })) as { quoteId: string };
      await internal(popup, 'send_confirm', { quoteId, speed: 'normal' });
    }
    await anvilRpc(anvil.url, 'evm_setAutomine', [false]);
    const latest = Number(BigInt(await anvilRpc<string>(anvil.url, 'eth_getTransactionCount', [ME, 'latest'])));
    const future = await new Wallet(ANVIL_ACCOUNTS[0].key).signTransaction({ type: 2, chainId: 31337, nonce: latest + 1, to: ACCOUNT1, value: 1n, gasLimit: 21_000n, maxFeePerGas: 10n ** 10n, maxPriorityFeePerGas: 10n ** 9n });
    await anvilRpc(anvil.url, 'eth_sendRawTransaction', [future]);
    dapp = await wb.context.newPage();
    await dapp.goto(`${pages.url}dapp/index.html`);
  }, 120_000);

  afterAll(async () => {
    console.log(`\nscreenshots written (${written.length}):\n${written.map((f) => `  ${f}`).join('\n')}\n`);
    await wb?.close();
    await stopAll?.();
  });

  async function shoot(page: Page, lang: string, scheme: string, name: string): Promise<void> {
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300); // let the last state paint
    const file = resolve(OUT, `${lang}-${scheme}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(5_000);
    written.push(file.slice(ROOT.length + 1));
  }

  for (const lang of LANGS) {
    for (const scheme of SCHEMES) {
      it(`${lang}, ${scheme}`, { timeout: 120_000 }, async () => {
        const { prices } = (await internal(popup, 'settings_get', {})) as { prices: { url: string } };
        await internal(popup, 'settings_set', { language: lang, prices: { enabled: true, url: prices.url, currency: lang === 'zh_CN' ? 'cny' : 'usd' } });
        await popup.emulateMedia({ colorScheme: scheme });
        await popup.goto(wb.popupUrl);
        await popup.reload();
        await expectScreen(popup, 'home-screen');
        await popup.locator('[data-testid="total-fiat"][data-value]:not([data-value=""])').waitFor({ timeout: 15_000 });
        await popup.locator('[data-testid="balance-btc"]:not([data-value=""])').waitFor({ timeout: 15_000 });
        await shoot(popup, lang, scheme, 'home');

        // The account menu with each account's balance (a second account is added once).
        if (((await internal(popup, 'accounts_list', {})) as { accounts: unknown[] }).accounts.length < 2) {
          await internal(popup, 'accounts_add', {});
          await internal(popup, 'accounts_select', { index: 0 }); // the screens below show account 0's history
        }
        await popup.reload();
        await popup.getByTestId('account-picker').click();
        await popup.locator('[data-testid="account-option-1"] [data-testid="account-balance"]:not([data-value=""])').waitFor({ timeout: 15_000 });
        await shoot(popup, lang, scheme, 'account-menu');
        await popup.keyboard.press('Escape');

        await popup.getByTestId('send-button').click();
        await popup.getByTestId('send-screen').waitFor();
        await popup.getByTestId('send-to-input').fill(ACCOUNT1);
        await popup.getByTestId('send-amount-input').fill('0.5');
        await shoot(popup, lang, scheme, 'send');
        await popup.getByTestId('send-review-button').click();
        await popup.getByTestId('send-review-screen').waitFor();
        await shoot(popup, lang, scheme, 'send-review');

        await popup.goto(`${wb.popupUrl}#/receive`);
        await popup.getByTestId('receive-qr').waitFor();
        await shoot(popup, lang, scheme, 'receive');

        await popup.goto(`${wb.popupUrl}#/activity`);
        await popup.getByTestId('nonce-problem').waitFor({ timeout: 15_000 });
        await popup.getByTestId('activity-incoming').first().waitFor({ timeout: 15_000 });
        await shoot(popup, lang, scheme, 'activity');

        await popup.goto(`${wb.popupUrl}#/tokens`);
        await popup.getByTestId('token-row').first().waitFor();
        await shoot(popup, lang, scheme, 'add-token');

        await popup.goto(`${wb.popupUrl}#/settings`);
        await popup.getByTestId('price-settings').waitFor();
        await shoot(popup, lang, scheme, 'settings');

        await popup.goto(`${wb.popupUrl}#/network-activity`);
        await popup.getByTestId('endpoint-prices').waitFor();
        await shoot(popup, lang, scheme, 'network-activity');

        // An approval: a dApp asks to send 0.01 ETH (connect first, once).
        if (!connectedOnce) {
          connectedOnce = true;
          const connected = rpc(dapp, 'eth_requestAccounts');
          const c = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="connect"]');
          await c.emulateMedia({ colorScheme: scheme });
          await c.setViewportSize({ width: 360, height: 600 });
          await shoot(c, lang, scheme, 'approval-connect');
          await untilArmed(c);
          await c.getByTestId('approve-button').click().catch(() => undefined);
          await connected;
        }
        const pending = rpc(dapp, 'eth_sendTransaction', [{ from: ME.toLowerCase(), to: ACCOUNT1, value: '0x2386f26fc10000' }]);
        const win = await approvalWindow(wb.context, '[data-testid="approval-kind"][data-kind="transaction"]');
        if ((await win.evaluate(() => document.documentElement.lang)) !== (lang === 'zh_CN' ? 'zh-CN' : 'en')) {
          await win.reload();
          await win.locator('[data-testid="approval-kind"][data-kind="transaction"]').waitFor();
        }
        await win.emulateMedia({ colorScheme: scheme });
        await win.setViewportSize({ width: 360, height: 600 });
        await shoot(win, lang, scheme, 'approval-transaction');
        await untilArmed(win);
        await win.getByTestId('reject-button').click().catch(() => undefined);
        expect((await pending).error?.code).toBe(4001);

        // Risk warnings in the user's language: an unlimited approve(ACCOUNT1) of the token.
        const word = (hex: string) => hex.slice(2).toLowerCase().padStart(64, '0');
        const risky = rpc(dapp, 'eth_sendTransaction', [{ from: ME.toLowerCase(), to: token, data: `0x095ea7b3${word(ACCOUNT1)}${'f'.repeat(64)}` }]);
        const warned = await approvalWindow(wb.context, '[data-testid="approval-warning"][data-kind="unlimited_approval"]');
        if ((await warned.evaluate(() => document.documentElement.lang)) !== (lang === 'zh_CN' ? 'zh-CN' : 'en')) {
          await warned.reload();
          await warned.getByTestId('approval-warning').first().waitFor();
        }
        const text = (await warned.getByTestId('approval-warning').first().textContent()) ?? '';
        expect(text).toContain(ACCOUNT1);
        expect(text).toMatch(lang === 'zh_CN' ? /无限数量/ : /an unlimited amount/);
        await warned.emulateMedia({ colorScheme: scheme });
        await warned.setViewportSize({ width: 360, height: 600 });
        await shoot(warned, lang, scheme, 'approval-warnings');
        await untilArmed(warned);
        await warned.getByTestId('reject-button').click().catch(() => undefined);
        expect((await risky).error?.code).toBe(4001);
      });
    }
  }
});
