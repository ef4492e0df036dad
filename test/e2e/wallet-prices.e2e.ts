import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPriceFeed, type PriceFeed } from '../fixtures/price-feed/server';
import { launchWithWallet } from './helpers/flows';
import { startChainAndPages, startRegtest } from './helpers/servers';
import type { WalletBrowser } from './helpers/wallet-browser';

/**
 * The optional price source: off by default (nothing fetched, no total), turned on in
 * Settings against the price-feed TEST FIXTURE, listed in Network activity from the same
 * record, a total in EUR on home, garbage and bad URLs handled, and off again.
 */
const JUNK = 'test test test test test test test test test test test junk';

describe('fiat totals with an optional price source (off by default)', () => {
  let wb: WalletBrowser;
  let popup: Page;
  let feed: PriceFeed;
  let stopAll: () => Promise<void>;

  beforeAll(async () => {
    const { anvil, pages } = await startChainAndPages();
    const esplora = await startRegtest();
    feed = await startPriceFeed();
    stopAll = async () => {
      await pages.stop();
      await anvil.stop();
      await esplora.stop();
      await feed.stop();
    };
    ({ wb, popup } = await launchWithWallet(JUNK));
  }, 60_000);

  afterAll(async () => {
    await wb?.close();
    await stopAll?.();
  });

  const settings = () => popup.evaluate(async () => (await chrome.runtime.sendMessage<unknown, { result: { prices: unknown } }>({ channel: 'duowallet:internal', method: 'settings_get', params: {} })).result.prices);
  const savePrices = async (o: { enabled: boolean; url?: string; currency?: string }) => {
    await popup.goto(`${wb.popupUrl}#/settings`);
    const form = popup.getByTestId('price-settings');
    await form.waitFor();
    await form.getByTestId('price-source-toggle').setChecked(o.enabled);
    if (o.url !== undefined) await form.getByTestId('price-source-url').fill(o.url);
    if (o.currency) await form.getByTestId('price-currency-select').selectOption(o.currency);
    await form.getByTestId('price-source-save').click();
  };

  it('off by default: no total on home, nothing fetched, Network activity says "No price source"', async () => {
    expect(await settings()).toEqual({ enabled: false, url: 'https://api.coingecko.com/api/v3', currency: 'usd' });
    await expect.poll(() => popup.getByTestId('balance-eth').textContent(), { timeout: 15_000 }).toContain('10000');
    await popup.waitForTimeout(1500);
    expect(await popup.getByTestId('total-fiat').count()).toBe(0);
    await popup.goto(`${wb.popupUrl}#/network-activity`);
    await popup.getByTestId('no-price-source').waitFor();
    expect(await popup.getByTestId('endpoint-prices').count()).toBe(0);
    expect(feed.requests).toEqual([]);
  });

  it('a URL that is not https (nor this computer) is refused and nothing is saved', async () => {
    await savePrices({ enabled: true, url: 'http://prices.example.com/api/v3' });
    await expect.poll(() => popup.getByTestId('price-settings').getByTestId('form-error').textContent()).toMatch(/https.*Nothing was saved/);
    expect(await settings()).toMatchObject({ enabled: false, url: 'https://api.coingecko.com/api/v3' });
    await savePrices({ enabled: true, url: `${feed.url}?x=1` });
    await expect.poll(() => popup.getByTestId('price-settings').getByTestId('form-error').textContent()).toMatch(/without \? or #/);
    expect(await settings()).toMatchObject({ enabled: false });
    expect(feed.requests).toEqual([]);
  });

  it('turned on (fixture feed, EUR): listed in Network activity from the same record; home shows the total', async () => {
    await savePrices({ enabled: true, url: `${feed.url}/`, currency: 'eur' });
    await expect.poll(() => popup.getByTestId('price-source-saved').textContent()).toBe('Saved.');
    expect(await settings()).toEqual({ enabled: true, url: feed.url, currency: 'eur' });
    await popup.goto(`${wb.popupUrl}#/network-activity`);
    await expect.poll(() => popup.getByTestId('endpoint-prices').getAttribute('data-url')).toBe(feed.url);
    expect(await popup.getByTestId('no-price-source').count()).toBe(0);
    expect(feed.requests).toEqual([]); // listing it fetches nothing

    await popup.goto(wb.popupUrl);
    const total = popup.getByTestId('total-fiat');
    // 10000 ETH × €2750.25 + 0 BTC (regtest fixture, nothing funded)
    await expect.poll(() => total.getAttribute('data-value'), { timeout: 15_000 }).toBe('27502500.00');
    expect(await total.getAttribute('data-currency')).toBe('eur');
    expect(await total.textContent()).toContain('€27,502,500.00');
    expect(feed.requests.length).toBeGreaterThan(0);
    expect(feed.requests[0]).toEqual({ path: '/api/v3/simple/price', ids: ['bitcoin', 'ethereum'], currencies: ['eur'] });
  });

  it('a feed answering garbage: no total, never a wrong one', async () => {
    await savePrices({ enabled: true, url: feed.garbageUrl, currency: 'usd' });
    await expect.poll(() => popup.getByTestId('price-source-saved').textContent()).toBe('Saved.');
    await popup.goto(wb.popupUrl);
    const total = popup.getByTestId('total-fiat');
    await expect.poll(() => total.textContent(), { timeout: 15_000 }).toBe('No price for the coins of these networks.');
    expect(await total.getAttribute('data-value')).toBe('');
  });

  it('turned off again: the total goes and the feed hears nothing more', async () => {
    await savePrices({ enabled: false });
    await expect.poll(() => popup.getByTestId('price-source-saved').textContent()).toBe('Saved.');
    const seen = feed.requests.length;
    await popup.goto(wb.popupUrl);
    await expect.poll(() => popup.getByTestId('balance-eth').textContent(), { timeout: 15_000 }).toContain('10000');
    await popup.waitForTimeout(2000);
    expect(await popup.getByTestId('total-fiat').count()).toBe(0);
    expect(feed.requests.length).toBe(seen);
  });
});
