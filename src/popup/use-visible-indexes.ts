import { useEffect, useState, type RefObject } from 'react';

/** Rows settle for this long before their balances are asked for (no request per scroll frame). */
const SETTLE_MS = 150;

/**
 * The `data-index` of the rows of a scrolling list that are on screen now, at most `max`, in
 * order: with hundreds of accounts only what the user sees is fetched. Empty while `active` is false.
 */
export function useVisibleIndexes(container: RefObject<HTMLElement | null>, active: boolean, max: number, itemsKey: string): number[] {
  const [visible, setVisible] = useState<number[]>([]);
  useEffect(() => {
    const root = container.current;
    if (!active || !root) {
      setVisible([]);
      return undefined;
    }
    const shown = new Set<number>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const publish = () => {
      timer = null;
      const next = [...shown].sort((a, b) => a - b).slice(0, max);
      setVisible((prev) => (prev.length === next.length && prev.every((x, i) => x === next[i]) ? prev : next));
    };
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const index = Number((e.target as HTMLElement).dataset['index']);
          if (e.isIntersecting) shown.add(index);
          else shown.delete(index);
        }
        if (timer === null) timer = setTimeout(publish, SETTLE_MS);
      },
      { root },
    );
    for (const el of root.querySelectorAll<HTMLElement>('[data-index]')) observer.observe(el);
    return () => {
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
    };
  }, [container, active, max, itemsKey]);
  return visible;
}
