import { useEffect } from 'react';

/**
 * Runs `load` now and every `ms` while the component is on screen, again from the start when
 * `key` changes. `live()` turns false once it is left behind, so a late answer is dropped
 * rather than shown for another account or network.
 */
export function usePolling(load: (live: () => boolean) => Promise<unknown>, ms: number, key: string): void {
  useEffect(() => {
    let on = true;
    const live = () => on;
    void load(live);
    const timer = setInterval(() => void load(live), ms);
    return () => {
      on = false;
      clearInterval(timer);
    };
    // `load` is a new closure each render; what it reads is keyed by `key`.
  }, [key, ms]);
}
