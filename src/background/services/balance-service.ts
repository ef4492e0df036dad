import { decodeQuantity, type BalanceQuery } from '../../core/ethereum/balances';
import { walletError, type WalletError } from '../../shared/errors';
import { BalanceCache, toStored, type StoredBalances } from './balance-cache';
import { readBalances } from './balance-reader';
import { rpcCall } from './rpc-client';
import { RpcCapabilities } from './rpc-capabilities';
import type { Store } from './store';

/** The popup waits this long at most for a balance or a block number, then says "unavailable". */
const READ_TIMEOUT_MS = 8_000;

/** 'cache': the kept answer when there is one; 'network' and 'block' (a read a new block caused): read now. */
export type BalanceSource = 'cache' | 'network' | 'block';

/** Balances for the popup: the cached answer when asked for and present, else one read from the network. */
export class BalanceService {
  private readonly caps: RpcCapabilities;
  private readonly cache: BalanceCache;

  constructor(
    session: Store,
    private readonly timeoutMs = READ_TIMEOUT_MS,
  ) {
    this.caps = new RpcCapabilities(session);
    this.cache = new BalanceCache(session);
  }

  async read(net: { chainId: number; rpcUrl: string }, q: BalanceQuery, source: BalanceSource): Promise<{ balances: StoredBalances; cached: boolean }> {
    const key = BalanceCache.key(net.chainId, net.rpcUrl, q);
    if (source === 'cache') {
      const hit = await this.cache.get(key);
      if (hit) return { balances: hit, cached: true };
    }
    let balances: StoredBalances;
    try {
      balances = toStored(await readBalances(net.rpcUrl, net.chainId, q, this.caps, { timeoutMs: this.timeoutMs }));
    } catch (err) {
      throw unavailable(err);
    }
    await this.cache.put(key, balances);
    return { balances, cached: false };
  }

  /** The chain's latest block number (decimal): the cheap question asked every few seconds while balances are on screen. */
  async head(rpcUrl: string): Promise<string> {
    let ret: unknown;
    try {
      ret = await rpcCall(rpcUrl, 'eth_blockNumber', [], { timeoutMs: this.timeoutMs });
    } catch (err) {
      throw unavailable(err);
    }
    const n = decodeQuantity(ret);
    if (n === null) throw walletError('rpc_unavailable', 'The RPC answered eth_blockNumber with something that is not a block number.');
    return n.toString();
  }
}

function unavailable(err: unknown): WalletError {
  return walletError('rpc_unavailable', err instanceof Error ? err.message : 'The RPC did not answer.');
}
