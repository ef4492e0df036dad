import { monthOf, monthlyTotals, spentThisMonth } from '../../../core/insights/spending';
import { walletError } from '../../../shared/errors';
import { parseUnits } from '../../../shared/units';
import type { HandlerContext } from '../../context';
import { toSpendRecords } from '../../services/spend-records';
import type { InternalHandler } from './types';

export async function spendRecords(ctx: HandlerContext) {
  const { activity, network } = ctx.services;
  const nets = await network.list();
  const symbol = (id: number) => nets.find((n) => n.chainId === id)?.nativeSymbol ?? 'ETH';
  return toSpendRecords(await activity.all(), symbol);
}

export const insightsGet: InternalHandler<'insights_get'> = async (ctx) => {
  const records = await spendRecords(ctx);
  const budgets = await ctx.services.budgets.all();
  const months = monthlyTotals(records).map((m) => ({
    month: m.month,
    byAsset: Object.entries(m.byAsset).map(([asset, a]) => ({ asset, symbol: a.symbol, decimals: a.decimals, total: a.total.toString() })),
    bySite: Object.entries(m.bySite).map(([site, assets]) => ({ site, totals: Object.entries(assets).map(([asset, total]) => ({ asset, total: total.toString() })) })),
  }));
  const now = Date.now();
  const known = new Map(records.map((r) => [r.asset, { symbol: r.symbol, decimals: r.decimals }]));
  const chainId = await ctx.services.network.currentChainId();
  const native = `eth:${chainId}`;
  if (!known.has(native)) known.set(native, { symbol: (await ctx.services.network.current()).nativeSymbol, decimals: 18 });
  const budgetList = [...known.entries()].map(([asset, meta]) => {
    const budget = budgets[asset];
    const spent = spentThisMonth(records, asset, now);
    return { asset, ...meta, spent: spent.toString(), budget: budget?.toString() ?? null, over: budget !== undefined && spent > budget };
  });
  return { month: monthOf(now), months, budgets: budgetList };
};

export const insightsSetBudget: InternalHandler<'insights_setBudget'> = async (ctx, { asset, amount, decimals }) => {
  if (amount === null) {
    await ctx.services.budgets.set(asset, null);
    return { ok: true };
  }
  const units = parseUnits(amount, decimals);
  if (units === null || units <= 0n) throw walletError('invalid_amount', 'Enter a budget greater than zero.');
  await ctx.services.budgets.set(asset, units);
  return { ok: true };
};
