import { describe, expect, it } from 'vitest';
import { AccountCache, type CachedAccount } from './account-cache';
import { memoryStore, type Store } from './store';

const account = (index: number): CachedAccount => ({ index, name: `Account ${index + 1}`, eth: `0x${String(index).padStart(40, '0')}`, btc: {} });

/** A store that counts reads and can hold a read back until the test lets it go. */
function countingStore(inner: Store) {
  let reads = 0;
  let gate: Promise<void> | null = null;
  const store: Store = {
    get: async <T>(key: string) => {
      reads++;
      const value = await inner.get<T>(key);
      if (gate) await gate;
      return value;
    },
    set: (items) => inner.set(items),
    remove: (keys) => inner.remove(keys),
  };
  return {
    store,
    reads: () => reads,
    hold: () => {
      let release = () => undefined as void;
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

describe('account cache (public addresses, read once per worker start)', () => {
  it('reads storage once, then answers from memory; a write is what later reads see', async () => {
    const inner = memoryStore({ accountCache: [account(0)] });
    const s = countingStore(inner);
    const cache = new AccountCache(s.store);
    expect(await cache.read()).toEqual([account(0)]);
    expect(await cache.read()).toEqual([account(0)]);
    expect(s.reads()).toBe(1);
    await cache.write([account(0), account(1)]);
    expect(await cache.read()).toEqual([account(0), account(1)]);
    expect(inner.dump().accountCache).toEqual([account(0), account(1)]);
    expect(s.reads()).toBe(1);
  });

  it('clear empties both storage and memory', async () => {
    const inner = memoryStore({ accountCache: [account(0)] });
    const cache = new AccountCache(inner);
    await cache.read();
    await cache.clear();
    expect(await cache.read()).toEqual([]);
    expect(inner.dump().accountCache).toBeUndefined();
  });

  it('a read in flight while a write lands does not keep the older list in memory', async () => {
    const inner = memoryStore({ accountCache: [account(0)] });
    const s = countingStore(inner);
    const cache = new AccountCache(s.store);
    const release = s.hold();
    const stale = cache.read(); // reads [account 0], held before it returns
    await cache.write([account(0), account(1)]);
    release();
    expect(await stale).toEqual([account(0)]);
    expect(await cache.read()).toEqual([account(0), account(1)]);
  });

  it('storage holding something that is not a list reads as no accounts', async () => {
    const cache = new AccountCache(memoryStore({ accountCache: 'garbage' }));
    expect(await cache.read()).toEqual([]);
  });
});
