import { useEffect, useRef, useState } from 'react';
import { watchHead } from './block-ticker';

export type BalanceSource = 'cache' | 'network' | 'block';

interface Answer {
  chainId: number;
  block: string | null;
  cached: boolean;
}

/**
 * Balances that show at once and stay current: the background's kept answer first, then a read
 * only when the chain's head block differs from the block the numbers are from. A failed read or
 * head check shows "unavailable" (data null), never a number the network cannot confirm now.
 * `key` null: nothing is loaded or watched.
 */
export function useLiveBalances<T extends Answer>(load: (source: BalanceSource) => Promise<T>, key: string | null): { data: T | null; unavailable: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    setData(null);
    setUnavailable(false);
    if (key === null) return undefined;
    let live = true;
    let loading = false;
    // The block the shown numbers are from; null when nothing (trustworthy) is shown.
    let basis: string | null = null;
    let chainId: number | null = null;
    const fail = () => {
      basis = null;
      setData(null);
      setUnavailable(true);
    };
    const read = (source: BalanceSource) => {
      loading = true;
      loadRef.current(source).then(
        (r) => {
          loading = false;
          if (!live) return;
          basis = r.block;
          chainId = r.chainId;
          setData(r);
          setUnavailable(false);
        },
        () => {
          loading = false;
          if (live) fail();
        },
      );
    };
    read('cache');
    const stop = watchHead((h) => {
      if (!live || loading) return;
      if ('error' in h) return fail();
      if (chainId !== null && h.chainId !== chainId) return; // the network is being switched: `key` changes next
      if (h.block !== basis) read('block');
    });
    return () => {
      live = false;
      stop();
    };
  }, [key]);

  return { data, unavailable };
}
