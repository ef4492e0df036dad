import { incomingFilter, parseIncoming, INCOMING_WINDOW_BLOCKS, MAX_INCOMING, type IncomingTransfer, type KnownToken } from '../../../core/ethereum/transfer-logs';
import { rpcCall } from '../../services/rpc-client';

/**
 * What was scanned per chain + account + token list, kept while the worker lives, so the
 * popup's refresh asks only for the blocks since the last one (one eth_getLogs, all tokens).
 */
const scanned = new Map<string, { head: number; items: IncomingTransfer[] }>();

/** Incoming transfers of the known tokens in the last INCOMING_WINDOW_BLOCKS blocks; null when the node would not say. */
export async function incomingTransfers(rpcUrl: string, chainId: number, tokens: KnownToken[], account: string, head: number): Promise<IncomingTransfer[] | null> {
  if (tokens.length === 0) return [];
  const key = `${chainId}|${account.toLowerCase()}|${tokens.map((t) => t.address.toLowerCase()).sort().join(',')}|${rpcUrl}`;
  const prev = scanned.get(key);
  if (prev && prev.head === head) return prev.items;
  // Continue after the last scanned block, unless the chain went backwards (a reset anvil, a re-org).
  const window = prev && prev.head < head && head - prev.head < INCOMING_WINDOW_BLOCKS ? head - prev.head : INCOMING_WINDOW_BLOCKS;
  const filter = incomingFilter(tokens, account, head, window);
  let logs: unknown;
  try {
    logs = await rpcCall(rpcUrl, 'eth_getLogs', [filter]);
  } catch {
    return prev ? prev.items : null;
  }
  const fresh = parseIncoming(logs, tokens, account);
  const keep = window === INCOMING_WINDOW_BLOCKS ? [] : (prev?.items ?? []).filter((i) => i.blockNumber > head - INCOMING_WINDOW_BLOCKS);
  const seen = new Set(fresh.map((i) => `${i.hash}:${i.logIndex}`));
  const items = [...fresh, ...keep.filter((i) => !seen.has(`${i.hash}:${i.logIndex}`))].slice(0, MAX_INCOMING);
  scanned.set(key, { head, items });
  return items;
}
