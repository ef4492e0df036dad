import { describe, expect, it } from 'vitest';
import { monthOf, monthlyTotals, spentThisMonth, wouldExceed, type SpendRecord } from './spending';

const jan = Date.UTC(2026, 0, 15);
const feb = Date.UTC(2026, 1, 2);
const rec = (p: Partial<SpendRecord>): SpendRecord => ({ createdAt: jan, status: 'confirmed', asset: 'eth:1', symbol: 'ETH', decimals: 18, amount: 10n, origin: null, ...p });

describe('spending insights', () => {
  it('groups by UTC month, asset and site; ignores replaced and failed sends', () => {
    const t = monthlyTotals([
      rec({}),
      rec({ amount: 5n, origin: 'https://dapp.example' }),
      rec({ amount: 100n, status: 'replaced' }),
      rec({ amount: 100n, status: 'failed' }),
      rec({ amount: 7n, status: 'pending', createdAt: feb }),
      rec({ asset: 'erc20:1:0xt', symbol: 'TST', decimals: 6, amount: 3n }),
    ]);
    expect(t.map((m) => m.month)).toEqual(['2026-02', '2026-01']);
    expect(t[1]!.byAsset['eth:1']!.total).toBe(15n);
    expect(t[1]!.byAsset['erc20:1:0xt']!.total).toBe(3n);
    expect(t[1]!.bySite['https://dapp.example']).toEqual({ 'eth:1': 5n });
    expect(t[1]!.bySite['wallet']).toEqual({ 'eth:1': 10n, 'erc20:1:0xt': 3n });
    expect(t[0]!.byAsset['eth:1']!.total).toBe(7n);
  });
  it('checks a budget against this month only', () => {
    const records = [rec({ amount: 60n }), rec({ amount: 1000n, createdAt: Date.UTC(2025, 11, 31) })];
    expect(spentThisMonth(records, 'eth:1', jan)).toBe(60n);
    expect(wouldExceed(records, 'eth:1', 40n, 100n, jan)).toBe(false);
    expect(wouldExceed(records, 'eth:1', 41n, 100n, jan)).toBe(true);
    expect(wouldExceed(records, 'eth:1', 10n ** 30n, undefined, jan)).toBe(false);
  });
  it('uses UTC months', () => {
    expect(monthOf(Date.UTC(2026, 11, 31, 23, 59))).toBe('2026-12');
    expect(monthOf(Date.UTC(2027, 0, 1, 0, 0))).toBe('2027-01');
  });
});
