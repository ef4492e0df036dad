import type { SpendRecord } from '../../core/insights/spending';
import type { ActivityRecord } from './activity-store';

/** Asset key used by insights and budgets: native coin per chain, or an ERC-20 per chain. */
export function assetKey(chainId: number, token?: string): string {
  return token ? `erc20:${chainId}:${token.toLowerCase()}` : `eth:${chainId}`;
}

/** What left the wallet in each activity record (the token amount for ERC-20 transfers). */
export function toSpendRecords(list: ActivityRecord[], nativeSymbol: (chainId: number) => string): SpendRecord[] {
  return list
    .filter((r) => r.kind !== 'cancel')
    .map((r) =>
      r.token
        ? { createdAt: r.createdAt, status: r.status, asset: assetKey(r.chainId, r.token.address), symbol: r.token.symbol, decimals: r.token.decimals, amount: BigInt(r.token.amount), origin: r.origin }
        : { createdAt: r.createdAt, status: r.status, asset: assetKey(r.chainId), symbol: nativeSymbol(r.chainId), decimals: 18, amount: BigInt(r.value), origin: r.origin },
    );
}
