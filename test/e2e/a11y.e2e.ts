import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, approvalWindow, untilArmed } from './helpers/approval';
import { audit as auditWith, LANGS, setLanguage, type Lang } from './helpers/a11y-audit';
import { internal } from './helpers/adversarial';
import { expectErrorAnnounced, expectSeedReadAloud } from './helpers/aria';
import { AxeSummary, runAxe } from './helpers/axe';
import { ABANDON, ABANDON_ADDRESSES, expectScreen, importWallet, PASSWORD, unlock, launchWithWallet } from './helpers/flows';
import { startHangingRpc } from './helpers/hanging-rpc';
import { servePages, type Service } from './helpers/local-services';
import { rpc } from './helpers/rpc';
import { deployTestToken } from './helpers/erc20';
import { startChainAndPages } from './helpers/servers';
import { startPriceFeed, type PriceFeed } from '../fixtures/price-feed/server';
import { WalletBrowser } from './helpers/wallet-browser';
import { MAIL } from '../../src/core/ethereum/test-vectors';

/**
 * axe-core on every main screen and approval kind, in English and 简体中文, in the light and
 * the dark colour scheme. A serious or critical violation fails; every count is summarised
 * at the end (the table goes into the issue note).
 */
const ACCOUNT = ABANDON_ADDRESSES.eth.toLowerCase();
const OTHER = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'; // anvil account 1

// The EIP-712 spec's Mail example, on the local chain.
const TYPED_DATA = { ...MAIL, domain: { ...MAIL.domain, chainId: 31337 } };

const summary = new AxeSummary();

const audit = (page: Page, screen: string, lang: Lang) => auditWith(summary, page, screen, lang);

describe('axe-core: no serious or critical WCAG 2.2 AA violation (en + zh_CN, light + dark)', () => {
  let wb: WalletBrowser;
  let pages: { url: string; stop(): void | Promise<void> };
  let chain: { url: string; stop(): void | Promise<void> };
  /** a second anvil (chain 31338) for wallet_addEthereumChain */
  let second: { url: string; stop(): void | Promise<void> };
  /** a TestToken held by the account (test/fixtures/contracts) */
  let token: string;
  let feed: PriceFeed;
  let popup: Page;
  let dapp: Page;

  beforeAll(async () => {
    const started = await startChainAndPages();
    chain = started.anvil;
    pages = started.pages;
    second = await started.startAnvil({ port: 8546, chainId: 31338 });
    token = await deployTestToken(chain.url, { name: 'Test Token', symbol: 'TST', decimals: 18, supply: 5n * 10n ** 18n, holder: ABANDON_ADDRESSES.eth });
    feed = await startPriceFeed();
    wb = await WalletBrowser.launch();
    popup = await wb.openPopup();
  }, 60_000);

  afterAll(async () => {
    console.log(`\naxe-core ${AXE_VERSION()} — violations by impact per screen (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa):\n${summary.table()}\n`);
    await wb?.close();
    await pages?.stop();
    await chain?.stop();
    await second?.stop();
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
      await expectSeedReadAloud(popup, words);

      await popup.getByTestId('seed-continue').click();
      await popup.getByTestId('seed-quiz-screen').waitFor();
      await audit(popup, 'create: quiz', lang);
      await popup.getByTestId('seed-quiz-submit').click();
      await popup.getByTestId('form-error').waitFor({ state: 'visible' });
      await audit(popup, 'create: quiz, wrong answer shown', lang);
      await expectErrorAnnounced(popup);
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
      await expectErrorAnnounced(popup);
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
      await popup.getByTestId('send-to-input').fill(OTHER);
      await popup.getByTestId('send-amount-input').fill('0.001');
      await popup.getByTestId('send-review-button').click();
      await popup.getByTestId('send-review-screen').waitFor();
      await audit(popup, 'send: review', lang);

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
      await expectErrorAnnounced(popup);
      await popup.getByTestId('add-token-address').fill(token);
      await popup.getByTestId('add-token-lookup').click();
      await popup.getByTestId('add-token-preview').waitFor();
      await audit(popup, 'add token: preview', lang);

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
      await expectSeedReadAloud(popup, ABANDON.split(' '));

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
      await popup.goto(wb.popupUrl);
      await popup.locator('[data-testid="total-fiat"][data-value]:not([data-value=""])').waitFor({ timeout: 15_000 });
      await audit(popup, 'home: total in a currency', lang);
      await prices(false);

      await popup.goto(wb.popupUrl);
      await popup.getByTestId('lock-button').click();
      await expectScreen(popup, 'unlock-screen');
      await audit(popup, 'unlock', lang);
      await unlock(popup, 'not the password');
      await popup.getByTestId('form-error').waitFor({ state: 'visible' });
      await audit(popup, 'unlock: wrong password shown', lang);
      await expectErrorAnnounced(popup);
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
    await untilArmed(win);
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

  it('approvals: connect, personal_sign (+ Escape confirm), typed_data, switch_chain 0x1 and 0x7a69, add_chain, watch_asset', { timeout: 120_000 }, async () => {
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

      // The wallet asks the new chain's RPC for its chain id before it asks the user (here: the second anvil).
      const ac = await request('add_chain', 'wallet_addEthereumChain', [{ chainId: '0x7a6a', chainName: 'Second anvil', rpcUrls: [second.url], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } }], lang);
      await respond(ac.win, false);
      expect((await ac.pending).error?.code).toBe(4001);

      // The wallet checks a watched token against its contract on the local chain.
      const wa = await request('watch_asset', 'wallet_watchAsset', { type: 'ERC20', options: { address: token, symbol: 'TST', decimals: 18 } }, lang);
      await respond(wa.win, false);
      expect((await wa.pending).error?.code).toBe(4001);
    }
  });

  it('approval: transaction', async () => {
    for (const lang of LANGS) {
      await popup.goto(`${wb.popupUrl}#/settings`);
      await setLanguage(popup, lang);
      const tx = await request('transaction', 'eth_sendTransaction', [{ from: ACCOUNT, to: OTHER, value: '0x2386f26fc10000' }], lang);
      await respond(tx.win, false);
      expect((await tx.pending).error?.code).toBe(4001);
    }
  });

  it('an RPC that hangs: send review, add token and add network show progress, can be stopped, and can be left', { timeout: 120_000 }, async () => {
    // Answers eth_chainId as 31337 (so it is accepted as that chain's RPC), then nothing; the other answers nothing at all.
    const hung = await startHangingRpc('0x7a69');
    const silent = await startHangingRpc(null);
    const pointLocalhostAt = async (url: string) => expect(await internal(popup, 'networks_update', { chainId: 31337, rpcUrl: url })).toMatchObject({ ok: true });
    const waiting = () => popup.locator('[data-testid="waiting"][data-waiting="true"]').waitFor();
    const stopWaiting = async () => {
      await popup.getByTestId('waiting-stop').click();
      await popup.locator('[data-testid="waiting"][data-waiting="false"]').waitFor({ state: 'attached' }); // empty, so not "visible"
      expect(await popup.getByTestId('waiting-stop').count()).toBe(0);
    };
    const back = () => popup.locator('main > header button').first().click();
    try {
      for (const lang of LANGS) {
        await popup.goto(`${wb.popupUrl}#/settings`);
        await setLanguage(popup, lang);
        await pointLocalhostAt(hung.url);

        await popup.goto(`${wb.popupUrl}#/send`);
        await popup.getByTestId('send-to-input').fill(OTHER);
        await popup.getByTestId('send-amount-input').fill('0.001');
        await popup.getByTestId('send-review-button').click();
        await waiting();
        await expect.poll(() => hung.held()).toBeGreaterThan(0); // really waiting on the node
        expect(await popup.getByTestId('send-review-button').isDisabled()).toBe(true);
        await audit(popup, 'send: waiting on a hanging RPC', lang);
        await stopWaiting();
        expect(await popup.getByTestId('send-review-button').isEnabled()).toBe(true);
        expect(await popup.getByTestId('send-review-screen').count()).toBe(0);
        await popup.getByTestId('send-review-button').click();
        await waiting();
        await back();
        await expectScreen(popup, 'home-screen');

        await popup.goto(`${wb.popupUrl}#/tokens`);
        await popup.getByTestId('add-token-address').fill(token);
        await popup.getByTestId('add-token-lookup').click();
        await waiting();
        await audit(popup, 'add token: waiting on a hanging RPC', lang);
        await stopWaiting();
        expect(await popup.getByTestId('add-token-lookup').isEnabled()).toBe(true);
        expect(await popup.getByTestId('add-token-preview').count()).toBe(0);

        await popup.goto(`${wb.popupUrl}#/networks`);
        await popup.getByTestId('add-network-name').fill('Silent');
        await popup.getByTestId('add-network-chainId').fill('4242');
        await popup.getByTestId('add-network-rpcUrl').fill(silent.url);
        await popup.getByTestId('add-network-submit').click();
        await waiting();
        await expect.poll(() => silent.held()).toBeGreaterThan(0);
        await audit(popup, 'add network: waiting on a silent RPC', lang);
        await stopWaiting();
        expect(await popup.getByTestId('add-network-submit').isEnabled()).toBe(true);
        await popup.getByTestId('add-network-submit').click();
        await waiting();
        await back();
        await popup.getByTestId('settings-screen').waitFor();
      }
    } finally {
      await pointLocalhostAt(chain.url);
      await hung.stop();
      await silent.stop();
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
    const { wb: launched, popup } = await launchWithWallet(ABANDON);
    wb = launched;
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
