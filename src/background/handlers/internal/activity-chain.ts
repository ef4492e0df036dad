import { poolNonces } from '../../../core/ethereum/nonce-gap';
import type { ActivityRecord } from '../../services/activity-store';
import { rpcBatch, type BatchResult } from '../../services/rpc-client';

export interface ChainFacts {
  head: number | null;
  latestNonce: number | null;
  pendingNonce: number | null;
  /** this account's nonces in the node's pool; [] when the node cannot say */
  pool: number[];
  /** per pending hash: null = not mined yet; a missing entry = the node did not say */
  receipts: Map<string, { status: string } | null>;
}

const isLocal = (url: string) => {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

const num = (r: BatchResult | undefined) => (r?.ok && typeof r.result === 'string' && /^0x[0-9a-fA-F]{1,12}$/.test(r.result) ? Number.parseInt(r.result.slice(2), 16) : null);

/**
 * Everything Activity needs from the node in ONE batch: head block, mined and pending nonce,
 * the account's pool entries, and a receipt per pending record. The pool is asked with
 * txpool_contentFrom (this account only; geth, erigon); a node on this machine (anvil) is
 * asked with txpool_inspect instead, which is cheap there. Nodes without either answer an
 * error entry, which just means "no pool view". null when the network did not answer.
 */
export async function chainFacts(rpcUrl: string, address: string, pending: ActivityRecord[]): Promise<ChainFacts | null> {
  const local = isLocal(rpcUrl);
  const answers = await rpcBatch(rpcUrl, [
    { method: 'eth_blockNumber', params: [] },
    { method: 'eth_getTransactionCount', params: [address, 'latest'] },
    { method: 'eth_getTransactionCount', params: [address, 'pending'] },
    local ? { method: 'txpool_inspect', params: [] } : { method: 'txpool_contentFrom', params: [address] },
    ...pending.map((r) => ({ method: 'eth_getTransactionReceipt', params: [r.hash] })),
  ]).catch(() => null);
  if (!answers) return null;
  const pool = answers[3]?.ok ? poolNonces(answers[3].result, address, local) : [];
  const receipts = new Map<string, { status: string } | null>();
  pending.forEach((r, i) => {
    const a = answers[4 + i];
    if (!a?.ok) return;
    if (a.result === null) receipts.set(r.hash, null);
    else if (typeof a.result === 'object') {
      const status = (a.result as { status?: unknown }).status;
      if (typeof status === 'string') receipts.set(r.hash, { status });
    }
  });
  return { head: num(answers[0]), latestNonce: num(answers[1]), pendingNonce: num(answers[2]), pool, receipts };
}
