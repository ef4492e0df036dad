import type { Warning } from '../../shared/warnings';

/**
 * Spending insights from our own activity records: outgoing value per month per asset and
 * per site, and budget checks. Pure: the records come in, numbers go out.
 */
export interface SpendRecord {
  createdAt: number; // ms
  status: 'pending' | 'confirmed' | 'failed' | 'replaced';
  asset: string; // e.g. "eth:31337" or "erc20:31337:0xabc…"
  symbol: string;
  decimals: number;
  amount: bigint; // base units leaving the wallet
  origin: string | null; // the site that asked, null for the wallet's own send
}

export interface MonthTotals {
  month: string; // YYYY-MM (UTC)
  byAsset: Record<string, { symbol: string; decimals: number; total: bigint }>;
  bySite: Record<string, Record<string, bigint>>; // origin ("wallet" for own sends) → asset → total
}

export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Replaced and failed sends moved nothing (their replacement is counted instead). */
function counts(r: SpendRecord): boolean {
  return r.status === 'pending' || r.status === 'confirmed';
}

export function monthlyTotals(records: SpendRecord[]): MonthTotals[] {
  const months = new Map<string, MonthTotals>();
  for (const r of records) {
    if (!counts(r) || r.amount <= 0n) continue;
    const key = monthOf(r.createdAt);
    const m = months.get(key) ?? { month: key, byAsset: {}, bySite: {} };
    const a = (m.byAsset[r.asset] ??= { symbol: r.symbol, decimals: r.decimals, total: 0n });
    a.total += r.amount;
    const site = (m.bySite[r.origin ?? 'wallet'] ??= {});
    site[r.asset] = (site[r.asset] ?? 0n) + r.amount;
    months.set(key, m);
  }
  return [...months.values()].sort((x, y) => (x.month < y.month ? 1 : -1));
}

export function spentThisMonth(records: SpendRecord[], asset: string, now: number): bigint {
  const month = monthOf(now);
  return monthlyTotals(records).find((m) => m.month === month)?.byAsset[asset]?.total ?? 0n;
}

/** True when sending `amount` now would take this month's outgoing total for the asset past the budget. */
export function wouldExceed(records: SpendRecord[], asset: string, amount: bigint, budget: bigint | undefined, now: number): boolean {
  return budget !== undefined && spentThisMonth(records, asset, now) + amount > budget;
}

/** Shown on the send review when the send takes this month's spending of `symbol` past its budget. */
export function budgetWarning(symbol: string): Extract<Warning<'warning'>, { kind: 'budget' }> {
  return { kind: 'budget', text: 'over', severity: 'warning', message: `This send takes your ${symbol} spending this month past your budget.`, params: { symbol } };
}
