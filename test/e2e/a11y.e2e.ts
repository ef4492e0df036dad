import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, approvalWindow } from './helpers/approval';
import { audit as auditWith, LANGS, setLanguage, type Lang } from './helpers/a11y-audit';
import { AxeSummary, runAxe } from './helpers/axe';
import { ABANDON, ABANDON_ADDRESSES, expectScreen, importWallet, PASSWORD, unlock } from './helpers/flows';
import { localChainIfAvailable, servePages, type Service } from './helpers/local-services';
import { rpc } from './helpers/rpc';
import { deployTestToken } from './helpers/erc20';
import { startPriceFeed, type PriceFeed } from '../fixtures/price-feed/server';
import { WalletBrowser } from './helpers/wallet-browser';
import { MAIL } from '../../src/core/ethereum/test-vectors';

/**
 * axe-core on every main screen and approval kind, in English and 简体中文, in the light and
 * the dark colour scheme. A serious or critical violation fails; every count is summarised
 * at the end (the table goes into the issue note).
 */
const ACCOUNT = ABANDON_ADDRESSES.eth.toLowerCase();

// The EIP-712 spec's Mail example, on the local chain.
const TYPED_DATA = { ...MAIL, domain: { ...MAIL.domain, chainId: 31337 } };

const summary = new AxeSummary();

const audit = (page: Page, screen: string, lang: Lang) => auditWith(summary, page, screen, lang);

describe('axe-core: no serious or critical WCAG 2.2 AA violation (en + zh_CN, light + dark)', () => {
  let wb: WalletBrowser;
  let pages: Service;
  let chain: (Service & { ours: boolean }) | null;
  /** a TestToken held by the account (test/fixtures/contracts), when a local chain is up */
  let token: string | null = null;
  let feed: PriceFeed;
  let popup: Page;
  let dapp: Page;

  beforeAll(async () => {
    pages = await servePages();
    chain = await localChainIfAvailable();
    token = chain ? await deployTestToken(chain.url, { name: 'Test Token', symbol: 'TST', decimals: 18, supply: 5n * 10n ** 18n, holder: ABANDON_ADDRESSES.eth }) : null;
    feed = await startPriceFeed();
    wb = await WalletBrowser.launch();
    popup = await wb.openPopup();
  }, 60_000);

  afterAll(async () => {
    console.log(`\naxe-core ${AXE_VERSION()} — violations by impact per screen (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa):\n${summary.table()}\n`);
    await wb?.close();
    await pages?.stop();
    await chain?.stop();
    await feed?.stop();
  });

  it('onboarding, create (seed words), quiz, create-password, import', { timeout: 120_000 }, async () => {
    for (const lang of LANGS) {
      await popup.goto(wb.popupUrl);
      await setLanguage(popup, lang);
      await expectScreen(popup, 'onboarding-screen');
      await audit(popup, 'onboarding', lang);
      if (lang === 'en') {
        // The harness itself: a low-contrast canary must be caught, or a clean result means nothing.
        await popup.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p id="canary" style="color:#999;background:#fff">canary</p>'));
        expect((await runAxe(popup)).map((v) => v.id)).toContain('color-contrast');
        await popup.evaluate(() => document.getElementById('canary')!.remove());
      }

      await popup.getByTestId('onboarding-create').click();
      await popup.getByTestId('seed-word-12').waitFor();
      await audit(popup, 'create: seed words', lang);
      const words = await popup.locator('[data-testid^="seed-word-"]').allTextContents();

      await popup.getByTestId('seed-continue').click();
      await popup.getByTestId('seed-quiz-screen').waitFor();
      await audit(popup, 'create: quiz', lang);
      await popup.getByTestId('seed-quiz-submit').click();
      await popup.getByTestId('form-error').waitFor({ state: 'visible' });
      await audit(popup, 'create: quiz, wrong answer shown', lang);
      for (const input of await popup.locator('[data-testid^="seed-quiz-input-"]').all()) {
        const n = Number((await input.getAttribute('data-testid'))!.replace('seed-quiz-input-', ''));
        await input.fill(words[n - 1]!);
      }
      await popup.getByTestId('seed-quiz-submit').click();
      await popup.getByTestId('create-password-screen').waitFor();
      await popup.getByTestId('password-input').fill('short');
      await audit(popup, 'create: password', lang);

      await popup.goto(`${wb.popupUrl}#/import`);
      await popup.getByTestId('import-screen').waitFor();
      await popup.getByTestId('import-advanced-toggle').click();
      await audit(popup, 'import', lang);
      await popup.getByTestId('import-mnemonic-input').fill('abandon abandon zebra');
      await popup.getByTestId('password-input').fill(PASSWORD);
      await popup.getByTestId('password-confirm-input').fill(PASSWORD);
      await popup.getByTestId('import-submit').click();
      await popup.getByTestId('form-error').waitFor({ state: 'visible' });
      await audit(popup, 'import: error shown', lang);
    }
  });

  it('home, menus, receive, send, activity, settings, network activity, reveal seed, unlock', { timeout: 180_000 }, async () => {
    await popup.goto(wb.popupUrl);
    await importWallet(popup, ABANDON);
    await expectScreen(popup, 'home-screen');
    for (const lang of LANGS) {
      await popup.goto(wb.popupUrl);
      await setLanguage(popup, lang);
      await expectScreen(popup, 'home-screen');
      await popup.getByTestId('balance-eth').waitFor();
      await audit(popup, 'home', lang);
      await popup.getByTestId('account-picker').click();
      await popup.getByTestId('account-option-0').waitFor();
      await audit(popup, 'home: account menu open', lang);
      await popup.getByTestId('account-picker').click();
      await popup.getByTestId('network-picker').click();
      await popup.getByTestId('network-option-eth-31337').waitFor();
      await audit(popup, 'home: network menu open', lang);
      await popup.getByTestId('network-picker').click();

      await popup.getByTestId('receive-button').click();
      await popup.getByTestId('receive-qr').waitFor();
      await audit(popup, 'receive', lang);

      await popup.goto(`${wb.popupUrl}#/send`);
      await popup.getByTestId('send-screen').waitFor();
      await audit(popup, 'send', lang);
      if (chain) {
        await popup.getByTestId('send-to-input').fill('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
        await popup.getByTestId('send-amount-input').fill('0.001');
        await popup.getByTestId('send-review-button').click();
        await popup.getByTestId('send-review-screen').waitFor();
        await audit(popup, 'send: review', lang);
      }

      await popup.goto(`${wb.popupUrl}#/activity`);
      await popup.getByTestId('activity-screen').waitFor();
      await audit(popup, 'activity', lang);

      await popup.goto(`${wb.popupUrl}#/tokens`);
      await popup.getByTestId('add-token-screen').waitFor();
      await audit(popup, 'add token', lang);
      await popup.getByTestId('add-token-address').fill('0x1234');
      await popup.getByTestId('add-token-lookup').click();
      await popup.locator('[data-testid="form-error"]:visible').waitFor();
      await audit(popup, 'add token: error shown', lang);
      if (token) {
        await popup.getByTestId('add-token-address').fill(token);
        await popup.getByTestId('add-token-lookup').click();
        await popup.getByTestId('add-token-preview').waitFor();
        await audit(popup, 'add token: preview', lang);
      }

      await popup.goto(`${wb.popupUrl}#/settings`);
      await popup.getByTestId('language-select').waitFor();
      await audit(popup, 'settings', lang);
      await popup.getByTestId('reveal-seed-button').click();
      await popup.getByTestId('reveal-seed-submit').click();
      await popup.locator('[data-testid="form-error"]:visible').waitFor();
      await audit(popup, 'reveal seed: password (error shown)', lang);
      await popup.getByTestId('reveal-seed-password-input').fill(PASSWORD);
      await popup.getByTestId('reveal-seed-submit').click();
      await popup.getByTestId('revealed-seed').waitFor();
      await audit(popup, 'reveal seed: phrase shown', lang);

      await popup.getByTestId('network-activity-button').click();
      await popup.getByTestId('network-activity-screen').waitFor();
      await popup.getByTestId('endpoint-eth').first().waitFor();
      await audit(popup, 'network activity', lang);
      await popup.getByTestId('endpoint-edit-button').first().click();
      await popup.getByTestId('networks-screen').waitFor();
      await popup.getByTestId('network-row').first().waitFor();
      await audit(popup, 'networks (edit endpoints)', lang);

      // The optional price source on (the price-feed fixture): its Network activity entry and the home total.
      const prices = (enabled: boolean) =>
        popup.evaluate(
          async (p) => {
            const reply = await chrome.runtime.sendMessage<unknown, { ok: boolean }>({ channel: 'duowallet:internal', method: 'settings_set', params: { prices: p } });
            if (!reply.ok) throw new Error('settings_set failed');
          },
          { enabled, url: feed.url, currency: lang === 'zh_CN' ? 'cny' : 'usd' },
        );
      await prices(true);
      await popup.goto(`${wb.popupUrl}#/network-activity`);
      await popup.getByTestId('endpoint-prices').waitFor();
      await audit(popup, 'network activity: price source on', lang);
      if (chain) {
        await popup.goto(wb.popupUrl);
        await popup.locator('[data-testid="total-fiat"][data-value]:not([data-value=""])').waitFor({ timeout: 15_000 });
        await audit(popup, 'home: total in a currency', lang);
      }
      await prices(false);

      await popup.goto(wb.popupUrl);
      await popup.getByTestId('lock-button').click();
      await expectScreen(popup, 'unlock-screen');
      await audit(popup, 'unlock', lang);
      await unlock(popup, 'not the password');
      await popup.getByTestId('form-error').waitFor({ state: 'visible' });
      await audit(popup, 'unlock: wrong password shown', lang);
      await unlock(popup);
      await expectScreen(popup, 'home-screen');
    }
  });

  /** Sends the request from the dApp page, waits for its approval window, audits it; returns the window and the pending answer. */
  async function request(kind: string, method: string, params: unknown, lang: Lang, screen = `approval: ${kind}`) {
    const pending = rpc(dapp, method, params);
    const selector = `[data-testid="approval-kind"][data-kind="${kind}"]`;
    const win = await approvalWindow(wb.context, selector);
    if ((await win.evaluate(() => document.documentElement.lang)) !== (lang === 'zh_CN' ? 'zh-CN' : 'en')) {
      await win.reload(); // a window left open from before the language changed
      await win.locator(selector).waitFor({ timeout: 15_000 });
    }
    await audit(win, screen, lang);
    return { win, pending };
  }

  /** Answers by click after the 500 ms guard; returns once the request has left the window (or it closed). */
  async function respond(win: Page, approve: boolean) {
    const id = await win.getByTestId('approval-screen').getAttribute('data-approval-id');
    await win.waitForTimeout(600);
    // The window closes once its last request is answered, possibly during the click: that is success.
    await win
      .getByTestId(approve ? 'approve-button' : 'reject-button')
      .click()
      .catch((err: unknown) => {
        if (!win.isClosed()) throw err;
      });
    await Promise.race([
      win.waitForEvent('close'),
      win.waitForFunction((i) => !document.querySelector(`[data-approval-id="${i}"]`), id, { timeout: 15_000 }),
    ]).catch(() => undefined);
  }

  it('approvals: connect, personal_sign (+ Escape confirm), typed_data, switch_chain 0x1 and 0x7a69, watch_asset', { timeout: 120_000 }, async () => {
    dapp = await wb.context.newPage();
    await dapp.goto(`${pages.url}dapp/index.html`);
    for (const lang of LANGS) {
      await popup.goto(`${wb.popupUrl}#/settings`);
      await setLanguage(popup, lang);

      await rpc(dapp, 'wallet_revokePermissions', [{ eth_accounts: {} }]);
      const c = await request('connect', 'eth_requestAccounts', undefined, lang);
      await respond(c.win, true);
      expect(await c.pending).toEqual({ result: [ACCOUNT] });

      const s = await request('personal_sign', 'personal_sign', ['0x' + Buffer.from('Sign in to the test dApp\nnonce: 42\n' + 'A long line that needs wrapping. '.repeat(20)).toString('hex'), ACCOUNT], lang);
      await s.win.keyboard.press('Escape');
      await s.win.getByTestId('reject-confirm').waitFor();
      await audit(s.win, 'approval: reject confirm (Escape)', lang);
      await s.win.getByTestId('reject-confirm-cancel').click();
      await respond(s.win, false);
      expect((await s.pending).error?.code).toBe(4001);

      const td = await request('typed_data', 'eth_signTypedData_v4', [ACCOUNT, JSON.stringify(TYPED_DATA)], lang);
      await respond(td.win, false);
      expect((await td.pending).error?.code).toBe(4001);

      const sw = await request('switch_chain', 'wallet_switchEthereumChain', [{ chainId: '0x1' }], lang, 'approval: switch_chain to 0x1');
      await respond(sw.win, true);
      expect(await sw.pending).toEqual({ result: null });
      const back = await request('switch_chain', 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }], lang, 'approval: switch_chain to 0x7a69');
      await respond(back.win, true);
      expect(await back.pending).toEqual({ result: null });

      // The wallet checks a watched token against its contract: only with a local chain to ask.
      if (token) {
        const wa = await request('watch_asset', 'wallet_watchAsset', { type: 'ERC20', options: { address: token, symbol: 'TST', decimals: 18 } }, lang);
        await respond(wa.win, false);
        expect((await wa.pending).error?.code).toBe(4001);
      }
    }
  });

  it('approval: transaction (needs anvil on 127.0.0.1:8545; skipped when none is up and the port is taken by something else)', async (ctx) => {
    if (!chain) ctx.skip();
    for (const lang of LANGS) {
      await popup.goto(`${wb.popupUrl}#/settings`);
      await setLanguage(popup, lang);
      const tx = await request('transaction', 'eth_sendTransaction', [{ from: ACCOUNT, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '0x2386f26fc10000' }], lang);
      await respond(tx.win, false);
      expect((await tx.pending).error?.code).toBe(4001);
    }
  });

  it('connected sites (one site connected)', async () => {
    for (const lang of LANGS) {
      await popup.goto(`${wb.popupUrl}#/settings`);
      await setLanguage(popup, lang);
      await popup.goto(`${wb.popupUrl}#/sites`);
      await popup.getByTestId('connected-site').waitFor();
      await audit(popup, 'connected sites', lang);
    }
  });
});

/** Text at 200 % in the 360×600 popup: no horizontal scrolling that hides content, key controls reachable. */
describe('text scaled to 200 % at 360×600', () => {
  let wb: WalletBrowser;
  let pages: Service;
  let dapp: Page;

  beforeAll(async () => {
    pages = await servePages();
    wb = await WalletBrowser.launch();
    const popup = await wb.openPopup();
    await importWallet(popup, ABANDON);
    await expectScreen(popup, 'home-screen');
    await popup.close();
    dapp = await wb.context.newPage();
    await dapp.goto(`${pages.url}dapp/index.html`);
  }, 60_000);

  afterAll(async () => {
    await wb?.close();
    await pages?.stop();
  });

  const zoom = (page: Page) => page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const s = document.scrollingElement!;
      return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
    });

  /** Scrolled into view, the control lies inside the viewport horizontally and is the element hit at its centre. */
  async function reachable(page: Page, testid: string): Promise<void> {
    const el = page.getByTestId(testid).first();
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    expect(box, testid).not.toBeNull();
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(box!.x, `${testid} left edge`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${testid} right edge`).toBeLessThanOrEqual(width + 1);
    const hit = await page.evaluate(
      ([id, x, y]) => {
        const at = document.elementFromPoint(x, y);
        return !!at && !!at.closest(`[data-testid="${id}"]`);
      },
      [testid, box!.x + box!.width / 2, box!.y + box!.height / 2] as const,
    );
    expect(hit, `${testid} is not covered`).toBe(true);
  }

  for (const lang of LANGS) {
    it(`home (${lang})`, async () => {
      const page = await wb.openPopup();
      await setLanguage(page, lang);
      await expectScreen(page, 'home-screen');
      await zoom(page);
      await page.getByTestId('balance-eth').waitFor();
      const o = await overflow(page);
      expect(o.scrollWidth, JSON.stringify(o)).toBeLessThanOrEqual(o.clientWidth + 1);
      for (const id of ['account-picker', 'network-picker', 'connected-sites-button', 'settings-button', 'lock-button', 'send-button', 'receive-button', 'activity-button', 'account-address-eth', 'account-address-btc-p2tr']) {
        await reachable(page, id);
      }
      await page.getByTestId('network-picker').click();
      await page.getByTestId('network-option-eth-31337').waitFor();
      const menu = await overflow(page);
      expect(menu.scrollWidth, `network menu ${JSON.stringify(menu)}`).toBeLessThanOrEqual(menu.clientWidth + 1);
      await reachable(page, 'network-option-btc-regtest');
      await page.close();
    });

    it(`settings, network activity, networks, receive, send, activity, connected sites (${lang})`, async () => {
      const page = await wb.openPopup('#/settings');
      await setLanguage(page, lang);
      for (const [route, screen] of [
        ['#/settings', 'settings-screen'],
        ['#/network-activity', 'network-activity-screen'],
        ['#/networks', 'networks-screen'],
        ['#/receive', 'receive-screen'],
        ['#/send', 'send-screen'],
        ['#/activity', 'activity-screen'],
        ['#/sites', 'connected-sites-screen'],
      ] as const) {
        await page.goto(wb.popupUrl + route);
        await page.getByTestId(screen).waitFor();
        await zoom(page);
        await page.waitForTimeout(300); // lists arrive from the background
        const o = await overflow(page);
        expect(o.scrollWidth, `${route} ${JSON.stringify(o)}`).toBeLessThanOrEqual(o.clientWidth + 1);
      }
      await page.close();
    });

    it(`approval screens: connect and personal_sign (${lang})`, async () => {
      const page = await wb.openPopup('#/settings');
      await setLanguage(page, lang);
      await page.close();
      await rpc(dapp, 'wallet_revokePermissions', [{ eth_accounts: {} }]);
      for (const [kind, method, params] of [
        ['connect', 'eth_requestAccounts', undefined],
        ['personal_sign', 'personal_sign', ['0x' + Buffer.from('Sign in: ' + 'averyveryverylongunbrokenword'.repeat(8)).toString('hex'), ACCOUNT]],
      ] as const) {
        const pending = rpc(dapp, method, params);
        const win = await approvalWindow(wb.context, `[data-testid="approval-kind"][data-kind="${kind}"]`);
        await win.setViewportSize({ width: 360, height: 600 });
        await zoom(win);
        const o = await overflow(win);
        expect(o.scrollWidth, `${kind} ${JSON.stringify(o)}`).toBeLessThanOrEqual(o.clientWidth + 1);
        for (const id of ['approval-origin', 'reject-button', 'approve-button']) await reachable(win, id);
        await win.evaluate(() => (document.documentElement.style.fontSize = ''));
        await answer(wb.context, kind, true);
        expect((await pending).error, kind).toBeUndefined();
      }
    });
  }
});

function AXE_VERSION(): string {
  return (createRequire(import.meta.url)('axe-core/package.json') as { version: string }).version;
}
