import { recoverPersonalSignature } from '@metamask/eth-sig-util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from './helpers/approval';
import { btcAddress } from '../fixtures/regtest/phrase-addresses';
import { expectScreen, importWallet, unlock } from './helpers/flows';
import { CHROMIUM_OWN_ARGS, describeRecords, isChromiumOwn, startLoggingProxy, type ProxyRecord } from './helpers/logging-proxy';
import { rpc } from './helpers/rpc';
import { startChainAndPages, startRegtest } from './helpers/servers';
import { WalletBrowser } from './helpers/wallet-browser';
import type { RegtestEsplora } from '../fixtures/regtest';
import { startPriceFeed, type PriceFeed } from '../fixtures/price-feed/server';

/**
 * Every request Chromium makes goes through a recording proxy of ours (loopback included:
 * --proxy-bypass-list=<-loopback>). The only hosts allowed are our dApp page server, the
 * local anvil and the regtest Esplora fixture the wallet is configured with; the proxy
 * refuses anything else. Chromium's own
 * two unstoppable services are pointed at hosts we name (CHROMIUM_OWN_ARGS), so they are told
 * apart from the wallet by name and are refused too: nothing leaves the machine.
 */
const JUNK = 'test test test test test test test test test test test junk';
const ACCOUNT0 = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const ACCOUNT1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const IDLE_MS = 5_000;

describe('privacy: the browser contacts only the configured local endpoints', () => {
  let proxy: Awaited<ReturnType<typeof startLoggingProxy>>;
  let wb: WalletBrowser;
  let stopAll: () => Promise<void>;
  let pagesUrl: string;
  let allowed: Set<string>;
  let popup: Page;
  let esplora: RegtestEsplora;
  /** the price-feed TEST FIXTURE: the optional price source, off until the last tests turn it on */
  let feed: PriceFeed;

  /** What the wallet and the pages asked for: everything but Chromium's own services. */
  const ours = () => proxy.records.filter((r) => !isChromiumOwn(r));
  const since = (mark: number) => ours().slice(mark);
  const notAllowed = (rs: ProxyRecord[]) => rs.filter((r) => !r.forwarded || !allowed.has(`${r.host === 'localhost' ? '127.0.0.1' : r.host}:${r.port}`));
  const expectOnlyAllowed = (rs: ProxyRecord[], what: string) => expect(notAllowed(rs), `${what}:\n${describeRecords(rs)}`).toEqual([]);
  const expectNothing = (rs: ProxyRecord[], what: string) => expect(rs, `${what}:\n${describeRecords(rs)}`).toEqual([]);

  beforeAll(async () => {
    proxy = await startLoggingProxy();
    const { anvil, pages } = await startChainAndPages();
    esplora = await startRegtest();
    feed = await startPriceFeed();
    pagesUrl = pages.url;
    // The feed is allowed for when it is turned on; while off it must hear nothing (feed.requests).
    allowed = new Set([`127.0.0.1:${new URL(anvil.url).port}`, `127.0.0.1:${pages.port}`, `127.0.0.1:${esplora.port}`, `127.0.0.1:${feed.port}`]);
    stopAll = async () => {
      await feed.stop();
      await pages.stop();
      await anvil.stop();
      await esplora.stop();
      await proxy.close();
    };
    wb = await WalletBrowser.launch(undefined, { args: [...proxy.args, ...CHROMIUM_OWN_ARGS] });
  }, 60_000);

  afterAll(async () => {
    const all = proxy?.records ?? [];
    console.log(
      `\nrequests recorded by the proxy during privacy.e2e.ts (allowed: ${[...(allowed ?? [])].join(', ')}):\n` +
        `wallet and pages:\n${describeRecords(all.filter((r) => !isChromiumOwn(r)))}\n` +
        `Chromium's own services (redirected by CHROMIUM_OWN_ARGS, refused):\n${describeRecords(all.filter(isChromiumOwn))}\n`,
    );
    await wb?.close();
    await stopAll?.();
  });

  it('fetches nothing at all between install and the first user action', async () => {
    // The install opens onboarding in a tab by itself; then we open the popup and wait.
    await expect.poll(() => wb.context.pages().some((p) => p.url().includes('popup.html')), { timeout: 10_000 }).toBe(true);
    popup = await wb.openPopup();
    await expectScreen(popup, 'onboarding-screen');
    await popup.waitForTimeout(IDLE_MS);
    expectNothing(ours(), 'install → onboarding, idle');
  });

  it('onboarding (import) and home contact only the local anvil, and the proxy really sees them', async () => {
    const mark = ours().length;
    await importWallet(popup, JUNK);
    await expectScreen(popup, 'home-screen');
    await expect.poll(() => popup.getByTestId('balance-eth').textContent(), { timeout: 15_000 }).toContain('10000');
    const seen = since(mark);
    expectOnlyAllowed(seen, 'import + home');
    // The balance came through the proxy: the recording is not blind.
    expect(seen.some((r) => r.port === 8545 && r.forwarded)).toBe(true);
    // Bitcoin (regtest): the balance comes from the configured Esplora server only.
    await expect.poll(() => popup.getByTestId('balance-btc').getAttribute('data-value'), { timeout: 15_000 }).toBe('0');
    expect(since(mark).some((r) => r.port === esplora.port && r.forwarded)).toBe(true);
    expectOnlyAllowed(since(mark), 'import + home (with Bitcoin)');
  });

  it('fetches nothing while locked and idle (unlock screen open, then no wallet page open)', async () => {
    await popup.getByTestId('lock-button').click();
    await expectScreen(popup, 'unlock-screen');
    let mark = ours().length;
    await popup.waitForTimeout(IDLE_MS);
    expectNothing(since(mark), 'locked, unlock screen open');

    await popup.close();
    for (const p of wb.context.pages()) if (p.url().startsWith(wb.popupUrl)) await p.close();
    mark = ours().length;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    expectNothing(since(mark), 'locked, no wallet page open');

    popup = await wb.openPopup();
    await expectScreen(popup, 'unlock-screen');
    mark = ours().length;
    await unlock(popup);
    await expectScreen(popup, 'home-screen');
    await popup.getByTestId('network-picker').click();
    await popup.getByTestId('network-option-eth-31337').click();
    expectOnlyAllowed(since(mark), 'unlock');
  });

  it('a dApp page connects and gets a personal_sign signature: only our page server and anvil', async () => {
    const mark = ours().length;
    const dapp = await wb.context.newPage();
    await dapp.goto(`${pagesUrl}dapp/index.html`);
    const accounts = rpc(dapp, 'eth_requestAccounts');
    await answer(wb.context, 'connect', true);
    expect(await accounts).toEqual({ result: [ACCOUNT0] });
    const hex = '0x' + Buffer.from('privacy check', 'utf8').toString('hex');
    const sig = rpc(dapp, 'personal_sign', [hex, ACCOUNT0]);
    await answer(wb.context, 'personal_sign', true);
    const signature = (await sig).result as string;
    expect(recoverPersonalSignature({ data: hex, signature })).toBe(ACCOUNT0);
    expect((await rpc(dapp, 'eth_blockNumber')).result).toMatch(/^0x/); // a read call the wallet forwards to its RPC
    const seen = since(mark);
    expectOnlyAllowed(seen, 'dApp connect + sign');
    expect(seen.some((r) => r.port === Number(new URL(pagesUrl).port) && r.forwarded), 'the page itself came through the proxy').toBe(true);
    await dapp.close();
  });

  it('a send on anvil (chain 31337) contacts only anvil', async () => {
    const mark = ours().length;
    await popup.goto(popup.url().split('#')[0]!);
    await expectScreen(popup, 'home-screen');
    await popup.getByTestId('send-button').click();
    await popup.getByTestId('send-to-input').fill(ACCOUNT1);
    await popup.getByTestId('send-amount-input').fill('0.01');
    await popup.getByTestId('send-review-button').click();
    await popup.getByTestId('send-confirm-button').click();
    await popup.getByTestId('activity-item').first().waitFor();
    await expect.poll(() => popup.getByTestId('activity-item').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('confirmed');
    expectOnlyAllowed(since(mark), 'send');
  });

  it('a Bitcoin send on regtest contacts only the Esplora server', async () => {
    await popup.goto(wb.popupUrl);
    await expectScreen(popup, 'home-screen');
    const me = await popup.getByTestId('account-address-btc-p2wpkh').getAttribute('data-address');
    esplora.fund(me!, 100_000n, { mine: true });
    // As a user would: the coins show on the home screen before they are sent.
    await expect.poll(() => popup.getByTestId('balance-btc').getAttribute('data-value'), { timeout: 20_000 }).toBe('100000');
    const mark = ours().length;
    await popup.goto(`${wb.popupUrl}#/send`);
    await popup.getByTestId('send-asset-select').selectOption('btc');
    await popup.getByTestId('send-to-input').fill(btcAddress(JUNK, 'p2wpkh', 'regtest', 5));
    await popup.getByTestId('send-amount-input').fill('0.0001');
    await popup.getByTestId('send-review-button').click();
    await popup.getByTestId('send-confirm-button').click();
    await popup.getByTestId('activity-screen').waitFor();
    await expect.poll(() => esplora.state.mempool().filter((t) => t.origin === 'normal').length, { timeout: 15_000 }).toBe(1);
    expectOnlyAllowed(since(mark), 'bitcoin send');
  });

  it('unlocked but with no wallet page open: no polling in the background', async () => {
    for (const p of wb.context.pages()) if (p.url().startsWith(wb.popupUrl)) await p.close();
    // A refresh the closed window had already asked for may still finish (a Bitcoin scan is
    // several requests): wait until that tail is over, then nothing new may start.
    let last = -1;
    await expect.poll(() => (last === (last = ours().length) ? 'quiet' : 'busy'), { interval: 1500, timeout: 15_000 }).toBe('quiet');
    const mark = ours().length;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    expectNothing(since(mark), 'unlocked, nobody looking');
  });

  it('the price source: never asked while off; turned on, asked only while a wallet page is open', async () => {
    expect(feed.requests, 'the price feed was asked while the source was off').toEqual([]);
    popup = await wb.openPopup('#/settings');
    const form = popup.getByTestId('price-settings');
    await form.getByTestId('price-source-toggle').check();
    await form.getByTestId('price-source-url').fill(feed.url);
    const mark = ours().length;
    await form.getByTestId('price-source-save').click();
    await expect.poll(() => form.getByTestId('price-source-saved').textContent()).not.toBe('');
    await popup.goto(wb.popupUrl);
    await popup.locator('[data-testid="total-fiat"][data-value]:not([data-value=""])').waitFor({ timeout: 15_000 });
    expect(since(mark).some((r) => r.port === feed.port && r.forwarded), 'the price request came through the proxy').toBe(true);
    expectOnlyAllowed(since(mark), 'price source on');

    for (const p of wb.context.pages()) if (p.url().startsWith(wb.popupUrl)) await p.close();
    let last = -1;
    await expect.poll(() => (last === (last = ours().length) ? 'quiet' : 'busy'), { interval: 1500, timeout: 15_000 }).toBe('quiet');
    const heard = feed.requests.length;
    const idle = ours().length;
    await new Promise((r) => setTimeout(r, IDLE_MS));
    expectNothing(since(idle), 'price source on, nobody looking');
    expect(feed.requests.length).toBe(heard);
  });

  it('over the whole run: the wallet and pages used only the local endpoints; nothing at all left the machine', () => {
    expectOnlyAllowed(ours(), 'whole run');
    // Chromium's own services were refused by the proxy, like anything non-local would be.
    expect(proxy.records.filter((r) => r.forwarded && !allowed.has(`${r.host === 'localhost' ? '127.0.0.1' : r.host}:${r.port}`))).toEqual([]);
  });
});
