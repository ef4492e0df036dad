import { call } from './api';

/** The current network's head block, or an error when the RPC did not answer. */
export type Head = { chainId: number; block: string } | { error: true };

/** How often an open wallet page asks "a new block?" (one cheap eth_blockNumber). */
const INTERVAL_MS = 4_000;

const listeners = new Set<(h: Head) => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let asking = false;

function ask(): void {
  if (asking) return; // a slow RPC: one question at a time
  asking = true;
  call('balances_block', {})
    .then(
      (r): Head => ({ chainId: r.chainId, block: r.block }),
      (): Head => ({ error: true }),
    )
    .then((h) => {
      asking = false;
      for (const l of listeners) l(h);
    }, () => (asking = false));
}

/**
 * One shared "new block?" question for everything on screen that shows balances, asked every few
 * seconds while at least one of them listens, and never when none does (a closed popup asks
 * nothing: privacy.e2e.ts). Returns the unsubscribe function.
 */
export function watchHead(listener: (h: Head) => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    ask();
    timer = setInterval(ask, INTERVAL_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}
