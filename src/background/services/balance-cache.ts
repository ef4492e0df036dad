import type { BalanceMatrix, BalanceQuery } from '../../core/ethereum/balances';
import type { Store } from './store';

const KEY = 'balanceCache';
/** Answers kept: the home card and a few pages of the account menu per network, most recent first. */
const MAX_ENTRIES = 24;

/** A BalanceMatrix as storage keeps it (decimal strings: storage holds no bigint). */
export interface StoredBalances {
  block: string | null;
  native: (string | null)[];
  tokens: (string | null)[][];
}

interface Entry {
  key: string;
  value: StoredBalances;
}

const str = (n: bigint | null) => (n === null ? null : n.toString());

export function toStored(m: BalanceMatrix): StoredBalances {
  return { block: str(m.block), native: m.native.map(str), tokens: m.tokens.map((row) => row.map(str)) };
}

/**
 * The last answer per (chain, RPC endpoint, accounts, tokens), in storage.session, so the popup
 * shows balances the moment it opens and asks the network only when a new block came. The
 * endpoint is part of the key: numbers from one RPC are never shown as another's.
 */
export class BalanceCache {
  constructor(private readonly session: Store) {}

  static key(chainId: number, rpcUrl: string, q: BalanceQuery): string {
    const low = (a: readonly string[]) => a.map((x) => x.toLowerCase()).join(',');
    return `${chainId}|${rpcUrl}|${low(q.owners)}|${low(q.tokens)}`;
  }

  async get(key: string): Promise<StoredBalances | undefined> {
    return (await this.entries()).find((e) => e.key === key)?.value;
  }

  async put(key: string, value: StoredBalances): Promise<void> {
    const rest = (await this.entries()).filter((e) => e.key !== key);
    await this.session.set({ [KEY]: [{ key, value }, ...rest].slice(0, MAX_ENTRIES) });
  }

  private async entries(): Promise<Entry[]> {
    const list = await this.session.get<unknown>(KEY);
    return Array.isArray(list) ? (list as Entry[]).filter((e) => typeof e?.key === 'string' && typeof e.value === 'object' && e.value !== null) : [];
  }
}
