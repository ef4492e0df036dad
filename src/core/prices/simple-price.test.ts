import { describe, expect, it } from 'vitest';
import { fiatTotal, parseSimplePrice, simplePriceUrl } from './simple-price';

describe('simple/price', () => {
  it('builds the request for the assets shown', () => {
    expect(simplePriceUrl('https://api.coingecko.com/api/v3', ['ETH', 'BTC'], 'usd')).toBe('https://api.coingecko.com/api/v3/simple/price?ids=bitcoin%2Cethereum&vs_currencies=usd');
    expect(simplePriceUrl('http://127.0.0.1:5000/api/', ['ETH', 'ETH'], 'eur')).toBe('http://127.0.0.1:5000/api/simple/price?ids=ethereum&vs_currencies=eur');
    expect(simplePriceUrl('https://x.example', ['TST'], 'usd')).toBeNull();
  });

  it('parses the answer, keeping only plausible numbers', () => {
    expect(parseSimplePrice({ ethereum: { usd: 3000.5 }, bitcoin: { usd: 60000 } }, ['ETH', 'BTC'], 'usd')).toEqual({ ETH: 3000.5, BTC: 60000 });
    expect(parseSimplePrice({ ethereum: { usd: '3000' }, bitcoin: { usd: -1 } }, ['ETH', 'BTC'], 'usd')).toEqual({});
    expect(parseSimplePrice({ ethereum: { eur: 1 } }, ['ETH'], 'usd')).toEqual({});
    expect(parseSimplePrice({ ethereum: { usd: 1e300 } }, ['ETH'], 'usd')).toEqual({});
    for (const garbage of [null, 'x', [1], 5]) expect(parseSimplePrice(garbage, ['ETH'], 'usd')).toBeNull();
  });

  it('totals holdings; a holding without a rate gives no total', () => {
    expect(fiatTotal([{ symbol: 'ETH', amount: 1_500_000_000_000_000_000n, decimals: 18 }, { symbol: 'BTC', amount: '50000000', decimals: 8 }], { ETH: 2000, BTC: 60000 })).toBeCloseTo(33000, 6);
    expect(fiatTotal([{ symbol: 'ETH', amount: '0', decimals: 18 }], { ETH: 2000 })).toBe(0);
    expect(fiatTotal([{ symbol: 'ETH', amount: '1', decimals: 18 }], {})).toBeNull();
    expect(fiatTotal([{ symbol: 'ETH', amount: 10n ** 40n, decimals: 18 }], { ETH: 1 })).toBe(1e22);
  });
});
