// CoinGecko's `simple/price` (and compatible services): the request URL, a defensive parse of
// the answer, and a total in the chosen currency. Pure; the background does the fetching.

/** The coin ids the API knows our native assets by. */
export const COIN_IDS: Readonly<Record<string, string>> = { ETH: 'ethereum', BTC: 'bitcoin', POL: 'polygon-ecosystem-token' };

const MAX_PRICE = 1e12;

/** `${base}/simple/price?ids=…&vs_currencies=…`, or null when no asked symbol has a coin id. */
export function simplePriceUrl(base: string, symbols: string[], currency: string): string | null {
  const ids = [...new Set(symbols.map((s) => COIN_IDS[s]).filter((x): x is string => !!x))].sort();
  if (ids.length === 0) return null;
  const u = new URL(`${base.replace(/\/+$/, '')}/simple/price`);
  u.searchParams.set('ids', ids.join(','));
  u.searchParams.set('vs_currencies', currency);
  return u.toString();
}

/**
 * { ethereum: { usd: 3000.5 }, … } → { ETH: 3000.5 } for the asked symbols. Anything that is not
 * a finite, non-negative, plausible number is left out (a lying or broken feed shows no total,
 * not a wrong one). Returns null when the answer is not the expected shape at all.
 */
export function parseSimplePrice(json: unknown, symbols: string[], currency: string): Record<string, number> | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const out: Record<string, number> = {};
  for (const sym of symbols) {
    const id = COIN_IDS[sym];
    const entry = id ? (json as Record<string, unknown>)[id] : undefined;
    const price = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[currency] : undefined;
    if (typeof price === 'number' && Number.isFinite(price) && price >= 0 && price < MAX_PRICE) out[sym] = price;
  }
  return out;
}

export interface Holding {
  symbol: string;
  amount: string | bigint; // base units
  decimals: number;
}

/** The sum of holdings × rates; null when a holding has no rate (a partial total would mislead). */
export function fiatTotal(holdings: Holding[], rates: Record<string, number>): number | null {
  let total = 0;
  for (const h of holdings) {
    const rate = rates[h.symbol];
    if (rate === undefined) return null;
    const units = BigInt(h.amount);
    const scale = 10n ** BigInt(h.decimals);
    // whole part and 8 fractional digits: exact enough for a display total, safe for any size
    total += (Number(units / scale) + Number(((units % scale) * 100_000_000n) / scale) / 1e8) * rate;
  }
  return total;
}
