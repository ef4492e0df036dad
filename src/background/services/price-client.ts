import { parseSimplePrice, simplePriceUrl } from '../../core/prices/simple-price';
import { walletError } from '../../shared/errors';
import { isAllowedRpcUrl } from '../../shared/networks';
import type { PriceSource } from '../../shared/prices';

const TIMEOUT_MS = 10_000;
const CACHE_MS = 60_000;
const MAX_BYTES = 64 * 1024;

/**
 * The optional price feed (a CoinGecko-compatible `simple/price`). Called only by prices_get,
 * which the popup asks only while it is open and only when the source is on. One cached
 * answer per minute, so several open wallet windows do not multiply the requests.
 */
export class PriceClient {
  private cache: { key: string; at: number; rates: Record<string, number> } | null = null;

  async rates(source: PriceSource, symbols: string[], now = Date.now()): Promise<{ rates: Record<string, number>; fetchedAt: number }> {
    const url = simplePriceUrl(source.url, symbols, source.currency);
    if (!url) return { rates: {}, fetchedAt: now };
    if (!isAllowedRpcUrl(url)) throw walletError('price_url_not_allowed', 'The price source URL is not allowed.');
    if (this.cache && this.cache.key === url && now - this.cache.at < CACHE_MS) return { rates: this.cache.rates, fetchedAt: this.cache.at };
    const json = await getJson(url);
    const rates = parseSimplePrice(json, symbols, source.currency);
    if (!rates) throw walletError('price_unavailable', 'The price source answered something that is not a price list.');
    this.cache = { key: url, at: now, rates };
    return { rates, fetchedAt: now };
  }
}

async function getJson(url: string): Promise<unknown> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
  try {
    const res = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, credentials: 'omit', referrerPolicy: 'no-referrer', signal: ctrl.signal });
    if (!res.ok) throw walletError('price_unavailable', `The price source answered HTTP ${res.status}.`);
    const text = await res.text();
    if (text.length > MAX_BYTES) throw walletError('price_unavailable', 'The price source answered too much.');
    return JSON.parse(text) as unknown;
  } catch (err) {
    if (err instanceof Error && err.name === 'WalletError') throw err;
    throw walletError('price_unavailable', ctrl.signal.aborted ? 'The price source did not answer in time.' : 'The price source is unreachable or answered garbage.');
  } finally {
    clearTimeout(timer);
  }
}
