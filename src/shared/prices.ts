/** The optional price source (off by default, never required): one record in settings. */
export const PRICE_CURRENCIES = ['usd', 'eur', 'cny'] as const;
export type PriceCurrency = (typeof PRICE_CURRENCIES)[number];

export interface PriceSource {
  enabled: boolean;
  /** base of a CoinGecko-compatible API; the wallet asks `${url}/simple/price` */
  url: string;
  currency: PriceCurrency;
}

export const DEFAULT_PRICE_URL = 'https://api.coingecko.com/api/v3';
export const DEFAULT_PRICE_SOURCE: PriceSource = { enabled: false, url: DEFAULT_PRICE_URL, currency: 'usd' };

/** What prices_get answers: rates per asset symbol (ETH, BTC, POL) in the chosen currency. */
export type PriceAnswer = { enabled: false } | { enabled: true; currency: PriceCurrency; rates: Record<string, number>; fetchedAt: number };

/** Public test networks: their coins have no market price, so no fiat total is shown for them. */
export const VALUELESS_CHAIN_IDS: ReadonlySet<number> = new Set([11155111]);
export const VALUELESS_BTC_NETWORKS: ReadonlySet<string> = new Set(['testnet4', 'signet']);
