import { createRequire } from 'node:module';
import * as btc from '@scure/btc-signer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegtestEsplora } from '../fixtures/regtest';
import { btcAddress, REGTEST } from '../fixtures/regtest/phrase-addresses';
import { audit as auditWith, LANGS, setLanguage, type Lang } from './helpers/a11y-audit';
import { answer, approvalWindow } from './helpers/approval';
import { AxeSummary } from './helpers/axe';
import { ABANDON, addresses, launchWithWallet } from './helpers/flows';
import { servePages, type Service } from './helpers/local-services';
import { startRegtest } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';

/**
 * axe-core on the Bitcoin screens and approvals (en + zh_CN, light + dark) with a funded
 * account on the regtest Esplora TEST FIXTURE, and the busiest ones at 200 % text in 360×600.
 */
const summary = new AxeSummary();
const audit = async (page: Page, screen: string, lang: Lang) => {
  await auditWith(summary, page, screen, lang);
  // A picture of each screen (light, as audited last) to look at: test-results/ is not committed.
  await page.screenshot({ path: `test-results/screens/btc-${screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${lang}.png`, fullPage: true });
};
const OTHER = btcAddress(ABANDON, 'p2wpkh', 'regtest', 4);

type Uni = { result?: unknown; error?: { code: number | null; message: string } };

describe('axe-core on the Bitcoin screens and approvals', () => {
  let wb: WalletBrowser;
  let esplora: RegtestEsplora;
  let pages: Service;
  let popup: Page;
  let dapp: Page;
  let me: { p2wpkh: string; p2tr: string };

  const uniCall = (fn: string, ...args: unknown[]) =>
    dapp.evaluate(([f, a]) => (window as unknown as { unisatDapp: Record<string, (...x: unknown[]) => Promise<unknown>> }).unisatDapp[f]!(...a), [fn, args] as const) as Promise<Uni>;

  beforeAll(async () => {
    esplora = await startRegtest();
    pages = await servePages();
    ({ wb, popup } = await launchWithWallet(ABANDON));
    me = await addresses(popup);
    esplora.fund(me.p2wpkh, 800_000n, { mine: true });
    esplora.fund(me.p2tr, 50_000n, { mine: true });
    dapp = await wb.context.newPage();
    await dapp.goto(`${pages.url}btc-dapp/unisat.html`);
    await dapp.waitForFunction(() => document.body.dataset['ready'] === 'true');
  }, 120_000);

  afterAll(async () => {
    console.log(`\naxe-core ${(createRequire(import.meta.url)('axe-core/package.json') as { version: string }).version} — Bitcoin screens, violations by impact:\n${summary.table()}\n`);
    await wb?.close();
    await pages?.stop();
    await esplora?.stop();
  });

  it('home with a Bitcoin balance, receive (BIP21), send and its review, coins, activity with a pending send and its speed-up review, networks', { timeout: 240_000 }, async () => {
    for (const lang of LANGS) {
      await popup.goto(wb.popupUrl);
      await setLanguage(popup, lang);
      await expect.poll(() => popup.getByTestId('balance-btc').getAttribute('data-value'), { timeout: 15_000 }).not.toBe('');
      await audit(popup, 'home (Bitcoin balance)', lang);

      await popup.goto(`${wb.popupUrl}#/receive`);
      await popup.getByTestId('receive-chain-btc').click();
      await popup.getByTestId('receive-amount-input').fill('0.01');
      await popup.getByTestId('receive-qr').waitFor();
      await audit(popup, 'receive: Bitcoin', lang);

      await popup.goto(`${wb.popupUrl}#/send`);
      await popup.getByTestId('send-asset-select').selectOption('btc');
      await popup.getByTestId('send-speed-custom').check();
      await audit(popup, 'send: Bitcoin form', lang);
      await popup.getByTestId('send-speed-normal').check();
      await popup.getByTestId('send-to-input').fill(OTHER);
      await popup.getByTestId('send-amount-input').fill('0.001');
      await popup.getByTestId('send-review-button').click();
      await popup.getByTestId('send-review-screen').waitFor();
      await audit(popup, 'send: Bitcoin review', lang);
      await popup.getByTestId('send-confirm-button').click();
      await popup.getByTestId('activity-screen').waitFor();
      const row = popup.locator('[data-testid="activity-item"][data-chain="btc"][data-status="pending"]').first();
      await row.waitFor({ timeout: 15_000 });
      await audit(popup, 'activity (Bitcoin pending send)', lang);
      await row.getByTestId('speed-up-button').click();
      await popup.locator('[data-testid="send-review-screen"][data-kind="speed_up"]').waitFor();
      await audit(popup, 'speed up: review', lang);

      await popup.goto(`${wb.popupUrl}#/btc-coins`);
      await popup.getByTestId('btc-coin').first().waitFor();
      await audit(popup, 'coins (freeze)', lang);

      await popup.goto(`${wb.popupUrl}#/networks`);
      await popup.getByTestId('btc-network-row').first().waitFor();
      await popup.getByTestId('btc-network-edit').first().click();
      await audit(popup, 'networks: Bitcoin Esplora servers', lang);
      esplora.mine(1);
    }
  });

  it('approvals: Bitcoin connect, message, PSBT with risk warnings, payment', { timeout: 180_000 }, async () => {
    for (const lang of LANGS) {
      await popup.goto(`${wb.popupUrl}#/settings`);
      await setLanguage(popup, lang);
      await popup.goto(`${wb.popupUrl}#/sites`);
      // The screen loads on demand and then asks for the list: count only once it has it.
      await popup.locator('[data-testid="connected-sites-screen"][aria-busy="false"]').waitFor();
      const site = popup.locator('[data-testid="connected-site"]');
      if (await site.count()) {
        await site.first().getByTestId('disconnect-site-button').click();
        await site.first().waitFor({ state: 'detached' });
      }

      const connecting = uniCall('requestAccounts');
      await audit(await approvalWindow(wb.context, '[data-kind="connect"]'), 'approval: Bitcoin connect', lang);
      await answer(wb.context, 'connect', true);
      expect((await connecting).result).toEqual([me.p2wpkh, me.p2tr]);

      const msg = uniCall('signMessage', 'Sign in to the test dApp\nnonce: 42');
      await audit(await approvalWindow(wb.context, '[data-kind="btc_sign_message"]'), 'approval: btc_sign_message', lang);
      await answer(wb.context, 'btc_sign_message', false);
      expect((await msg).error?.code).toBe(4001);

      const coin = { txid: esplora.fund(me.p2wpkh, 90_000n, { mine: true }), vout: 0, value: 90_000n };
      const tx = new btc.Transaction();
      tx.addInput({ txid: coin.txid, index: 0, witnessUtxo: { script: btc.OutScript.encode(btc.Address(REGTEST).decode(me.p2wpkh)), amount: coin.value }, sighashType: btc.SigHash.SINGLE_ANYONECANPAY });
      tx.addOutputAddress(OTHER, 40_000n, REGTEST);
      const psbt = uniCall('signPsbt', Buffer.from(tx.toPSBT()).toString('hex'), { toSignInputs: [{ index: 0, sighashTypes: [btc.SigHash.SINGLE_ANYONECANPAY] }] });
      const pw = await approvalWindow(wb.context, '[data-kind="btc_sign_psbt"]');
      await pw.getByTestId('approval-warning').first().waitFor();
      await audit(pw, 'approval: btc_sign_psbt (with warnings)', lang);
      await answer(wb.context, 'btc_sign_psbt', false);
      expect((await psbt).error?.code).toBe(4001);

      const pay = uniCall('sendBitcoin', OTHER, 25_000);
      await audit(await approvalWindow(wb.context, '[data-kind="btc_send"]'), 'approval: btc_send', lang);
      await answer(wb.context, 'btc_send', false);
      expect((await pay).error?.code).toBe(4001);
    }
  });

  it('text at 200 % in 360×600: the PSBT approval and the send review keep every control reachable, no sideways scroll', { timeout: 60_000 }, async () => {
    const coin = { txid: esplora.fund(me.p2wpkh, 70_000n, { mine: true }), value: 70_000n };
    const tx = new btc.Transaction();
    tx.addInput({ txid: coin.txid, index: 0, witnessUtxo: { script: btc.OutScript.encode(btc.Address(REGTEST).decode(me.p2wpkh)), amount: coin.value } });
    tx.addOutputAddress(OTHER, 20_000n, REGTEST);
    tx.addOutputAddress(me.p2tr, 49_000n, REGTEST);
    const psbt = uniCall('signPsbt', Buffer.from(tx.toPSBT()).toString('hex'));
    const win = await approvalWindow(wb.context, '[data-kind="btc_sign_psbt"]');
    await win.setViewportSize({ width: 360, height: 600 });
    await win.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const o = await win.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
    expect(o.scrollWidth, JSON.stringify(o)).toBeLessThanOrEqual(o.clientWidth + 1);
    for (const id of ['approval-origin', 'btc-tx-summary', 'reject-button', 'approve-button']) {
      const el = win.getByTestId(id).first();
      await el.scrollIntoViewIfNeeded();
      const box = await el.boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.x + box!.width, `${id} right edge`).toBeLessThanOrEqual(o.clientWidth + 1);
    }
    await win.evaluate(() => (document.documentElement.style.fontSize = ''));
    await answer(wb.context, 'btc_sign_psbt', false);
    expect((await psbt).error?.code).toBe(4001);
  });
});
