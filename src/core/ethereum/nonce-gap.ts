// Stuck nonces. Transactions of one account are mined in nonce order: if nonce N never reaches
// the network (skipped, dropped, sent with an edited nonce) or sits in the pool with too low a
// fee, every later one waits. Pure: the caller gathers the numbers from the node.

/** An own pending transaction this long at the head of the queue is called stuck. */
export const STUCK_AFTER_MS = 5 * 60_000;

export interface NonceFacts {
  /** eth_getTransactionCount(latest): the next nonce to be mined */
  latest: number;
  /** eth_getTransactionCount(pending): latest + the pool's contiguous run from it */
  pending: number;
  /** our own pending records */
  ours: { nonce: number; hash: string; createdAt: number }[];
  /** nonces the node's pool holds for this account, pending or queued (empty when it cannot say) */
  pool: number[];
  now: number;
}

export type NonceProblem =
  /** nothing is known at `nonce`, yet transactions with the `waiting` nonces wait behind it */
  | { kind: 'gap'; nonce: number; waiting: number[] }
  /** our transaction at `nonce` has waited `minutes`; `waiting` are the ones behind it */
  | { kind: 'stuck'; nonce: number; hash: string; minutes: number; waiting: number[] };

const MAX_LISTED = 10;

export function detectNonceProblem(f: NonceFacts): NonceProblem | null {
  const known = new Set<number>();
  for (let n = f.latest; n < f.pending && n < f.latest + 1000; n++) known.add(n);
  for (const o of f.ours) if (o.nonce >= f.latest) known.add(o.nonce);
  for (const n of f.pool) if (Number.isSafeInteger(n) && n >= f.latest) known.add(n);
  if (known.size === 0) return null;
  const sorted = [...known].sort((a, b) => a - b);
  const highest = sorted[sorted.length - 1]!;
  // The lowest nonce with nothing known while something above it waits.
  for (let n = f.latest; n < highest; n++) {
    if (!known.has(n)) return { kind: 'gap', nonce: n, waiting: sorted.filter((x) => x > n).slice(0, MAX_LISTED) };
  }
  const head = f.ours.filter((o) => o.nonce === f.latest).sort((a, b) => a.createdAt - b.createdAt)[0];
  if (head && f.now - head.createdAt >= STUCK_AFTER_MS) {
    return { kind: 'stuck', nonce: f.latest, hash: head.hash, minutes: Math.floor((f.now - head.createdAt) / 60_000), waiting: sorted.filter((x) => x > f.latest).slice(0, MAX_LISTED) };
  }
  return null;
}

function nonceKeys(x: unknown): number[] {
  if (typeof x !== 'object' || x === null) return [];
  return Object.keys(x)
    .filter((k) => /^\d{1,15}$/.test(k))
    .map(Number);
}

/**
 * The account's nonces in a txpool answer: `txpool_contentFrom` ({ pending: { n: tx }, queued })
 * or `txpool_inspect` / `txpool_content` ({ pending: { addr: { n: tx } }, queued }). Addresses
 * are compared case-insensitively (nodes differ); garbage gives [].
 */
export function poolNonces(answer: unknown, account: string, perAddress: boolean): number[] {
  if (typeof answer !== 'object' || answer === null) return [];
  const a = answer as { pending?: unknown; queued?: unknown };
  const pick = (section: unknown): number[] => {
    if (!perAddress) return nonceKeys(section);
    if (typeof section !== 'object' || section === null) return [];
    const entry = Object.entries(section).find(([addr]) => addr.toLowerCase() === account.toLowerCase());
    return entry ? nonceKeys(entry[1]) : [];
  };
  return [...new Set([...pick(a.pending), ...pick(a.queued)])].sort((x, y) => x - y);
}
